"""Speaker words the attribution rules in ``quotes_attribution`` fall back on.

* A described speaker: a speech verb's subject that names no entity ("a
  spokeswoman", "the newspaper", "officials from both sides", "his
  colleague") is kept as the speaker's description, never resolved to an
  entity, so "X's colleague said" is not attributed to X.
* An inverted speaker after a quote: '“...,” Smith interjected',
  '“...,” interjected Smith' and '“...,” Jane Doe, head of X, notified Y'
  attribute the quote to that subject even when the verb is not in the
  speech lexicon, so the quote is not taken for a continuation of the
  previous speaker's quote.
* A subject the parse lost: "said Jane Doe, daughter of ..." where the parser
  hangs the name under a later verb; the name right after (or right before)
  the speech verb is its subject; so is a noun phrase right after it that is
  not its object ("said a government statement, read on ...": described).
* A name coordinated with a role noun ("said local businessman and blogger
  Jane Doe", "president and chief executive officer Jane Doe said") names the
  speaker; a name in the possessive ("X's colleague") never does.
The verb lexicon is generic English: ``names.SPEECH_VERBS`` plus a few more
reporting verbs kept here so that entity typing cues are not affected.

* A described speaker taken up by "he"/"she": '“...,” he said' after "a company
  spokesman said" in the same paragraph, with no other speaker between, is that
  spokesman, not a person named earlier (``described_before``).

* Earlier speakers: names that were the subject of a speech verb earlier in
  the article, preferred when a pronoun's nearest candidates include no
  main-clause subject (the discourse's speaker, not a person merely named).
"""

from __future__ import annotations

from generator.knowledge.names import SPEECH_VERBS, family_key, is_job_word
from generator.nlp.paragraph import Paragraph
from generator.quotes.spans import QuoteSpan

QUOTE_VERBS = SPEECH_VERBS | frozenset(
    """
    stress stressed emphasize emphasized emphasise emphasised acknowledge acknowledged
    admit admitted assert asserted declare declared remark remarked observe observed
    respond responded recall recalled continue continued predict predicted
    suggest suggested tweet tweeted comment commented concede conceded maintain
    maintained contend contended complain complained promise promised vow vowed
    caution cautioned conclude concluded describe described accuse accused call called quote quoted
    interject interjected retort retorted answer answered shout shouted yell yelled quip quipped
    counter countered chant chanted scream screamed joke joked tell telling
    exclaim exclaimed testify testified reiterate reiterated boast boasted recount recounted
    plead pleaded lament lamented cite cited float floated propose proposed mention mentioned
    """.split()
)
PHRASAL_SPEECH = frozenset({("point", "out"), ("spell", "out"), ("lash", "out")})
"""Verbs of saying only with their particle ("pointed out that", not "pointed to")."""


def is_speech_verb(token) -> bool:
    """True for a verb of saying ("said", "explained", "told", "pointed out"), also one the
    tagger took for a noun although it has a subject ("X calls the plan “a mistake”")."""
    if token.pos_ not in ("VERB", "AUX") and not _predicate_noun(token):
        return False
    lemma = token.lemma_.lower()
    if (lemma, "out") in PHRASAL_SPEECH:
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    return token.lower_ in QUOTE_VERBS or lemma in QUOTE_VERBS


def _predicate_noun(token) -> bool:
    """A word tagged a noun that heads a subject: the tagger's noun is the sentence's verb."""
    return token.pos_ == "NOUN" and any(child.dep_ == "nsubj" for child in token.children)


LABEL_VERBS = frozenset("dismiss reject brand label term denounce condemn decry".split())
"""Verbs that quote a label only through "as" ("dismissed the claims as “absurd”")."""


def is_label_verb(token) -> bool:
    """True for a verb that labels something ("dismissed ... as", "branded ... as")."""
    return token.pos_ == "VERB" and token.lemma_.lower() in LABEL_VERBS


NOUN_POS = frozenset({"NOUN", "PROPN"})
DESCRIPTION_DEPS = frozenset({"prep", "nummod", "compound", "amod"})
"""Right-hand dependents kept in a description ("officials from both sides", "Juror No. 12")."""
CLOSING = (",", "?", "!", "—", "-")
"""A quote ending in one of these (inside the marks) runs on into its attribution."""
INVERTED_WINDOW = 6
"""Tokens after a quote searched for '“...,” Smith interjected'."""


def description(paragraph: Paragraph, subject, inside: set[int]) -> tuple[int, int] | None:
    """Absolute offsets of a nominal subject's words, or None for pronouns and quoted words."""
    if subject.pos_ not in NOUN_POS or subject.i in inside:
        return None
    left = subject.left_edge
    while left.i < subject.i and (left.is_punct or left.is_space):
        left = left.nbor(1)
    right = subject
    for child in subject.rights:
        if child.dep_ not in DESCRIPTION_DEPS or any(t.i in inside for t in child.subtree):
            break
        right = child.right_edge
    return paragraph.offset + left.idx, paragraph.offset + right.idx + len(right.text)


def coordinated(subject) -> list:
    """Tokens coordinated with or in apposition to a subject ("businessman and blogger Jane Doe")."""
    found, todo = [], [subject]
    while todo:
        token = todo.pop(0)
        for child in token.children:
            if child.dep_ in ("conj", "appos"):
                found.append(child)
                todo.append(child)
    return found


def runs_on(paragraph: Paragraph, span: QuoteSpan) -> bool:
    """True when the quoted words end with a comma or ?/! (the attribution follows)."""
    raw = paragraph.source.text[span.start: span.close].rstrip("”\"’' ")
    return raw.endswith(CLOSING)


