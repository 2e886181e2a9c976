"""Compiled Jinja templates kept between builds, as checksummed pickles.

Compiling the page templates costs every build (and every forked renderer
inherits the result) about 0.2 s CPU. Jinja's ``BytecodeCache`` keys each
template by its name and checks the kept code against a hash of its source,
so an edited template is compiled again; it does not check the environment's
options (``trim_blocks``, filters), so each file also names the code that
compiled it (``version``). Files are written atomically and read through
``read_headed``: a damaged file, another version or an unwritable folder is a
miss (the template is compiled), never an error.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache

from generator.storage.checked_pickle import read_headed, write_headed

SUFFIX = ".template"


class CompiledTemplates(BytecodeCache):
    """A folder of compiled templates, one file per template."""

    def __init__(self, folder: Path, version: str) -> None:
        """Args:
            folder: where the files are (made when first written).
            version: the code that compiles (its fingerprint); files of other code are misses.
        """
        self.folder = folder
        self.version = version

    def path(self, bucket: Bucket) -> Path:
        """The file of one template (its key is a hex digest of its name)."""
        return self.folder / f"{bucket.key}{SUFFIX}"

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` from its file; a missing, damaged or foreign file leaves it empty."""
        data = read_headed(self.path(bucket), self.version)
        if isinstance(data, bytes):
            bucket.bytecode_from_string(data)  # another Python's code is refused by its magic

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the compiled template; a folder that cannot be written only costs the next build time."""
        with contextlib.suppress(OSError):
            write_headed(self.path(bucket), self.version, bucket.bytecode_to_string())
