#!/usr/bin/env bash
# The bench: builds the release and prints its sizes and start-up time (see bench/run.mjs).
# Copy the figures into BENCHMARKS.md when they change.
set -euo pipefail
source "$(dirname "$0")/lib/tools.sh"
cd "$ROOT"
ensure_build_tools
ensure_browser
trunk build --release >/dev/null
node bench/run.mjs
