"""The build's garbage-collector settings: raised and frozen inside, as they were afterwards."""

from __future__ import annotations

import gc

import pytest

from generator import pipeline


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)
    gc.unfreeze()


def test_the_oldest_generation_waits_inside_a_build_and_settings_return_after(thresholds):
    kept = [[n] for n in range(1000)]
    with pipeline.frozen_heap():
        assert gc.get_threshold()[:2] == thresholds[:2]
        assert gc.get_threshold()[2] == max(thresholds[2], pipeline.BUILD_GC_THRESHOLD)
        gc.freeze()
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold() == thresholds and gc.get_freeze_count() == 0


def test_settings_return_when_the_build_fails(thresholds):
    with pytest.raises(RuntimeError), pipeline.frozen_heap():
        gc.freeze()
        raise RuntimeError("a failed stage")
    assert gc.get_threshold() == thresholds and gc.get_freeze_count() == 0
