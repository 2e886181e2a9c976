"""Quotes: spans and speakers per paragraph (``find_quotes``), merged across sources (``merge_quotes``)."""

from generator.quotes.extract import find_quotes, merge_quotes
from generator.quotes.statements import merge_statements

__all__ = ["find_quotes", "merge_quotes", "merge_statements"]
