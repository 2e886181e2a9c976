"""Cross-links: entity names in text become links, statements cite sentences.

All links are relative Markdown links between ``.md`` files, so
``mkdocs build --strict`` fails on any link that does not resolve.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from markupsafe import Markup

from generator.model import Briefing, Citation, Deadline, Entity
from generator.site.event_policy import event_targets
from generator.site.markup import (
    deadline_target,
    display_text,
    entity_page,
    event_page,
    link,
    md_escape,
    one_line,
    sentence_target,
    source_labels,
    source_page,
)

HOVER_PREVIEW = 80
"""Most characters of a cited sentence a link's hover title previews, cut at a word boundary
with "…" marking the cut: the link leads to the whole sentence, and tens of thousands of
citation links each repeating their whole sentence made a twelfth of the site's bytes."""


def hover_preview(sentence: str, shown: str = "") -> str:
    """The hover title of a link to ``sentence``: its first words (``HOVER_PREVIEW``), or ""
    when the text ``shown`` beside the link holds them already (the hover would only repeat it)."""
    preview = one_line(sentence, HOVER_PREVIEW)
    return "" if shown and preview.removesuffix(" …") in shown else preview


class Linker:
    """Knows every page path and every mention, for one finished briefing."""

    def __init__(self, briefing: Briefing, targets: dict[str, str] | None = None) -> None:
        """``targets``: ``event_targets`` of the briefing's events when the caller has them."""
        self.entities: dict[str, Entity] = {e.id: e for e in briefing.entities}
        self.source_labels = source_labels(briefing)
        self.source_hovers = {s.id: ", ".join(filter(None, (s.title or s.path, s.outlet)))
                              for s in briefing.sources}
        self.source_texts = {s.id: s.text for s in briefing.sources}
        self.event_targets = event_targets(briefing.events, briefing.stories) if targets is None else targets
        self.sentence_spans = {source_id: {s.index: (s.start, s.end) for s in analysis.sentences}
                               for source_id, analysis in briefing.analyses.items()}
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for entity in briefing.entities:
            for m in entity.mentions:
                spans[m.source].append((m.start, m.end, entity.id))
        self.spans = {source: sorted(items) for source, items in spans.items()}

    def page_of(self, entity_id: str) -> str | None:
        """Docs-relative page of an entity, None when it has no page."""
        entity = self.entities.get(entity_id)
        if entity is None or not entity.has_page:
            return None
        return entity_page(entity.type, entity.id)

    def event_page(self, event_id: str) -> str:
        """Docs-relative link target of an event: its page, or its row on the Events index."""
        return self.event_targets.get(event_id) or event_page(event_id)

    def deadline_link(self, deadline: Deadline, from_page: str, cited: bool = True) -> Markup:
        """The deadline's title linking to its page; without a page (``markup.deadline_target``)
        the title as text, followed, when ``cited``, by the citation of its first report."""
        page = deadline_target(deadline)
        if page:
            return link(deadline.title, page, from_page)
        title = Markup(md_escape(deadline.title))
        if not cited or not deadline.reports:
            return title
        return title + " " + self.cite(deadline.reports[0].citation, from_page)

    def entity_link(self, entity_id: str, from_page: str, label: str | None = None) -> Markup:
        """Link to the entity's page, or its escaped name when it has none."""
        entity = self.entities[entity_id]
        page = self.page_of(entity_id)
        text = label or entity.name
        return link(text, page, from_page) if page else Markup(md_escape(text))

    def source_label(self, source_id: str) -> str:
        """Short label of a source (S1, S2, ...: see ``markup.source_labels``)."""
        return self.source_labels[source_id]

    def source_link(self, source_id: str, from_page: str, label: str = "") -> Markup:
        """A source's label (S2, or ``label``) linking to its page, titled with its title and outlet."""
        return link(label or self.source_label(source_id), source_page(source_id), from_page,
                    self.source_hovers[source_id])

    def cited_sentence(self, citation: Citation) -> str:
        """The whole sentence a citation points at, as shown (the citation's words if unknown)."""
        span = self.sentence_spans.get(citation.source, {}).get(citation.sentence)
        text = self.source_texts[citation.source][span[0]:span[1]] if span else citation.text
        return display_text(text).strip()

    def cite(self, citation: Citation, from_page: str, shown: str = "") -> Markup:
        """"[S2]" linking to the cited sentence, titled with its first words (``hover_preview``)
        unless the text ``shown`` beside the link holds them already."""
        target = sentence_target(citation.source, citation.sentence)
        sentence = self.cited_sentence(citation)
        return link(f"[{self.source_label(citation.source)}]", target, from_page,
                    hover_preview(sentence, shown))

    def mention_link(self, citation: Citation, from_page: str, label: object = None) -> Markup:
        """``label`` (default: the cited words) linking to the sentence, titled with its first
        words (``hover_preview``)."""
        target = sentence_target(citation.source, citation.sentence)
        return link(citation.text if label is None else label, target, from_page,
                    hover_preview(self.cited_sentence(citation)))

    def cites(self, citations, from_page: str, limit: int = 0, shown: str | Citation = "") -> Markup:
        """Space-separated citation links, one per source (its first cited sentence); with a
        ``limit``, the first ``limit`` sources and "and N more" for the others. What is
        ``shown`` beside them already (the text shown, or the citation whose words are shown)
        is not repeated as a link's hover title (``hover_preview``)."""
        if isinstance(shown, Citation):
            shown = display_text(self.source_texts[shown.source][shown.start:shown.end]).strip()
        first = {}
        for citation in citations:
            first.setdefault(citation.source, citation)
        kept = list(first.values())[:limit] if limit else list(first.values())
        links = " ".join(self.cite(c, from_page, shown) for c in kept)
        more = len(first) - len(kept)
        return Markup(f"{links} and {more} more" if more else links)

    def text(self, source_id: str, start: int, end: int, from_page: str,
             linked: set[str] | None = None) -> Markup:
        """Escaped source text between two offsets, with first mentions linked.

        Args:
            linked: entity ids already linked in this paragraph (updated in place).
        """
        linked = set() if linked is None else linked
        full_text = self.source_texts[source_id]
        out, cursor = [], start
        spans = self.spans.get(source_id, [])
        for m_start, m_end, entity_id in spans[bisect_left(spans, (start, -1, "")) :]:
            if m_start >= end or m_end > end:
                break
            if entity_id in linked or self.page_of(entity_id) in (None, from_page) or m_start < cursor:
                continue
            linked.add(entity_id)
            out.append(md_escape(full_text[cursor:m_start]))
            out.append(self.entity_link(entity_id, from_page, full_text[m_start:m_end]))
            cursor = m_end
        out.append(md_escape(full_text[cursor:end]))
        return Markup("".join(out))
