"""briefing: news articles to a cross-linked briefing site."""

__version__ = "0.1.0"
