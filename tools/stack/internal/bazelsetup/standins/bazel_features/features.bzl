"""Stand-in for bazel_features, answering for Bazel 4.2.3 (whose version reads "no_version")."""

bazel_features = struct(
    cc = struct(find_cpp_toolchain_has_mandatory_param = False),
    external_deps = struct(
        module_extension_has_os_arch_dependent = False,
        extension_metadata_has_reproducible = False,
    ),
)
