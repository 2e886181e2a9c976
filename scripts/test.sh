#!/usr/bin/env bash
# Set up (venv, Python packages; Chromium, poppler and fonts from apt when root) and run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
[ -d /usr/share/fonts/truetype/dejavu ] || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "note: ${need_apt[*]} missing and not root: browser/PDF tests will fail" >&2
  fi
fi
bash scripts/setup.sh test
# Two workers on a two-core machine; one test file per worker keeps module fixtures (a served
# site, a PDF) built once. Pass -n 0 to run in one process.
exec .venv/bin/python -m pytest -n auto --dist loadfile "$@"
