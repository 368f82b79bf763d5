#!/usr/bin/env bash
# Installs everything FactFlag needs to build and test, skipping what is already present.
# Safe to run again: every step checks first and says what it does.
# Usage: scripts/setup.sh [--no-browsers]
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

export PATH="$HOME/.cargo/bin:$PATH"
want_browsers=1
[ "${1:-}" = "--no-browsers" ] && want_browsers=0

# 1. Debian packages: browsers, their drivers, binaryen (wasm-opt), node/npm.
apt_pkgs=()
have node || apt_pkgs+=(nodejs)
have npm || apt_pkgs+=(npm)
have wasm-opt || apt_pkgs+=(binaryen)
have pkg-config || apt_pkgs+=(pkg-config)
have zip || apt_pkgs+=(zip)
if [ "$want_browsers" = 1 ]; then
  have chromium || apt_pkgs+=(chromium)
  have chromedriver || apt_pkgs+=(chromium-driver)
  have firefox-esr || apt_pkgs+=(firefox-esr)
  # The browsers' German UI, for the end-to-end test of the extension's second locale.
  [ -e /usr/lib/chromium/locales/de.pak ] || apt_pkgs+=(chromium-l10n)
  ls /usr/lib/firefox-esr/browser/extensions/langpack-de@* >/dev/null 2>&1 || apt_pkgs+=(firefox-esr-l10n-de)
fi
if [ "${#apt_pkgs[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! have sudo; then
    say "missing Debian packages: ${apt_pkgs[*]} (run as root or install them yourself)"; exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  say "installing Debian packages: ${apt_pkgs[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}" >/dev/null
else
  if [ "$want_browsers" = 1 ]; then
    say "Debian packages present (node, npm, wasm-opt, zip, chromium, chromedriver, firefox-esr, their German UI)"
  else
    say "Debian packages present (node, npm, wasm-opt, zip)"
  fi
fi

# 2. Rust target for the extension's core.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
else
  say "Rust target wasm32-unknown-unknown present"
fi

# 3. wasm-bindgen-cli, pinned to the exact version in Cargo.lock (wasm-pack only uses a matching one).
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ -z "$wb_version" ]; then say "could not read wasm-bindgen's version from Cargo.lock"; exit 1; fi
if have wasm-bindgen && [ "$(wasm-bindgen --version | awk '{print $2}')" = "$wb_version" ]; then
  say "wasm-bindgen-cli $wb_version present"
else
  say "building wasm-bindgen-cli $wb_version (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# 4. wasm-pack (runs the wasm tests).
if have wasm-pack; then say "wasm-pack present"; else
  say "building wasm-pack (a few minutes)"; cargo install wasm-pack
fi

# 5. geckodriver (wasm-pack test --firefox); not a Debian package.
if [ "$want_browsers" = 1 ]; then
  if have geckodriver; then say "geckodriver present"; else
    say "building geckodriver (a few minutes)"; cargo install geckodriver
  fi
fi

# 6. npm packages (puppeteer-core, web-ext, mark.js), from package-lock.json.
if [ -f package.json ]; then
  if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    say "npm packages present"
  else
    say "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
# 7. cargo-fuzz, for the fuzz targets in fuzz/ (make fuzz, and 30 seconds each in make test).
# They need a nightly toolchain, which this script cannot install (rustup downloads it
# prebuilt): without one, the fuzz runs are skipped with a line that says so.
if cargo +nightly --version >/dev/null 2>&1; then
  if have cargo-fuzz; then say "cargo-fuzz present"; else
    say "building cargo-fuzz (about a minute)"; cargo install cargo-fuzz
  fi
else
  say "no nightly Rust toolchain: the fuzz targets (make fuzz) will be skipped"
fi
say "done"
