# Stand-in cudaPackages_M_m sets: version attributes, capabilities flags and
# the package names recipes refer to (cuda_cccl, cudnn, nccl, …) as fake
# derivations. overrideScope works like nixpkgs' makeScope.
{ lib, stdenv, config }:
let
  defaultCapabilities = version:
    let
      all = [ "7.5" "8.0" "8.6" "8.9" "9.0" "10.0" "12.0" ];
    in
    if lib.versionOlder version "13.0" then [ "6.1" "7.0" ] ++ all else all ++ [ "11.0" ];

  packageNames = [
    "cuda_cccl" "cuda_cudart" "cuda_cupti" "cuda_cuobjdump" "cuda_cuxxfilt" "cuda_gdb" "cuda_nvcc" "cuda_nvdisasm"
    "cuda_nvml_dev" "cuda_nvprune" "cuda_nvrtc" "cuda_nvtx" "cuda_profiler_api" "cuda_sanitizer_api" "cudatoolkit"
    "cudnn" "cusparselt" "cutensor" "libcublas" "libcufft" "libcufile" "libcurand" "libcusolver" "libcusparse"
    "libcusparse_lt" "libnpp" "libnvjitlink" "libnvjpeg" "nccl" "tensorrt" "cuda-samples" "saxpy"
  ];

  mkCudaPackages = version:
    let
      attrName = "cudaPackages_${lib.replaceStrings [ "." ] [ "_" ] version}";
      base = self:
        lib.genAttrs packageNames (n: stdenv.mkDerivation { pname = n; inherit version; passthru.cudaPackagesName = attrName; })
        // {
          standInName = attrName;
          cudaVersion = version;
          cudaMajorMinorVersion = version;
          cudaMajorVersion = lib.versions.major version;
          cudaOlder = lib.versionOlder version;
          cudaAtLeast = lib.versionAtLeast version;
          flags = {
            cudaCapabilities = config.cudaCapabilities or (defaultCapabilities version);
            isJetsonBuild = false;
            dropDots = lib.replaceStrings [ "." ] [ "" ];
          };
          backendStdenv = stdenv;
          callPackage = lib.callPackageWith self;
          pkgs = self;
        };
      scope = extension:
        let set = lib.fix (lib.extends extension base); in
        set // { overrideScope = g: scope (lib.composeExtensions extension (lib.toExtension g)); };
    in
    scope (final: prev: { });
in
{
  inherit mkCudaPackages;
  versions = [ "12.6" "12.8" "12.9" "13.0" "13.1" ];
}
