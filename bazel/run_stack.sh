#!/usr/bin/env bash
# bazel run //:up, //:install, //:teardown: runs the Bazel-built stack CLI
# (its path is the first argument) in the workspace, as "go run ./tools/stack"
# would; the other arguments, then the user's, follow.
set -euo pipefail
stack="$PWD/$1"
shift
cd "${BUILD_WORKSPACE_DIRECTORY:?run this with bazel run}"
exec "$stack" "$@"
