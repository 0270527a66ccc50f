# Sourced by scripts/test-env.sh: a Docker engine like a GitHub runner's. Debian 13's docker.io,
# containerd and buildx are fetched with an apt configuration of our own (the system's is never
# changed), unpacked into the state directory and started beside any other engine, with their own
# socket, data root and containerd, off every bridge.

engine=$state/engine
engine_suite=trixie
# oras and cosign come along for the tests that push artifacts and signatures beside an image.
engine_packages=(docker.io docker-cli containerd docker-buildx tini oras cosign)
engine_socket=$engine/docker.sock

# debian_mirror [ETC]: prints "URI [KEYRING]" of the Debian archive this machine's apt already
# uses, the entry for its own release (not -updates or -security), from sources.list(.d).
debian_mirror() {
  local etc=${1:-/etc} codename files=()
  codename=$(. "$etc/os-release" && echo "${ID:-}:${VERSION_CODENAME:-}")
  case $codename in
    debian:?*) codename=${codename#debian:} ;;
    *) return 1 ;;
  esac
  shopt -s nullglob
  files=("$etc/apt/sources.list" "$etc"/apt/sources.list.d/*.list)
  [ -f "${files[0]}" ] || files=("${files[@]:1}")
  if [ ${#files[@]} -gt 0 ]; then
    awk -v want="$codename" '
      $1 == "deb" {
        key = ""; i = 2
        if ($2 ~ /^\[/) {
          for (; i <= NF; i++) {
            if ($i ~ /signed-by=/) { key = $i; sub(/.*signed-by=/, "", key); sub(/\]$/, "", key) }
            if ($i ~ /\]$/) break
          }
          i++
        }
        if ($(i + 1) == want) { print $i, key; found = 1; exit }
      }
      END { exit !found }' "${files[@]}" && return 0
  fi
  files=("$etc"/apt/sources.list.d/*.sources)
  shopt -u nullglob
  [ ${#files[@]} -gt 0 ] || return 1
  awk -v want="$codename" '
    function flush() {
      if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " want " ") && uris != "") {
        split(uris, uri, " "); print uri[1], (key ~ /^\// ? key : ""); found = 1; exit
      }
      types = suites = uris = key = ""
    }
    /^[ \t]*$/ { flush(); next }
    /^#/ { next }
    {
      name = tolower($1); sub(/:$/, "", name); value = $0; sub(/^[^:]*:[ \t]*/, "", value)
      if (name == "types") types = value
      else if (name == "uris") uris = value
      else if (name == "suites") suites = value
      else if (name == "signed-by") key = value
    }
    END { if (!found) flush(); exit !found }' "${files[@]}"
}

# engine_apt ARGS...: apt-get with sources, lists, cache and status of our own under $engine/apt.
engine_apt() {
  local tool=$1
  shift
  "$tool" -o "Dir::Etc::SourceList=$engine/apt/sources.list" \
    -o "Dir::Etc::SourceParts=$engine/apt/sources.list.d" \
    -o "Dir::State=$engine/apt/state" -o "Dir::State::status=$engine/apt/state/status" \
    -o "Dir::Cache=$engine/apt/cache" -o APT::Sandbox::User=root "$@"
}

