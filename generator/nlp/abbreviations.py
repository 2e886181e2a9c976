"""Abbreviated titles kept whole by the tokenizer and inside their sentence by the parser.

spaCy's English tokenizer knows some abbreviated titles ("Gen.", "Sen.", "Dr.") but splits
others ("Capt." -> "Capt" "."), and the parser then often ends a sentence at that full stop, or
after a title it does not know: "police spokesman Capt." and "Tom Brell said." become two
sentences, so the quote before them loses its speaker and the name its title.
``keep_title_abbreviations`` adds a tokenizer special case for every abbreviated title of the
generic lexicon (``names.TITLE_ABBREVIATIONS``), as written in running text ("Capt.") and in
capitals ("CAPT."), and a component before the parser that starts no sentence right after one.
spaCy is imported only when a pipeline is loaded (a fully cached build never loads it).
"""

from __future__ import annotations

from generator.knowledge.names import TITLE_ABBREVIATIONS

COMPONENT = "briefing_title_abbreviations"
"""Name of the pipeline component that keeps a title and the name after it in one sentence."""


def written_forms(abbreviation: str) -> set[str]:
    """How an abbreviated title is written before a name: "capt." -> {"Capt.", "CAPT."}."""
    return {abbreviation.capitalize(), abbreviation.upper()}


def no_sentence_after_titles(doc):
    """A spaCy component: the token after an abbreviated title starts no sentence."""
    for token in doc[1:]:
        if token.nbor(-1).lower_ in TITLE_ABBREVIATIONS:
            token.is_sent_start = False
    return doc


def keep_title_abbreviations(nlp) -> None:
    """Make each abbreviated title one token of ``nlp`` (a spacy.Language) and, when it has a
    parser or sentence recogniser, no sentence end."""
    from spacy.language import Language
    from spacy.symbols import ORTH

    for abbreviation in sorted(TITLE_ABBREVIATIONS):
        for form in written_forms(abbreviation):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=no_sentence_after_titles)
    splitter = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
    if splitter is not None and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before=splitter)
