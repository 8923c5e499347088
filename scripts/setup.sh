#!/usr/bin/env bash
# Installs what Portolan needs on a machine that has only Node.js and npm:
# pnpm (pinned in package.json, from the npm registry) and the workspace's
# locked dependencies. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "portolan setup: installing pnpm@$PNPM_VERSION with npm install -g" >&2
  npm install -g "pnpm@$PNPM_VERSION" --no-fund --no-audit --loglevel=error || {
    echo "portolan setup: could not install pnpm globally; run 'npm install -g pnpm@$PNPM_VERSION' as a user who may, then try again" >&2
    exit 1
  }
fi
pnpm install --frozen-lockfile --reporter=append-only | grep -vE '^(Progress|Packages:)' || true
test -d node_modules/.pnpm || { echo "portolan setup: pnpm install failed" >&2; exit 1; }
