#!/usr/bin/env bash
# What `npm test` runs once set-up is done: the type check, the lint, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type check"; tsc --noEmit
echo "== lint"; backstage-cli repo lint
echo "== tests"; backstage-cli repo test --watchAll=false
