"""The build's garbage-collector settings: raised and frozen inside, as they were afterwards."""

from __future__ import annotations

import gc

import pytest

from generator import pipeline
from generator.storage.checked_pickle import paused_collector


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


def test_what_a_pause_of_the_collector_made_is_frozen_inside_a_build_only(thresholds):
    with paused_collector():
        outside = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    with pipeline.frozen_heap():
        with paused_collector():
            inside = [[n] for n in range(1000)]
        assert gc.get_freeze_count() >= len(inside) and gc.isenabled()
        frozen = gc.get_freeze_count()
        garbage = [[n] for n in range(1000)]
        assert gc.get_freeze_count() == frozen  # made outside a pause: young, as usual
        del garbage
    assert gc.get_freeze_count() == 0
    with paused_collector():
        after = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == 0 and len(outside) == len(after) == 1000
