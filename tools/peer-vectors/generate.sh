#!/usr/bin/env bash
# Regenerates engine-core/src/test/resources/golden/{aave,orderly,drift}.json from the peers' own packages.
# Needs node 20 and the npm registry (for npm install only); the generators themselves run offline.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund
node aave.mjs
node orderly.mjs
node drift.js
