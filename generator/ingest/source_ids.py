"""Source ids: the file name without extension, or a safe slug when that is unsafe.

A source's id names its page (``sources/<id>.md``), its URL and every
reference in the export, so it must be safe in a URL, in a file system that
ignores case, and next to the generated ``sources/index.md``. The file name
itself is kept in ``Source.path``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_SAFE_ID = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
MAX_ID_LENGTH = 80
"""Longer stems get a slug: page paths stay well inside file-name limits."""
RESERVED_IDS = frozenset({"index", "readme", "con", "prn", "aux", "nul",
                          *(f"{dev}{n}" for dev in ("com", "lpt") for n in range(1, 10))})
"""Stems that would clash with MkDocs' section pages or Windows device names (any case)."""
SLUG_LENGTH = 40


def is_safe_id(stem: str, taken: Iterable[str] = ()) -> bool:
    """True when ``stem`` can be used as it is: URL-safe ASCII, not reserved, not a case-twin."""
    lowered = stem.lower()
    return (bool(_SAFE_ID.fullmatch(stem)) and len(stem) <= MAX_ID_LENGTH
            and lowered not in RESERVED_IDS
            and all(t.lower() != lowered or t == stem for t in taken))


def slug_id(name: str) -> str:
    """A safe id for the file ``name``: ASCII words of its stem plus a short hash of the name."""
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_LENGTH].strip("-")
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{words or 'source'}-{digest}"


def source_id(name: str, stem: str, taken: Iterable[str]) -> str:
    """The id of the file ``name``: its ``stem`` when safe next to the ``taken`` ids, else a slug."""
    return stem if is_safe_id(stem, taken) else slug_id(name)
