"""The site: plan pages from a finished Briefing (``plan_pages``) and render them to Markdown.

``page`` is the leaf ``Page`` type; ``pages/`` holds one module per page type;
``planner`` is the registry importing all of them; ``markup`` and ``linker``
make every link and escape; ``figures`` turns data into the ``svg`` drawings.
"""

from generator.site.linker import Linker
from generator.site.planner import plan_pages
from generator.site.render import render_pages

__all__ = ["Linker", "plan_pages", "render_pages"]
