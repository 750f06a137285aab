#!/usr/bin/env bash
# bazel run //images:load: makes the images from the Bazel-built binaries with
# "stack images" (the same code as //images:<name>) and loads them into the
# local Docker daemon. Arguments: the stack binary, then NAME=BINARY each.
set -euo pipefail
stack="$PWD/$1"
shift
binaries=()
for b in "$@"; do binaries+=(--binary "${b%%=*}=$PWD/${b#*=}"); done
cd "${BUILD_WORKSPACE_DIRECTORY:?run this with bazel run //images:load}"
exec "$stack" images --build bazel --out "$BUILD_WORKSPACE_DIRECTORY/.cache/images-bazel" "${binaries[@]}"
