"""Events and stories: trigger words per paragraph, merged across sources, articles grouped into stories.

``find_events`` (per paragraph) -> ``merge_events`` (corpus, within stories)
-> ``group_stories``. ``triggers`` holds the generic trigger lexicon.
"""

from generator.events.find import find_events
from generator.events.stories import group_stories, merge_events, story_groups

__all__ = ["find_events", "group_stories", "merge_events", "story_groups"]
