#!/usr/bin/env bash
# Runs one command inside the project's environment (see env.sh).
set -euo pipefail
source "$(dirname "$0")/env.sh"
exec "$@"