def inverted_verb(paragraph: Paragraph, span: QuoteSpan, inside: set[int]):
    """The verb of '“...,” Smith interjected' / '“...,” interjected Smith' right after a quote."""
    if not runs_on(paragraph, span):
        return None
    after = _after_quote(paragraph, span, inside)[:INVERTED_WINDOW]
    words = [t for t in after if not t.is_punct]
    if not words or after[0].is_punct and after[0].text not in ",":
        return None
    for token in words[:4]:
        if token.pos_ == "VERB" and has_adjacent_subject(token, span, paragraph):
            return token
        if token.dep_ == "nsubj" and token.head.pos_ == "VERB" and token.head.i > token.i:
            return token.head  # '“...,” Jane Doe, head of the union, notified the board.'
        if token.pos_ not in NOUN_POS | {"DET", "ADJ", "PUNCT"}:
            return None
    return None


def has_adjacent_subject(verb, span: QuoteSpan, paragraph: Paragraph) -> bool:
    """True when the verb's nominal subject stands between the quote and the verb, or just after it."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.pos_ in NOUN_POS | {"PRON"}:
            return paragraph.offset + child.left_edge.idx >= span.close
    return False


def adjacent_subject(verb, inside: set[int]):
    """A name right after a speech verb ("said Jane Doe, ...") or right before it, else a noun
    phrase right after it that is not its object ("said a government statement, read on ...":
    the parse made "statement" the subject of "read"), when the parse gave the verb no subject."""
    doc = verb.doc
    for index in (verb.i + 1, verb.i - 1):
        if 0 <= index < len(doc) and index not in inside and doc[index].pos_ == "PROPN":
            token = doc[index]
            while token.dep_ == "compound" and token.head.i != token.i and token.head.pos_ == "PROPN":
                token = token.head
            return token
    return _noun_phrase_after(verb, inside)


def subject_after_quote(paragraph: Paragraph, span: QuoteSpan, verb, inside: set[int]):
    """The noun phrase opening the attribution of a quote that runs on into it, when the verb of
    saying comes later and the parse gave it no subject ('“...,” a detective, speaking on
    condition of anonymity, said': the parse hung "detective" on the quote's verb)."""
    if not runs_on(paragraph, span) or paragraph.offset + verb.idx < span.close:
        return None
    words = [t for t in _after_quote(paragraph, span, inside) if t.i < verb.i and not t.is_punct]
    chunk = _noun_chunk_at(paragraph.doc, words[0].i) if words else None
    return chunk.root if chunk is not None and chunk.root.pos_ in NOUN_POS else None


def _after_quote(paragraph: Paragraph, span: QuoteSpan, inside: set[int]) -> list:
    """The tokens after a quote's closing mark, outside every quote, spaces left out."""
    return [t for t in paragraph.doc if paragraph.offset + t.idx >= span.close
            and t.i not in inside and not t.is_space]


def _noun_chunk_at(doc, index: int):
    """The noun chunk of ``doc`` starting at token ``index``, else None."""
    for chunk in doc.noun_chunks:
        if chunk.start >= index:
            return chunk if chunk.start == index else None
    return None


OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd", "pobj"})
"""Dependencies of a noun phrase that is a verb's object, never its speaker ("told reporters")."""


def _noun_phrase_after(verb, inside: set[int]):
    """The head noun of the noun phrase that starts right after ``verb``, unless it is the verb's
    object ("told reporters") or stands inside a quote."""
    chunk = _noun_chunk_at(verb.doc, verb.i + 1)
    if chunk is None or chunk.root.pos_ != "NOUN" or chunk.root.i in inside:
        return None
    is_object = chunk.root.head.i == verb.i and chunk.root.dep_ in OBJECT_DEPS
    return None if is_object else chunk.root


def earlier_speakers(paragraph: Paragraph) -> set[str]:
    """Family names (``family_key``) of the people who were the subject of a speech verb before
    this paragraph ends."""
    names: set[str] = set()
    current: Paragraph | None = paragraph
    while current is not None:
        for mention in current.mentions:
            start, end = mention.start - current.offset, mention.end - current.offset
            if any(start <= t.idx < end and t.dep_ == "nsubj" and is_speech_verb(t.head)
                   for t in current.doc) and (key := family_key(mention.text)):
                names.add(key)
        current = current.previous
    return names


PERSON_NOUNS = frozenset(
    """
    official spokesman spokeswoman spokesperson analyst source aide adviser advisor
    consultant economist strategist trader broker banker investor officer director manager
    employee worker expert witness resident diplomat negotiator detective attorney
    """.split()
)
"""Nouns news uses for a person it does not name ("a company spokesman", "one analyst")."""
def _other_gender(word: str, pronoun: str) -> bool:
    """True when a person noun gives the gender a pronoun does not ("spokeswoman" for "he")."""
    woman = word.endswith("woman")
    return woman if pronoun == "he" else word.endswith("man") and not woman


def described_before(paragraph: Paragraph, pronoun, inside: set[int]) -> tuple[int, int] | None:
    """The words of an unnamed person who is the subject of the nearest saying verb before a
    "he"/"she" in its paragraph ("A company spokesman said ... “...,” he said"): the pronoun
    takes up that speaker. None when that nearest speaker is named, is no person noun
    (``PERSON_NOUNS``), or is of the other gender, and for any other subject word."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    for token in reversed(paragraph.doc[: pronoun.i]):
        if token.i in inside or not is_speech_verb(token):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i not in inside), None)
        if subject is None:
            continue
        word = subject.lower_
        if subject.tag_ != "NN" or not (word in PERSON_NOUNS or is_job_word(word)) \
                or _other_gender(word, pronoun.lower_):
            return None
        return description(paragraph, subject, inside)
    return None
