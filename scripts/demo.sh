#!/usr/bin/env bash
# npm run demo: the whole story locally, with the real engine, registry and bundles from dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/vitest ] || npm ci --no-audit --no-fund
bash scripts/test-env.sh up
# The demo reuses the test harness (TypeScript); ncc bundles it in a few seconds.
npx ncc build scripts/demo/main.ts --out .tmp/demo --quiet
exec node .tmp/demo/index.js
