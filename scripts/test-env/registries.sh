# Sourced by scripts/test-env.sh: the registries on loopback (htpasswd, open, Bearer token) and the
# token server in front of the last one.

token_service=immutable-image-test
token_issuer=immutable-image-test-issuer

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
