"""Whether one event's place holds another's (``events.agreement.contains``): a country its own
places, a US state the cities GeoNames places in it."""

from __future__ import annotations

from generator.events.agreement import contains
from generator.knowledge.gazetteer import lookup


def test_a_state_holds_its_own_cities_only():
    michigan, troy, detroit, atlanta = (lookup(n) for n in ("Mich.", "Troy", "Detroit", "Atlanta"))
    assert (troy.region, detroit.region, atlanta.region) == ("MI", "MI", "GA")
    assert contains(michigan, troy) and contains(michigan, detroit)
    assert not contains(michigan, atlanta) and not contains(troy, michigan)
    assert contains(lookup("United States"), michigan) and contains(lookup("United States"), atlanta)
    assert not contains(lookup("Texas"), michigan)  # two states
