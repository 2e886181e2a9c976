"""The unit of the site plan: one generated page (path, template, context), and type labels.

A leaf module: every page module imports it; it imports no page module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

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
    inputs: ClassVar[str] = ""
    """Its render memo key is its context's (see ``DeferredPage``)."""


class DeferredPage:
    """A page whose context is made only when it is read: a planner that names every input of
    the context gives their digest (``inputs``), and the render memo keys the page by it
    (``site.render_memo``), so a rebuild does not make the context of a page it finds unchanged.
    Equal ``inputs`` must mean an equal context; ``tests/test_deferred_pages.py`` holds every
    planner giving them to that."""

    def __init__(self, path: str, template: str, inputs: str, make: Callable[[], Any]) -> None:
        self.path = path
        """Path relative to docs/."""
        self.template = template
        """Template file name in site_templates/pages/."""
        self.inputs = inputs
        """Digest of everything the context is made from."""
        self._make = make

    @cached_property
    def context(self) -> Any:
        """The page's context dataclass, made on first use."""
        return self._make()

    def make(self) -> Any:
        """The context, made now unless it was before."""
        return self.context


PlannedPage = Page | DeferredPage
"""A page of the site plan, its context made or to be made."""
