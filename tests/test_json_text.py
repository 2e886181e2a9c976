"""storage.json_text.dumps writes what json.dumps(ensure_ascii=False, indent=N) writes."""

from __future__ import annotations

import json
import random

import pytest

from generator.storage.json_text import dumps

SAMPLES = [
    {}, [], "", 0, -1.5, 1e300, 2**70, True, None,
    {"a": [], "b": {}, "c": [{}], "d": [[]], "e": [1, [2, [3, {"f": None}]]]},
    {"text": "quote \" backslash \\ tab\t newline\n nul\x00 bell\x07 é ü 中文 \u2028 emoji 😀"},
    {"tuple": (1, "two", (3.0,)), "bools": [True, False], "floats": [0.1, 1 / 3, -0.0, 5e-324]},
    {"sources": [{"id": "a", "start": 0, "end": 12, "label": "S1", "text": "Some text.\n"}] * 3},
]


@pytest.mark.parametrize("data", SAMPLES)
@pytest.mark.parametrize("indent", [1, 2])
def test_same_text_as_json_dumps(data, indent):
    assert dumps(data, indent=indent) == json.dumps(data, ensure_ascii=False, indent=indent)


@pytest.mark.parametrize("data", [{1: "int key"}, {"x": float("nan")}, {"y": [float("inf")]}, {None: 1},
                                  {"z": {2.5: "float key", True: "bool key"}}])
def test_unusual_data_written_by_json_itself(data):
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=1)


def test_objects_json_cannot_write_still_fail():
    with pytest.raises(TypeError):
        dumps({"when": object()})


def random_value(rng: random.Random, depth: int):
    kind = rng.randrange(8 if depth < 4 else 5)
    if kind == 0:
        codes = [rng.choice([rng.randrange(32, 127), rng.randrange(0, 32), rng.randrange(128, 0x3000)])
                 for _ in range(rng.randrange(6))]
        return "".join(map(chr, codes))
    if kind == 1:
        return rng.randrange(-10**6, 10**6)
    if kind == 2:
        return rng.uniform(-1e6, 1e6)
    if kind == 3:
        return rng.choice([True, False, None])
    if kind == 4:
        return ""
    if kind == 5:
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {f"k{n}": random_value(rng, depth + 1) for n in range(rng.randrange(4))}


def test_random_nested_data():
    rng = random.Random(7)
    for _ in range(300):
        data = random_value(rng, 0)
        assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=1)
