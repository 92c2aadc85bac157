#!/usr/bin/env bash
# The bench: builds the release and prints its sizes and start-up time (see bench/run.mjs), then
# the same quick job against a peer built with SurveyJS + Chart.js (bench/peer.mjs) and Lighthouse's
# mobile preset on the release (bench/lighthouse.mjs).
# Copy the figures into BENCHMARKS.md when they change.
set -euo pipefail
source "$(dirname "$0")/lib/tools.sh"
cd "$ROOT"
ensure_build_tools
ensure_browser
ensure_bench_peer
trunk build --release >/dev/null
node bench/run.mjs
node bench/peer.mjs
node bench/lighthouse.mjs
