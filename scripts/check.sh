#!/usr/bin/env bash
# What `npm test` runs once set-up is done: the type check, the lint and format check, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type check"; tsc --noEmit
echo "== lint"; backstage-cli repo lint
echo "== format"; prettier --check --loglevel warn "plugins/**/*.{ts,tsx}" "packages/*/src/**/*.{ts,tsx}" "test/src/**/*.ts"
echo "== tests"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
status=0
backstage-cli repo test --watchAll=false --json --outputFile="$results" || status=$?
# One plain closing line that any CI reader understands.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' "$results" || true
exit "$status"
