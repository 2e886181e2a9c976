"""The resolve memo: a rebuild that reuses the previous build's per-name and per-article
results gives what a build without it gives, after an added, an edited and a deleted article;
a damaged memo file is ignored."""

from __future__ import annotations

import random
from pathlib import Path

from generator.model import ArticleAnalysis, Entity, Mention, Sentence, Source
from generator.resolve import Overrides, recover_mentions, resolve
from generator.resolve.memo import MEMO_FILE, read_memo, write_memo

Corpus = tuple[list[Source], dict[str, ArticleAnalysis]]

# Each article: its sentences, and the names NER tagged in it (text, label); every other
# occurrence of a known name is left for recovery to find.
ARTICLES = {
    "a": (["Mira Holt met Vela Systems staff in Ostrava", "Holt said the Vela Systems deal holds",
           "Dana Pruitt of Corvan Labs missed the Ostrava Rovers game"],
          [("Mira Holt", "PERSON"), ("Ostrava", "GPE"), ("Dana Pruitt", "PERSON")]),
    "b": (["Vela Systems hired Mira Holt", "Holt starts in May"],
          [("Vela Systems", "ORG"), ("Mira Holt", "PERSON")]),
    "c": (["Corvan Labs sued Vela Systems", "Dana Pruitt leads Corvan Labs"],
          [("Corvan Labs", "ORG"), ("Vela Systems", "ORG"), ("Dana Pruitt", "PERSON")]),
}
ADDED = (["Ostrava Rovers signed Pruitt", "Mira Holt watched the Ostrava Rovers game"],
         [("Ostrava Rovers", "ORG"), ("Mira Holt", "PERSON")])
EDITED = (["Vela Systems fired Mira Holt", "Holt leaves in June for Corvan Labs"],
          [("Vela Systems", "ORG"), ("Mira Holt", "PERSON")])


def article(source_id: str, lines: list[str], names: list[tuple[str, str]]) -> tuple[Source, ArticleAnalysis]:
    """A source of ``lines`` (one sentence each) whose first occurrence of each name is tagged."""
    text = ". ".join(lines) + "."
    sentences, start = [], 0
    for index, line in enumerate(lines):
        sentences.append(Sentence(index, start, start + len(line) + 1, 0))
        start += len(line) + 2
    mentions = []
    for name, label in names:
        at = text.index(name)
        sentence = next(s.index for s in sentences if s.start <= at < s.end)
        mentions.append(Mention(source_id, at, at + len(name), name, label, sentence))
    source = Source(source_id, f"{source_id}.txt", "ok", text=text, paragraphs=((0, len(text)),))
    return source, ArticleAnalysis(source_id, text, tuple(sentences), tuple(mentions))


def corpus(articles: dict[str, tuple[list[str], list[tuple[str, str]]]]) -> Corpus:
    """Sources and analyses of ``articles``, in id order."""
    made = [article(source_id, *articles[source_id]) for source_id in sorted(articles)]
    return [source for source, _ in made], {analysis.source: analysis for _, analysis in made}


def entities(data: Corpus, folder: Path | None) -> list[Entity]:
    """Resolved and recovered entities of ``data``; with ``folder``, through the memo kept there."""
    sources, analyses = data
    memo = read_memo(folder) if folder is not None else None
    found = recover_mentions(resolve(analyses.values(), Overrides(), memo), sources, analyses, memo)
    if memo is not None:
        write_memo(folder, memo)
    return found


def reused(folder: Path) -> int:
    """How many articles' recovery the memo in ``folder`` would reuse for an unchanged rebuild."""
    memo = read_memo(folder)
    return len(memo.kept.recovered)


def test_rebuilds_through_the_memo_equal_builds_without_it(tmp_path):
    steps = {
        "first": dict(ARTICLES),
        "added": {**ARTICLES, "d": ADDED},
        "edited": {**ARTICLES, "d": ADDED, "b": EDITED},
        "deleted": {"a": ARTICLES["a"], "b": EDITED, "d": ADDED},
    }
    for step, articles in steps.items():
        data = corpus(articles)
        assert entities(data, tmp_path) == entities(data, None), step
    assert reused(tmp_path) == 3


