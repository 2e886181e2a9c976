"""Paragraph lookups by offset agree with a plain scan and need no rescans."""

from __future__ import annotations

import random

from generator.model import Mention, Sentence, Source
from generator.nlp.paragraph import Paragraph


def make_paragraph(seed: int, count: int = 300) -> Paragraph:
    rng = random.Random(seed)
    text = "x" * 40_000
    starts = sorted(rng.sample(range(0, 39_000, 7), count))
    mentions = tuple(Mention("s", p, p + rng.randint(1, 40), "X", "person", sentence=0) for p in starts)
    sentences = tuple(Sentence(i, i * 400, (i + 1) * 400, 0) for i in range(100))
    source = Source("s", "s.txt", "ok", text=text, content_hash="h")
    return Paragraph(source, None, 0, sentences, mentions, ())


def scan(paragraph: Paragraph, start: int, end: int) -> Mention | None:
    return next((m for m in paragraph.mentions if m.start < end and start < m.end), None)


def test_mention_at_equals_a_plain_scan():
    paragraph = make_paragraph(1)
    rng = random.Random(2)
    for _ in range(3000):
        start = rng.randrange(0, 40_000)
        end = start + rng.randint(1, 60)
        assert paragraph.mention_at(start, end) == scan(paragraph, start, end)


def test_sentence_at_finds_the_holding_sentence():
    paragraph = make_paragraph(3)
    for position in (0, 399, 400, 12_345, 39_999):
        assert paragraph.sentence_at(position).index == position // 400


def test_times_between_equals_a_plain_scan():
    from generator.model import TimeExpression

    rng = random.Random(4)
    starts = sorted(rng.sample(range(0, 39_000, 5), 200))
    times = tuple(TimeExpression(p, p + rng.randint(3, 25), "x", "DATE", "2025-01-01") for p in starts)
    paragraph = make_paragraph(5)
    paragraph = Paragraph(paragraph.source, None, 0, paragraph.sentences, paragraph.mentions, times)
    for _ in range(2000):
        start = rng.randrange(0, 40_000)
        end = start + rng.randint(1, 400)
        assert paragraph.times_between(start, end) == [t for t in times if t.start < end and start < t.end]


def test_offset_index_equals_a_plain_scan_whatever_the_order_of_the_spans():
    from generator.nlp.offsets import OffsetIndex

    rng = random.Random(6)
    spans = [(p, p + rng.randint(1, 30)) for p in rng.sample(range(0, 20_000, 3), 500)]  # unsorted
    index = OffsetIndex(spans, 30)
    for _ in range(2000):
        start = rng.randrange(0, 20_000)
        end = start + rng.randint(1, 40)
        assert index.overlapping(start, end) == [i for i, (a, b) in enumerate(spans) if a < end and start < b]
