#!/usr/bin/env bash
# The project's test command: brings up the real engine and registries, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/vitest ] || npm ci --no-audit --no-fund
bash scripts/test-env.sh up
npx vitest run "$@"
