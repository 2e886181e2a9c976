"""Stage 1, files -> ``Source``: reading, file rules, page-furniture removal, source ids."""

from generator.ingest.read import ingest

__all__ = ["ingest"]
