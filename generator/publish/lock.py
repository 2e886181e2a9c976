"""One build of a project at a time: a lock file in the project's cache folder.

The lock is ``.briefing.lock`` in the cache folder (``.briefing-cache/``, kept
out of version control), or beside the docs folder when the cache is off. It
is held with an operating-system file lock, which the system releases when
the holding process ends in any way, even ``kill -9``: a lock file left by a
dead build is simply taken over. The file records the holder's process id for
the message a second build prints, and is removed when the build ends. Where
the system offers no file locks, the process id is checked instead, and a
lock whose process no longer runs is taken over.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from generator.config import BriefingError, BuildLocked

LOCK_NAME = ".briefing.lock"

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(folder: Path) -> Path:
    """The lock file guarding builds that use ``folder`` (the cache, else the docs' parent)."""
    return folder / LOCK_NAME


@contextlib.contextmanager
def build_lock(folder: Path) -> Iterator[Path]:
    """Hold the lock in ``folder`` for the duration of a build.

    Raises:
        BuildLocked: another running build holds it.
        BriefingError: the lock file cannot be created.
    """
    path = lock_path(folder)
    handle = _locked_handle(path)
    try:
        with contextlib.suppress(OSError):  # only for the message; a full disk must not stop the build
            os.ftruncate(handle, 0)
            os.write(handle, f"{os.getpid()}\n".encode())
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # before closing: a waiting build then finds a fresh file
        os.close(handle)


def _locked_handle(path: Path, attempts: int = 5) -> int:
    """An open, locked descriptor of ``path``, retried when the file was replaced meanwhile."""
    for _ in range(attempts):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise BriefingError(f"{path}: cannot create the build lock: {err.strerror or err}") from err
        try:
            _acquire(handle, path)
            if _same_file(handle, path):
                return handle
        except BaseException:
            os.close(handle)
            raise
        os.close(handle)  # the holder removed the file as we opened it: lock the new one
    raise BuildLocked(_locked_message(path, _holder(path)))


def _same_file(handle: int, path: Path) -> bool:
    try:
        return os.fstat(handle).st_ino == path.stat().st_ino
    except OSError:
        return False


def _acquire(handle: int, path: Path) -> None:
    if fcntl is None:
        _acquire_by_pid(handle, path)
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise BuildLocked(_locked_message(path, _holder(path))) from None


def _acquire_by_pid(handle: int, path: Path) -> None:
    """Without file locks: refuse when the recorded process still runs."""
    holder = _holder(path)
    if holder is not None and holder != os.getpid() and _is_running(holder):
        raise BuildLocked(_locked_message(path, holder))


def _holder(path: Path) -> int | None:
    try:
        return int(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _locked_message(path: Path, holder: int | None) -> str:
    who = f"process {holder}" if holder else "another process"
    return (f"another build of this project is running ({who} holds {path}); "
            "wait for it to finish and build again")