# ensure_engine_packages: the unpacked tree at $engine/current, fetched only when none is there yet.
# Trees are keyed by the packages' versions; delete $engine/packages to fetch newer ones.
ensure_engine_packages() {
  if [ -x "$engine/current/root/usr/sbin/dockerd" ]; then
    say "engine packages ready (cached: $(paste -sd ' ' "$engine/current/versions"))"
    return
  fi
  local mirror uri key versions tree pinned deb
  mirror=$(debian_mirror) || die "no Debian archive found in /etc/apt/sources.list(.d) to fetch" \
    "Debian $engine_suite's docker.io from: set IMMUTABLE_IMAGE_TEST_DOCKER_HOST to an engine" \
    "with buildx instead"
  read -r uri key <<<"$mirror"
  mkdir -p "$engine/apt/sources.list.d" "$engine/apt/state/lists/partial" \
    "$engine/apt/cache/archives/partial" "$engine/packages"
  : >>"$engine/apt/state/status"
  echo "deb ${key:+[signed-by=$key] }$uri $engine_suite main" >"$engine/apt/sources.list"
  say "apt-get update ($uri $engine_suite, own lists under $engine/apt)"
  engine_apt apt-get update -qq >/dev/null || die "apt-get update of $uri $engine_suite failed"
  versions=$(engine_apt apt-cache show --no-all-versions "${engine_packages[@]}" |
    awk '/^Package:/ { name = $2 } /^Version:/ { print name "=" $2 }') ||
    die "apt-cache knows none of ${engine_packages[*]} in $engine_suite"
  key=$(sha256sum <<<"$versions" | cut -c1-16)
  tree=$engine/packages/$key
  if [ ! -x "$tree/root/usr/sbin/dockerd" ]; then
    say "downloading $(paste -sd ' ' <<<"$versions")"
    rm -rf "$tree.new"
    mkdir -p "$tree.new/debs"
    mapfile -t pinned <<<"$versions"
    (cd "$tree.new/debs" && engine_apt apt-get download -qq "${pinned[@]}" >/dev/null) ||
      die "apt-get download of ${engine_packages[*]} failed"
    for deb in "$tree.new"/debs/*.deb; do dpkg -x "$deb" "$tree.new/root"; done
    rm -rf "$tree.new/debs"
    echo "$versions" >"$tree.new/versions"
    rm -rf "$tree"
    mv "$tree.new" "$tree"
  fi
  ln -sfn "packages/$key" "$engine/current"
}

# engine_links: the client's PATH entry (docker, oras, cosign) and a Docker config whose
# cli-plugins hold buildx, where the client finds it and the action links it into its own config.
engine_links() {
  local tool
  mkdir -p "$engine/bin" "$engine/docker-config/cli-plugins"
  for tool in docker oras cosign; do
    ln -sfn "$engine/current/root/usr/bin/$tool" "$engine/bin/$tool"
  done
  ln -sfn "$engine/current/root/usr/libexec/docker/cli-plugins/docker-buildx" \
    "$engine/docker-config/cli-plugins/docker-buildx"
}

engine_answers() {
  docker info >/dev/null 2>&1
}

start_engine() {
  # Debian 12's runc serves: Debian 13's needs a newer glibc.
  command -v runc >/dev/null || install_packages runc
  local path=$engine/current/root/usr/sbin:$engine/current/root/usr/bin:$PATH
  mkdir -p "$engine/data" "$engine/run" "$engine/containerd"
  stop "$engine/containerd.pid" containerd
  rm -f "$engine/containerd.sock"
  cat >"$engine/containerd.toml" <<TOML
version = 2
root = "$engine/containerd/root"
state = "$engine/containerd/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$engine/containerd.sock"
[ttrpc]
  address = "$engine/containerd.sock.ttrpc"
TOML
  echo '{"features": {"containerd-snapshotter": true}}' >"$engine/daemon.json"
  say "starting containerd and dockerd (logs: $engine/*.log)"
  start_background "$engine/containerd.pid" "$engine/containerd.log" \
    env PATH="$path" containerd --config "$engine/containerd.toml"
  wait_until 30 test -S "$engine/containerd.sock" || {
    tail -n 20 "$engine/containerd.log" >&2 || true
    die "containerd did not open $engine/containerd.sock within 30 s"
  }
  # Off every bridge: traffic to private-range addresses is not allowed on these machines.
  start_background "$engine/dockerd.pid" "$engine/dockerd.log" \
    env PATH="$path" dockerd --config-file "$engine/daemon.json" --host "unix://$engine_socket" \
    --data-root "$engine/data" --exec-root "$engine/run" --pidfile "$engine/run/dockerd.pid" \
    --containerd "$engine/containerd.sock" \
    --bridge=none --iptables=false --ip-forward=false --ip-masq=false
  if ! wait_until 30 engine_answers; then
    tail -n 20 "$engine/dockerd.log" >&2 || true
    die "dockerd did not answer on $engine_socket within 30 s (log: $engine/dockerd.log)"
  fi
}

ensure_engine() {
  if [ -n "$external_docker_host" ]; then
    export DOCKER_HOST=$external_docker_host
    engine_answers || die "IMMUTABLE_IMAGE_TEST_DOCKER_HOST=$DOCKER_HOST: 'docker info' fails:" \
      "$(docker info 2>&1 >/dev/null | tail -n 1)"
    docker buildx version >/dev/null 2>&1 || die "the docker client on PATH has no buildx plugin"
    say "engine ready (given, $(docker info --format '{{.ServerVersion}}') at $DOCKER_HOST)"
    return
  fi
  ensure_engine_packages
  engine_links
  export DOCKER_HOST=unix://$engine_socket DOCKER_CONFIG=$engine/docker-config
  export PATH=$engine/bin:$PATH
  if engine_answers; then
    say "engine ready (reused, $(docker info --format '{{.ServerVersion}}') at $DOCKER_HOST)"
    return
  fi
  if [ "$(cat "/proc/$(cat "$engine/dockerd.pid" 2>/dev/null)/comm" 2>/dev/null)" = dockerd ] &&
    say "waiting for our dockerd to answer" && wait_until 30 engine_answers; then
    say "engine ready (reused, $(docker info --format '{{.ServerVersion}}') at $DOCKER_HOST)"
    return
  fi
  [ "$(id -u)" = 0 ] || die "starting dockerd needs root: run as root"
  stop "$engine/dockerd.pid" dockerd
  start_engine
  say "engine ready (started, $(docker info --format '{{.ServerVersion}}') at $DOCKER_HOST)"
}

# engine_env: the lines of $state/env that point a docker client at this engine.
engine_env() {
  echo "DOCKER_HOST=$DOCKER_HOST"
  [ -n "$external_docker_host" ] && return
  echo "DOCKER_CONFIG=$engine/docker-config"
  echo "IMMUTABLE_IMAGE_TEST_DOCKER_BIN=$engine/bin"
}

stop_engine() {
  stop "$engine/dockerd.pid" dockerd
  stop "$engine/containerd.pid" containerd
  # dockerd leaves its network namespace mounted under the exec root.
  local mount
  awk -v prefix="$engine/" 'index($2, prefix) == 1 { print $2 }' /proc/mounts | sort -r |
    while read -r mount; do umount "$mount" || say "could not unmount $mount"; done
}
