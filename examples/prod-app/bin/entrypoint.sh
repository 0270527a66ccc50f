#!/bin/sh
# Runs before the app in production: checks its settings, then hands over to the command.
set -eu
case "${PORT:-}" in
  '' | *[!0-9]*)
    echo "entrypoint: PORT must be a port number, got '${PORT:-}'" >&2
    exit 64
    ;;
esac
export APP_STARTED_BY=entrypoint
exec "$@"
