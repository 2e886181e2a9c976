"""The unit of the site plan: one generated page (path, template, context), and type labels.

A leaf module: every page module imports it; it imports no page module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TYPE_TITLES = {
    "person": "People",
    "organization": "Organisations",
    "place": "Places",
    "group": "Groups",
}
TYPE_SINGULAR = {"person": "Person", "organization": "Organisation", "place": "Place", "group": "Group"}


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str
    """Path relative to docs/, e.g. "people/jane-doe.md"."""
    template: str
    """Template file name in site_templates/pages/."""
    context: Any
    """The page's context dataclass."""
