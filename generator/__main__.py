"""``python -m generator`` runs the briefing CLI."""

import sys

from generator.cli import main

sys.exit(main())
