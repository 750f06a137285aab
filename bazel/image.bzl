"""stack_image: the OCI image of one of this project's binaries.

The project's own image builder ("stack images --binary NAME=PATH", the code
that "go run ./tools/stack images" runs) is the Bazel tool: same inputs, same
bytes. rules_oci is not obtainable here (no Bazel Central Registry, no
GitHub); with it, a user would write oci_image(base = nothing, tars = [a
pkg_tar of the binary at /usr/local/bin], user = "1000:1000", entrypoint,
labels) and oci_load instead, with digests of their own.
"""

load("@io_bazel_rules_go//go:def.bzl", "go_binary")

def stack_image_binary(name, embed):
    """The binary of an image, as "stack images" builds it: static, stripped,
    internal/version.Build stamped "bazel".

    It sets no goos, goarch or pure: those attributes transition to a
    configuration of their own, which would compile the whole closure a
    second time. .bazelrc builds everything pure (no cgo, so static), and the
    images are linux/amd64 when Bazel runs there (images_test checks both);
    elsewhere, build with --platforms=@io_bazel_rules_go//go/toolchain:linux_amd64."""
    go_binary(
        name = name,
        embed = embed,
        gc_linkopts = ["-s", "-w"],
        visibility = ["//images:__pkg__"],
        x_defs = {"github.com/temporal-stack/stack/internal/version.Build": "bazel"},
    )

def _stack_image_impl(ctx):
    out = ctx.actions.declare_directory(ctx.label.name + "_oci")
    args = ctx.actions.args()
    args.add("images")
    args.add("--no-load")
    args.add("--build", ctx.attr.build)
    args.add("--binary", "%s=%s" % (ctx.attr.image, ctx.file.binary.path))
    args.add("--out", out.path)
    ctx.actions.run(
        executable = ctx.executable._stack,
        arguments = [args],
        # go.mod gives the Temporal version of the tag (and marks the repository root).
        inputs = [ctx.file.binary, ctx.file._go_mod],
        outputs = [out],
        mnemonic = "StackImage",
        progress_message = "Assembling OCI image %s" % ctx.label,
    )
    return [DefaultInfo(files = depset([out]))]

stack_image = rule(
    implementation = _stack_image_impl,
    doc = "An OCI image layout (directory <name>_oci) of image `image` made from `binary`.",
    attrs = {
        "image": attr.string(mandatory = True, values = ["server", "poller", "dexlogin"]),
        "binary": attr.label(mandatory = True, allow_single_file = True),
        "build": attr.string(default = "bazel", doc = "the build part of the tag: <temporal>-stack.<build>"),
        # "stack images" alone: the whole stack CLI would be compiled a second
        # time for the exec configuration.
        "_stack": attr.label(default = "//tools/stack/internal/images/imagetool", executable = True, cfg = "exec"),
        "_go_mod": attr.label(default = "//:go.mod", allow_single_file = True),
    },
)
