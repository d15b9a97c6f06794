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
# The failures once more, short, at the end (where a CI log cut in the middle still shows
# them), then one plain closing line that any CI reader understands.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const plain = text => text.replace(/\x1b\[[0-9;]*m/g, "");
  for (const file of r.testResults) {
    const failed = file.assertionResults.filter(a => a.status === "failed");
    if (failed.length === 0 && !file.message) continue;
    console.log(`\nFAILED ${file.name}`);
    for (const a of failed) {
      console.log(`  x ${a.fullName}`);
      const lines = plain(a.failureMessages.join("\n")).split("\n").filter(l => l.trim());
      for (const line of lines.slice(0, 12)) console.log(`    ${line.slice(0, 300)}`);
    }
    if (failed.length === 0)
      for (const line of plain(file.message).split("\n").filter(l => l.trim()).slice(0, 12))
        console.log(`    ${line.slice(0, 300)}`);
  }
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' "$results" || true
exit "$status"
