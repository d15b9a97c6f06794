#!/usr/bin/env bash
# Turns the pending changesets (.changeset/*.md) into new versions and CHANGELOG.md entries of
# the published packages, then keeps GENERATOR_VERSION equal to the common package's version.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
changeset version
node scripts/sync-generator-version.js
prettier --write --loglevel warn \
  "{packages,plugins}/*/{package.json,CHANGELOG.md}" \
  plugins/kafka-connect-common/src/generator.ts
