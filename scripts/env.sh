# Sourced by every script: puts the project's own Node (22/24, Backstage refuses the
# machine's Node 20), the Yarn shim and the workspace binaries first on PATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="24.21.0"
NODE_HOME="$ROOT/.tools/node-$NODE_VERSION"
export PATH="$NODE_HOME/bin:$ROOT/.tools/bin:$ROOT/node_modules/.bin:$PATH"
# Native addons (better-sqlite3) must build against this Node's headers, not Node 20's.
export npm_config_nodedir="$NODE_HOME"
export STRIMZI_DIR="${STRIMZI_DIR:-$ROOT/../shared/strimzi}"
