#!/usr/bin/env bash
# Builds the four published packages and packs them with `yarn pack` (which turns `workspace:`
# ranges into ordinary ones) into one folder, packed/ at the root unless given another:
# <scope>-<name>-<version>.tgz each, and packages.json that lists them. Prints the tarballs' paths.
#
# It works in a fresh copy of the work tree (the committed files and the new ones, no dist/,
# no dist-types/), with the workspace's node_modules linked in: each package's own `yarn build`
# must succeed as on a clean clone, and the work tree is never changed (prepack rewrites
# package.json and copies the templates while it packs).
set -euo pipefail
source "$(dirname "$0")/env.sh"

# In dependency order: a package's dependencies come before it.
PACKAGES=(
  plugins/kafka-connect-common
  plugins/kafka-connect
  plugins/scaffolder-backend-module-kafka-connect
  packages/cli
)

out="$(realpath -m "${1:-$ROOT/packed}")"
copy="$(mktemp -d "${TMPDIR:-/tmp}/connect-skeleton-pack-XXXXXX")"
trap 'rm -rf "$copy"' EXIT

cd "$ROOT"
# Files deleted but not yet committed are still listed by git: tar skips them.
git ls-files -z --cached --others --exclude-standard |
  tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null |
  tar -xf - -C "$copy"
[ -f .yarn/install-state.gz ] && cp .yarn/install-state.gz "$copy/.yarn/"

# Third-party packages are shared; the workspace's own links are copied as the relative links
# they are, so that they point at the packages of the copy.
mkdir "$copy/node_modules"
for entry in node_modules/* node_modules/.[!.]*; do
  case "$entry" in
  node_modules/@connect-skeleton) cp -RP "$entry" "$copy/node_modules/" ;;
  *) ln -s "$ROOT/$entry" "$copy/$entry" ;;
  esac
done
for nested in packages/*/node_modules plugins/*/node_modules test/node_modules; do
  [ -d "$nested" ] && ln -s "$ROOT/$nested" "$copy/$nested"
done

rm -rf "$out"
mkdir -p "$out"
for dir in "${PACKAGES[@]}"; do
  echo "pack: building $dir" >&2
  (cd "$copy/$dir" && yarn build >"$copy/build.log" 2>&1) || {
    cat "$copy/build.log" >&2
    echo "pack: yarn build failed in $dir" >&2
    exit 1
  }
done
for dir in "${PACKAGES[@]}"; do
  # npm's own naming: @scope/name 1.2.3 -> scope-name-1.2.3.tgz
  file="$(node "$ROOT/scripts/describe-packed.js" --file-name "$copy/$dir")"
  (cd "$copy/$dir" && yarn pack --out "$out/$file" >"$copy/pack.log" 2>&1) || {
    cat "$copy/pack.log" >&2
    echo "pack: yarn pack failed in $dir" >&2
    exit 1
  }
done
node "$ROOT/scripts/describe-packed.js" --list "$out" "${PACKAGES[@]/#/$copy/}"
