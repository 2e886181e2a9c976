"""Time expressions (TimeML TIMEX3): ``tag(text, anchor)`` finds and normalises them.

Modules: ``tagger`` (the entry point), ``patterns`` (the table of expressions and handlers),
``rules`` (patterns to values: calendar dates),
``relative_words`` (weekdays, day words, periods, references),
``vocab`` (word lists), ``calendar`` (date arithmetic and value ranges),
``tense`` (direction of relative dates), ``named`` (quarters, seasons), ``holidays``,
``amounts`` (durations), ``anaphora`` (dates that refer to earlier ones), ``reference``
(the date they count from),
``conjoined`` (expressions joined by "and", "or" and commas).
"""

from generator.temporal.tagger import tag

__all__ = ["tag"]
