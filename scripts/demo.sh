#!/usr/bin/env bash
# Runs the action on examples/hello against the local engine and registry, as the runner would.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

[ -x node_modules/.bin/vitest ] || npm ci --no-audit --no-fund
bash scripts/test-env.sh up
# shellcheck disable=SC1091
source .tmp/test-env/env

runner_temp=$(mktemp -d)
trap 'rm -rf "$runner_temp"' EXIT
for file in output state summary.md; do : >"$runner_temp/$file"; done
echo '{}' >"$runner_temp/event.json"

step_env=(
  GITHUB_WORKSPACE="$root" RUNNER_TEMP="$runner_temp" GITHUB_OUTPUT="$runner_temp/output"
  GITHUB_STATE="$runner_temp/state" GITHUB_STEP_SUMMARY="$runner_temp/summary.md"
  GITHUB_EVENT_PATH="$runner_temp/event.json" GITHUB_EVENT_NAME=push GITHUB_REPOSITORY=acme/hello
  INPUT_IMAGE="$IMMUTABLE_IMAGE_TEST_REGISTRY/demo/hello" INPUT_CONTEXT=examples/hello
  INPUT_USERNAME="$IMMUTABLE_IMAGE_TEST_REGISTRY_USER" INPUT_PASSWORD="$IMMUTABLE_IMAGE_TEST_REGISTRY_PASSWORD"
  "INPUT_TEST-COMMAND=node --test" INPUT_TAGS=latest INPUT_PUSH=true INPUT_IF-EXISTS=overwrite
  INPUT_SHA-FORMAT=short INPUT_TEST-NETWORK=none INPUT_TEST-TIMEOUT=900 INPUT_COMMENT=true
)

started=$EPOCHREALTIME
env "${step_env[@]}" "$IMMUTABLE_IMAGE_RUNNER_NODE" dist/build/index.js
env "${step_env[@]}" STATE_isPost=true "STATE_dockerConfig=$(sed -n '/^dockerConfig<</{n;p}' "$runner_temp/state")" \
  "$IMMUTABLE_IMAGE_RUNNER_NODE" dist/build/index.js
finished=$EPOCHREALTIME

echo
echo "== Job summary =="
cat "$runner_temp/summary.md"
echo
echo "== Outputs =="
grep -v '^ghadelimiter' "$runner_temp/output" | paste - - | sed 's/<<[^\t]*\t/ = /'
awk -v a="$started" -v b="$finished" 'BEGIN { printf "\nbuild, test and push took %.1f s\n", b - a }'
