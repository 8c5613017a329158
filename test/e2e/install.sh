#!/usr/bin/env bash
# Installs the real-VS-Code harness (code-server 4.100.3 = VS Code 1.100.3, Debian chromium,
# playwright-core) offline: only Debian apt and the npm registry are reached. Idempotent.
# Run as root (apt). Everything it writes stays under test/e2e/ (node_modules/, .work/).
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$E2E_DIR/.work"
mkdir -p "$WORK/tmp" "$WORK/xdg/config" "$WORK/xdg/data" "$WORK/xdg/cache"
export TMPDIR="$WORK/tmp"
export XDG_CONFIG_HOME="$WORK/xdg/config"
export XDG_DATA_HOME="$WORK/xdg/data"
export XDG_CACHE_HOME="$WORK/xdg/cache"
export DEBIAN_FRONTEND=noninteractive

# 1. System packages: openssl (the TLS tests make a throwaway certificate), chromium (the browser client), libkrb5-dev (code-server's `kerberos`
#    native module), ripgrep (seeds @vscode/ripgrep, which would otherwise download from GitHub), poppler-utils
#    (pdftoppm/pdfinfo: the unit tests open the emulator's PDF report in a real PDF reader), python3-flask, python3-requests,
#    php-cli and php-curl (the unit tests run the generated webhook receivers and "Copy as Code" in Python,
#    Flask and PHP).
missing=()
for pkg in chromium libkrb5-dev ripgrep openssl poppler-utils python3-flask python3-requests php-cli php-curl; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  echo "[e2e-install] apt-get install ${missing[*]}"
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "[e2e-install] apt packages present"
fi

# 2. @vscode/ripgrep 1.15.11 (inside code-server) fetches ripgrep from GitHub in its postinstall
#    unless this cache file exists under $TMPDIR.
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
RG_TGZ="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s "$RG_TGZ" ]]; then
  mkdir -p "$RG_CACHE"
  tar czf "$RG_TGZ" -C /usr/bin rg
fi

# 3. npm packages of the harness. yes=true: node-pty's install runs `npx node-gyp` (the machine's
#    npmrc says yes=false); unsafe_perm=true: code-server's postinstall refuses root otherwise.
cd "$E2E_DIR"
STAMP="node_modules/.e2e-installed"
lock_sum() { [[ -f package-lock.json ]] && sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1; }
if [[ -f node_modules/code-server/lib/vscode/out/server-main.js && -f "$STAMP" && -f package-lock.json \
  && "$(cat "$STAMP")" == "$(lock_sum)" ]]; then
  echo "[e2e-install] node_modules up to date"
else
  export npm_config_yes=true npm_config_unsafe_perm=true
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund
  else
    npm install --no-audit --no-fund
  fi
  lock_sum >"$STAMP"
fi
echo "[e2e-install] done"
