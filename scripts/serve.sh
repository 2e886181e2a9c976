#!/usr/bin/env bash
# Set up, build the seed briefing and serve it at http://127.0.0.1:8000 (Ctrl-C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/briefing build
exec .venv/bin/mkdocs serve -a "${BRIEFING_ADDR:-127.0.0.1:8000}"
