"""Stage 2, ``Source`` -> parsed paragraphs: spaCy parse, sentences, name mentions, the cache.

``parse_article`` gives the paragraphs that the per-article extractors
(``temporal``, ``quotes``, ``events``, ``deadlines``) read; ``cache`` stores a
whole ``ArticleAnalysis`` by content.
"""

from generator.nlp import cache
from generator.nlp.parse import load_pipeline, parse_article

__all__ = ["cache", "load_pipeline", "parse_article"]
