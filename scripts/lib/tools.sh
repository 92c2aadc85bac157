# Installs what the build and the tests need, idempotently. Sourced by scripts/serve.sh and
# scripts/test.sh; each function skips what is already there at the pinned version.
#
# Only the package registries are reachable (crates.io, npm, Debian apt): Trunk must never
# download wasm-bindgen or wasm-opt itself, so both are installed here and Trunk runs offline.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TRUNK_VERSION=0.22.1
BINARYEN_BIN="$ROOT/node_modules/.bin"

log() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Runs a command as root, through sudo when we are not root.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*"; fi
}

apt_install() {
  log "apt-get install $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The wasm-bindgen version that Cargo.lock resolved; the CLI must be exactly this one.
bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_rust() {
  export PATH="$HOME/.cargo/bin:$PATH"
  command -v rustup >/dev/null || die "rustup is needed to install the pinned Rust toolchain"
  local channel
  channel=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")
  if ! rustup toolchain list | grep -q "^$channel"; then
    log "installing Rust $channel (about 1 minute)"
    rustup toolchain install "$channel" --profile minimal --component rustfmt,clippy \
      --target wasm32-unknown-unknown
  fi
  if ! rustup target list --installed --toolchain "$channel" | grep -q '^wasm32-unknown-unknown$'; then
    rustup target add --toolchain "$channel" wasm32-unknown-unknown
  fi
}

# cargo_tool BINARY CRATE VERSION [cargo install flags...]
cargo_tool() {
  local binary=$1 crate=$2 version=$3
  shift 3
  if [ "$("$binary" --version 2>/dev/null)" = "$binary $version" ]; then return; fi
  log "installing $crate $version from crates.io (one-off; trunk takes about 10 minutes)"
  # LTO off and more codegen units: a third faster to build, and these are dev tools.
  (cd "$ROOT" && CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install "$crate" --version "$version" "$@")
  [ "$("$binary" --version 2>/dev/null)" = "$binary $version" ] ||
    die "$binary --version does not say $version after installing"
}

ensure_node_modules() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  local stamp="$ROOT/node_modules/.perfil-cm-lock" want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "npm ci (binaryen, terser, playwright-core, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
  export PATH="$BINARYEN_BIN:$PATH"
}

# Everything needed to build the release: Rust, trunk, wasm-bindgen, wasm-opt, crates.
ensure_build_tools() {
  ensure_rust
  local bindgen
  bindgen=$(bindgen_version)
  [ -n "$bindgen" ] || die "Cargo.lock does not list wasm-bindgen"
  grep -q "^wasm_bindgen = \"$bindgen\"" "$ROOT/Trunk.toml" ||
    die "Trunk.toml [tools] wasm_bindgen must be \"$bindgen\", the version in Cargo.lock"
  cargo_tool trunk trunk "$TRUNK_VERSION" --locked
  # No --locked: its lockfile pins a webpki-roots version that crates.io no longer serves.
  cargo_tool wasm-bindgen wasm-bindgen-cli "$bindgen"
  ensure_node_modules
  # Trunk runs offline (Trunk.toml), which makes cargo offline too: fetch the crates first.
  (cd "$ROOT" && cargo fetch --locked --quiet)
}

# Debian's Chromium and ChromeDriver, for wasm-bindgen-test and the end-to-end tests.
ensure_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install chromium chromium-driver
  fi
  export CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)}
}

# Debian's nginx and its brotli modules (the filter compresses, the static one sends the build's
# .br files), for tests/e2e/deploy.test.mjs, which serves the build with
# deploy/nginx.conf. The test runs its own nginx as the current user; the package's service is not
# used (in a container, policy-rc.d usually keeps apt from starting it).
ensure_nginx() {
  if [ ! -x /usr/sbin/nginx ] || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] ||
    [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
    apt_install nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static
  fi
}

# The bench's own npm packages (bench/peer/package-lock.json): the peer it measures against
# (SurveyJS, Chart.js) and Lighthouse. Only scripts/bench.sh needs them; never shipped.
ensure_bench_peer() {
  ensure_node_modules
  local stamp="$ROOT/bench/peer/node_modules/.perfil-cm-lock" want
  want=$(sha256sum "$ROOT/bench/peer/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "npm ci --prefix bench/peer (survey-core, survey-js-ui, chart.js, lighthouse)"
    (cd "$ROOT" && npm ci --prefix bench/peer --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}
