"""Each article's key terms, kept between builds by the text and name spans they come from.

``story_profiles.key_terms`` of an article reads nothing but its text and the spans of
the names resolved in it (blanked out before the words are read), and takes a
tenth of a second per thousand articles. A rebuild recalls the counted terms of
every article whose text and name spans are unchanged (``TermMemo.counts``);
an edited article, or one in which resolution found other names, is read
again. The memo is kept in the story pairs' file (``pair_memo.write_memo``),
behind the same line naming the code, and holds the last build's articles only.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Terms = tuple[tuple[str, ...], tuple[int, ...]]
"""An article's features made of key terms ("term:<word>", "num:<number>") in the order each
first occurs, and how often each occurs."""


def text_key(text: str, names: Iterable[tuple[int, int]]) -> bytes:
    """16-byte digest of an article's text and its name spans (each once, sorted)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16)
    digest.update(repr(sorted(set(names))).encode())
    return digest.digest()


def counted(words: Iterable[str]) -> Terms:
    """The ``Terms`` of an article's key terms in text order."""
    counts = Counter(f"num:{w}" if w[0].isdigit() else f"term:{w}" for w in words)
    return tuple(counts), tuple(counts.values())


@dataclass
class TermMemo:
    """The previous build's articles' terms and, as they are asked for, this build's."""

    kept: dict[bytes, Terms] = field(default_factory=dict)
    """``text_key`` -> terms, read from the cache folder."""
    fresh: dict[bytes, Terms] = field(default_factory=dict)
    """``text_key`` -> terms of this build's articles, for the next build."""

    def counts(self, text: str, names: list[tuple[int, int]],
               work_out: Callable[[str, list[tuple[int, int]]], Iterable[str]]) -> dict[str, int]:
        """Feature -> count of the key terms of ``text`` (``names``: spans of its names), in the
        order each first occurs: recalled when kept, else ``counted(work_out(text, names))``."""
        key = text_key(text, names)
        terms = self.kept.get(key) or self.fresh.get(key) or counted(work_out(text, names))
        self.fresh[key] = terms
        return dict(zip(*terms, strict=True))


def well_formed(terms: object) -> bool:
    """Whether a read value is a memo of ``Terms`` as this code writes it (checked shallowly:
    the file is checksummed and named by the code that wrote it)."""
    return isinstance(terms, dict) and all(
        isinstance(k, bytes) and isinstance(v, tuple) and len(v) == 2 for k, v in terms.items())