def test_the_memo_is_used_and_recovery_reads_new_forms_in_unchanged_articles(tmp_path):
    first = corpus(ARTICLES)
    entities(first, tmp_path)
    memo = read_memo(tmp_path)
    added = corpus({**ARTICLES, "d": ADDED})
    found = recover_mentions(resolve(added[1].values(), Overrides(), memo), *added, memo)
    assert found == entities(added, None)
    assert set(memo.kept.recovered) & set(memo.fresh.recovered), "unchanged articles reuse their result"
    assert memo.kept.group_keys.keys() & memo.fresh.group_keys.keys(), "names reuse their keys"
    pruitt = next(e for e in found if e.name == "Dana Pruitt")
    recovered = {(m.source, m.text) for m in pruitt.mentions if "recovered" in m.cues}
    assert ("d", "Pruitt") in recovered, "the new article's family name is recovered"
    rovers = next(e for e in found if e.name == "Ostrava Rovers")
    assert ("a", "Ostrava Rovers") in {(m.source, m.text) for m in rovers.mentions}, \
        "a new name is found in an article the memo kept"


def test_a_damaged_or_foreign_memo_is_ignored(tmp_path):
    data = corpus(ARTICLES)
    entities(corpus({**ARTICLES, "d": ADDED}), tmp_path)
    path = tmp_path / MEMO_FILE
    whole = path.read_bytes()
    for damaged in (whole[:-40], whole[:-1] + bytes([whole[-1] ^ 1]), b"not a memo", b""):
        path.write_bytes(damaged)
        assert read_memo(tmp_path).kept.recovered == {}
        assert entities(data, tmp_path) == entities(data, None)
    header, rest = whole.split(b"\n", 1)
    path.write_bytes(b"other code\n" + rest)
    assert read_memo(tmp_path).kept.recovered == {}


PEOPLE = ["Anna Keller", "Tom Keller", "Mira Holt", "Dana Pruitt", "Ivo Brandt"]
ORGANISATIONS = ["Vela Systems", "Corvan Labs", "Ostrava Rovers", "Northern Navy", "Southern Navy"]
LINES = ["{a} met {b} in Ostrava", "{a_last} said the {o} deal holds", "{o} hired {b}",
         "{b_last} declined to comment", "The {o_last} and {a_last} agreed", "{o} thanked {a}"]


def random_article(pick: random.Random) -> tuple[list[str], list[tuple[str, str]]]:
    """An article of a few lines naming two people and an organisation; the first line that
    writes a full name has it tagged, the rest is left to recovery."""
    a, b = pick.sample(PEOPLE, 2)
    o = pick.choice(ORGANISATIONS)
    names = {"a": a, "b": b, "o": o, "a_last": a.split()[-1], "b_last": b.split()[-1],
             "o_last": o.split()[-1]}
    lines = [line.format(**names) for line in pick.sample(LINES, 4)]
    text = ". ".join(lines)
    tagged = [(name, label) for name, label in ((a, "PERSON"), (b, "PERSON"), (o, "ORG")) if name in text]
    return lines, tagged


def test_random_adds_edits_and_deletes_through_the_memo_equal_builds_without_it(tmp_path):
    pick = random.Random(13)
    articles = {f"s{n}": random_article(pick) for n in range(6)}
    for step in range(24):
        kind = pick.choice(["add", "edit", "delete"]) if len(articles) > 2 else "add"
        if kind == "add":
            articles[f"s{len(articles) + step + 10}"] = random_article(pick)
        else:
            chosen = pick.choice(sorted(articles))
            if kind == "edit":
                articles[chosen] = random_article(pick)
            else:
                del articles[chosen]
        data = corpus(articles)
        assert entities(data, tmp_path) == entities(data, None), (step, kind)
