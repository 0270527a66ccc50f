# Sourced by scripts/test-env.sh: the base images the tests build on, made locally from busybox and
# the Node binary of node_modules, since nothing can be pulled.

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
  # The legacy builder: these recipes only copy files, and it works with or without buildx.
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
