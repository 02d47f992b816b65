#!/usr/bin/env bash
# Every test the project has, in the order a failure is cheapest to read: lint, types, unit and
# component tests, integration tests against the Graph emulator, then the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/ensure-chromium.sh
# LibreOffice is only needed by the last (browser) stage: installed beside lint, types and jest
# (after Chromium, so the two apt-get runs never wait on each other's lock), awaited before e2e.
libreoffice_log=$(mktemp)
bash scripts/ensure-libreoffice.sh >"$libreoffice_log" 2>&1 &
libreoffice=$!

echo "== lint";       npx eslint . --max-warnings=0
echo "== typecheck";  npx tsc -p tsconfig.json --noEmit
echo "== unit, ui, integration"
npx jest --selectProjects unit ui integration --ci
echo "== build";      npx webpack --mode production >/dev/null
if ! wait "$libreoffice"; then cat "$libreoffice_log" >&2; exit 1; fi
cat "$libreoffice_log"
echo "== e2e (headless Chromium)"
npx jest --selectProjects e2e --ci --runInBand --passWithNoTests
