"""An organisation's short form written alone joins its full name (``resolve.short_forms``);
hand-made mentions with invented names, no model."""

from __future__ import annotations

from generator.model import Mention
from generator.resolve.name_groups import Links, NameGroup
from generator.resolve.overrides import Overrides
from generator.resolve.short_forms import link_leading_parts


def named(key: str, written: str, label: str, *sources: str) -> NameGroup:
    """A mention of ``key`` written ``written`` with ``label`` in each article of ``sources``."""
    return NameGroup(key, [Mention(source, 0, len(written), written, label, 0) for source in sources])


def linked(*groups: NameGroup, overrides: Overrides | None = None) -> Links:
    by_key = {group.key: group for group in groups}
    links = Links(by_key)
    link_leading_parts(by_key, links, overrides or Overrides())
    return links


def test_a_company_named_by_its_first_word_joins_its_full_name():
    links = linked(named("zorvan keel cos", "Zorvan-Keel Cos.", "ORG", "a"),
                   named("zorvan keel", "Zorvan-Keel", "ORG", "a"),
                   named("zorvan", "Zorvan", "ORG", "a", "a", "a"))
    assert links.find("zorvan") == links.find("zorvan keel cos") == links.find("zorvan keel")


def test_a_company_named_without_its_kind_joins_its_full_name():
    links = linked(named("orrin of dale bank", "Orrin of Dale Bank Corp.", "ORG", "a"),
                   named("orrin of dale", "Orrin of Dale", "ORG", "a", "a"),
                   named("quillon", "Quillon", "ORG", "b", "b"),
                   named("quillon foods group", "Quillon Foods Group", "ORG", "b"))
    assert links.find("orrin of dale") == links.find("orrin of dale bank")
    assert links.find("quillon") == links.find("quillon foods group")


def test_a_body_or_building_named_after_it_stays_apart():
    links = linked(named("vestry", "Vestry", "ORG", "a", "a"),
                   named("vestry police", "Vestry Police", "ORG", "a"),
                   named("dunmore", "Dunmore", "ORG", "b"),
                   named("dunmore theatre", "Dunmore Theatre", "ORG", "b"),
                   named("harl", "Harl", "ORG", "c"),
                   named("harl committee", "Harl Committee", "ORG", "c"))
    assert links.find("vestry") != links.find("vestry police")
    assert links.find("dunmore") != links.find("dunmore theatre")
    assert links.find("harl") != links.find("harl committee")


def test_a_short_form_two_longer_names_start_with_stays_apart():
    links = linked(named("pellor", "Pellor", "ORG", "a"),
                   named("pellor foods", "Pellor Foods", "ORG", "a"),
                   named("pellor mining", "Pellor Mining", "ORG", "a"))
    assert len({links.find(k) for k in ("pellor", "pellor foods", "pellor mining")}) == 3


def test_a_short_form_written_where_the_full_name_is_not_stays_apart():
    # "Corlan" alone in an article that never writes "Corlan Braves": the town, not its team
    links = linked(named("corlan", "Corlan", "ORG", "a", "b"),
                   named("corlan braves", "Corlan Braves", "ORG", "a"))
    assert links.find("corlan") != links.find("corlan braves")


def test_places_acronyms_people_and_split_names_are_no_short_forms():
    links = linked(named("trevan", "Trevan", "GPE", "a"),
                   named("trevan rovers", "Trevan Rovers", "ORG", "a"),
                   named("zkb", "ZKB", "ORG", "b"),
                   named("zkb holdings", "ZKB Holdings", "ORG", "b"),
                   named("mara", "Mara", "PERSON", "c"),
                   named("mara finch", "Mara Finch", "ORG", "c"),
                   named("oskel", "Oskel", "ORG", "d"),
                   named("oskel brands", "Oskel Brands", "ORG", "d"),
                   overrides=Overrides(split=frozenset({"oskel"})))
    assert links.find("trevan") != links.find("trevan rovers")
    assert links.find("zkb") != links.find("zkb holdings")
    assert links.find("mara") != links.find("mara finch")
    assert links.find("oskel") != links.find("oskel brands")
