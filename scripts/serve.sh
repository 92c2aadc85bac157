#!/usr/bin/env bash
# Builds the release and serves it at http://127.0.0.1:8080 (PORT=... to change), with the
# production Content-Security-Policy. Installs whatever is missing first.
set -euo pipefail
source "$(dirname "$0")/lib/tools.sh"
cd "$ROOT"

ensure_build_tools
log "trunk build --release"
trunk build --release
log "serving dist/ at http://127.0.0.1:${PORT:-8080}/ (Ctrl-C to stop)"
exec python3 scripts/serve.py --port "${PORT:-8080}" dist
