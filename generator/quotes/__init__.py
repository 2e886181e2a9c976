"""Quotes: spans and speakers per paragraph (``find_quotes``), merged across sources (``merge_quotes``)."""

from generator.quotes.find import find_quotes
from generator.quotes.merge import merge_quotes
from generator.quotes.statements import merge_statements

__all__ = ["find_quotes", "merge_quotes", "merge_statements"]
