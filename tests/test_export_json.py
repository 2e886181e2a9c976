"""The export's JSON text is the standard library's compact encoding, whichever encoder made it."""

from __future__ import annotations

import json
import random

from generator.publish.export import EXPORT_SEPARATORS, export_json


def standard(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=EXPORT_SEPARATORS) + "\n"


def random_text(rng: random.Random) -> str:
    """Text from every plane of Unicode that JSON must escape or may keep."""
    ranges = [(0, 0x80), (0x80, 0x800), (0x2000, 0x2100), (0xFFF0, 0x10000), (0x1F600, 0x1F650)]
    return "".join(chr(rng.randrange(*rng.choice(ranges))) for _ in range(rng.randrange(40)))


def test_the_export_text_equals_the_standard_encoding_of_any_text():
    rng = random.Random(5)
    for _ in range(200):
        data = {"title": random_text(rng), "n": rng.randrange(-10**12, 10**12), "none": None, "ok": True,
                "sources": [{"text": random_text(rng), "offsets": [rng.randrange(9) for _ in range(3)]}]}
        assert export_json(data) == standard(data)


def test_text_orjson_refuses_is_encoded_by_the_standard_library():
    data = {"sources": [{"path": "caf\udce9.txt", "text": "ok"}]}  # an undecodable file name byte
    assert export_json(data) == standard(data)
    assert '"caf\udce9.txt"' in export_json(data)
