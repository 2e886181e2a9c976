"""Events and stories: trigger words per paragraph, articles grouped into stories, events merged.

``find_events`` (per paragraph) -> ``story_groups`` (articles by content) ->
``merge_events`` (corpus, within stories) -> ``group_stories``. ``triggers``
holds the generic trigger lexicon; ``reports`` the per-report facts both use.
"""

from generator.events.find import find_events
from generator.events.merge import merge as merge_events
from generator.events.stories import group_stories, numbered_stories, story_groups

__all__ = ["find_events", "group_stories", "merge_events", "numbered_stories", "story_groups"]
