"""English stop words: spaCy's list, read without importing spaCy.

``spacy.lang.en.stop_words`` is a module of plain data, but importing it runs
spaCy's package initialisation (about 1.1 s), which a build that parses no
article (a delete, an unchanged rebuild, the MkDocs plugin starting) does not
otherwise need. The file is found through spaCy's package location and run on
its own; should that ever fail (another layout of the package), spaCy's module
is imported as usual, with the same list.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

SPACY_FILE = ("lang", "en", "stop_words.py")
"""Where the list is inside the spaCy package."""


def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words."""
    try:
        return _read_without_spacy()
    except (ImportError, OSError, AttributeError, TypeError):
        from spacy.lang.en.stop_words import STOP_WORDS
        return frozenset(STOP_WORDS)


def _read_without_spacy() -> frozenset[str]:
    """The list from spaCy's file, its package not imported (``find_spec`` only locates it)."""
    package = importlib.util.find_spec("spacy")
    if package is None or not package.submodule_search_locations:
        raise ImportError("spaCy is not installed")
    path = Path(next(iter(package.submodule_search_locations)), *SPACY_FILE)
    spec = importlib.util.spec_from_file_location("briefing_spacy_en_stop_words", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: not loadable")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


STOP_WORDS = english_stop_words()
"""spaCy's English stop words (``english_stop_words``)."""
