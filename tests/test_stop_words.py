"""The stories' stop words are spaCy's English list, and a build imports spaCy only to parse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.knowledge import stop_words
from generator.knowledge.stop_words import english_stop_words

REPO = Path(__file__).resolve().parents[1]


def test_the_stop_words_are_spacy_s_english_list():
    from spacy.lang.en.stop_words import STOP_WORDS

    assert english_stop_words() == frozenset(STOP_WORDS)
    assert {"the", "and", "whereas"} <= english_stop_words()


def test_when_spacy_s_file_cannot_be_read_its_module_gives_the_same_list(monkeypatch):
    def unreadable() -> frozenset[str]:
        raise OSError("no such file")

    monkeypatch.setattr(stop_words, "_read_without_spacy", unreadable)
    from spacy.lang.en.stop_words import STOP_WORDS

    assert english_stop_words() == frozenset(STOP_WORDS)


def test_importing_the_build_the_plugin_and_the_command_line_does_not_import_spacy():
    script = ("import sys, generator.pipeline, generator.mkdocs_plugin, generator.cli\n"
              "print('spacy' in sys.modules, 'thinc' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["False", "False"]
