#!/usr/bin/env bash
# Runs every test level, installing whatever is missing first; ends with one summary line.
#
#   scripts/test.sh                 all levels: lint native wasm e2e
#   scripts/test.sh native          one level (or several, in the order given)
#
# Levels:
#   lint    cargo fmt --check and cargo clippy (warnings are errors), of the app and of
#           tools/wasm-split
#   native  cargo test on the host: the pure core, state and the content rules, and the tests
#           of tools/wasm-split
#   wasm    wasm-bindgen-test component tests (tests/web_*.rs) in headless Chromium
#   e2e     release build (its wasm split in two, scripts/split.mjs) served with the strict CSP
#           by scripts/serve.py, and by nginx with deploy/nginx.conf; Playwright + axe-core
#           (tests/e2e/); the first-load size budget
#           of bench/budget.json (tests/e2e/budget.test.mjs prints the figure); the release
#           wasm's stack headroom (tests/e2e/memory.test.mjs)
set -uo pipefail
source "$(dirname "$0")/lib/tools.sh"
cd "$ROOT"

levels=("$@")
[ ${#levels[@]} -gt 0 ] || levels=(lint native wasm e2e)
for level in "${levels[@]}"; do
  case $level in lint | native | wasm | e2e) ;; *) die "unknown level '$level' (lint native wasm e2e)" ;; esac
done

set -e
ensure_build_tools
case " ${levels[*]} " in *" wasm "* | *" e2e "*) ensure_browser ;; esac
case " ${levels[*]} " in *" e2e "*) ensure_nginx ;; esac
set +e

logs=$(mktemp -d)
SPLIT_TOOL=tools/wasm-split/Cargo.toml
total_passed=0
total_failed=0
summary=()

# record LEVEL STATUS PASSED FAILED SECONDS
record() {
  local level=$1 status=$2 passed=$3 failed=$4 seconds=$5
  # A level that failed without a failing test (a build error, say) still counts as a failure.
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  summary+=("$level: $passed passed, $failed failed (${seconds}s)")
}

# Sums `test result: ... N passed; M failed` lines of cargo and wasm-bindgen-test-runner.
cargo_counts() {
  awk '/test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { print p + 0, f + 0 }' "$1"
}

run_lint() {
  local passed=0 failed=0
  # rustfmt.toml's import-grouping options are nightly-only; stable warns once per file. Hide that
  # noise; the check itself still runs.
  cargo fmt --all -- --check 2>&1 | grep -v "^Warning: can't set"
  if [ "${PIPESTATUS[0]}" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  if cargo clippy --all-targets --locked -- -D warnings; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  if cargo clippy --target wasm32-unknown-unknown --all-targets --locked -- -D warnings; then
    passed=$((passed + 1)); else failed=$((failed + 1)); fi
  # The release build's own tool (tools/wasm-split), a crate of its own.
  cargo fmt --manifest-path "$SPLIT_TOOL" -- --check 2>&1 | grep -v "^Warning: can't set"
  if [ "${PIPESTATUS[0]}" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  if cargo clippy --manifest-path "$SPLIT_TOOL" --target-dir target/tools --all-targets --locked -- -D warnings; then
    passed=$((passed + 1)); else failed=$((failed + 1)); fi
  echo "$passed $failed" >"$logs/lint.counts"
  [ "$failed" -eq 0 ]
}

run_native() {
  cargo test --locked 2>&1 | tee "$logs/native.log"
  local status=${PIPESTATUS[0]}
  cargo test --locked --manifest-path "$SPLIT_TOOL" --target-dir target/tools 2>&1 | tee -a "$logs/native.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  cargo_counts "$logs/native.log" >"$logs/native.counts"
  return "$status"
}

run_wasm() {
  # The library's #[wasm_bindgen_test]s (src/web_tests.rs); its plain #[test]s ran natively and
  # are not run by the wasm runner.
  cargo test --locked --target wasm32-unknown-unknown --lib 2>&1 | tee "$logs/wasm.log"
  local status=${PIPESTATUS[0]}
  cargo_counts "$logs/wasm.log" >"$logs/wasm.counts"
  return "$status"
}

run_e2e() {
  log "trunk build --release"
  trunk build --release || { echo "0 0" >"$logs/e2e.counts"; return 1; }
  node --test --test-reporter=spec --test-concurrency=1 tests/e2e/ 2>&1 | tee "$logs/e2e.log"
  local status=${PIPESTATUS[0]}
  awk '/^ℹ pass / { p = $3 } /^ℹ fail / { f = $3 } END { print p + 0, f + 0 }' "$logs/e2e.log" \
    >"$logs/e2e.counts"
  return "$status"
}

for level in "${levels[@]}"; do
  log "test level: $level"
  start=$SECONDS
  "run_$level"
  status=$?
  read -r passed failed <"$logs/$level.counts" 2>/dev/null || { passed=0; failed=0; }
  record "$level" "$status" "${passed:-0}" "${failed:-0}" $((SECONDS - start))
done

printf '\n\033[1mSummary\033[0m\n'
printf '  %s\n' "${summary[@]}"
if [ "$total_failed" -eq 0 ]; then printf 'result: PASS\n'; else printf 'result: FAIL\n'; fi
# The closing line CI reads.
printf '%d passed, %d failed\n' "$total_passed" "$total_failed"
rm -rf "$logs"
[ "$total_failed" -eq 0 ]
