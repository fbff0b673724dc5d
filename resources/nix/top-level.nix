# The package set of the stand-in: what PyTorch recipes reach for, as fake
# derivations, plus the real structure where it decides a result (python
# package sets with overrides, cudaPackages_*, torch/torchvision/torchaudio,
# openblas/blas with .override).
{ lib, final, config, system }:
let
  std = import ./stdenv.nix { inherit lib system; };
  inherit (std) stdenv;
  fake = pname: stdenv.mkDerivation { inherit pname; version = "0-stand-in"; };
  fakes = names: lib.genAttrs names fake;
  cuda = import ./cuda-packages.nix { inherit lib stdenv config; };
  cudaSets = lib.listToAttrs (map (v: lib.nameValuePair "cudaPackages_${lib.replaceStrings [ "." ] [ "_" ] v}" (cuda.mkCudaPackages v)) cuda.versions);

  pythonFakeNames = [
    "astunparse" "expecttest" "filelock" "fsspec" "hypothesis" "jinja2" "networkx" "packaging" "psutil" "pyyaml"
    "requests" "sympy" "types-dataclasses" "typing-extensions" "triton" "triton-cuda" "pillow" "six" "tensorboard"
    "protobuf" "numpy" "setuptools" "cffi" "click" "pybind11" "scipy" "pytestCheckHook" "wheel" "pip" "cython"
    "future" "tqdm" "opt-einsum" "dill" "optree" "mpmath" "markupsafe" "pytest" "ninja" "cmake" "einops"
  ];

  mkPython = version:
    let
      id = lib.replaceStrings [ "." ] [ "" ] version;
      drv = fake "python3" // {
        name = "python3-${version}";
        inherit version;
        pythonVersion = version;
        sitePackages = "lib/python${version}/site-packages";
        executable = "python${version}";
        interpreter = "${drv.outPath}/bin/python${version}";
        pkgs = final."python${id}Packages";
        pythonOnBuildForHost = drv;
        isPy3k = true;
        withPackages = f: fake "python3-${version}-env";
        buildEnv = fake "python3-${version}-env";
        override = { packageOverrides ? (_: _: { }), ... }:
          drv // { pkgs = final."python${id}Packages".override { overrides = packageOverrides; }; };
      };
    in
    drv;

  mkPythonPackages = python: lib.makeOverridable ({ overrides ? (_: _: { }) }:
    let
      buildPythonPackage = attrs:
        std.mkDerivationWith "python${python.pythonVersion}-" (
          if builtins.isFunction attrs then attrs else (removeAttrs attrs [ "pyproject" "format" "disabled" "build-system" ])
        );
      base = self: lib.genAttrs pythonFakeNames (n: buildPythonPackage { pname = n; version = "0-stand-in"; }) // {
        inherit python buildPythonPackage;
        inherit (final) fetchPypi;
        buildPythonApplication = buildPythonPackage;
        callPackage = lib.callPackageWith (final // self);
        pythonOlder = lib.versionOlder python.pythonVersion;
        pythonAtLeast = lib.versionAtLeast python.pythonVersion;
        torch = self.callPackage ./torch.nix { };
        pytorch = self.torch;
        torchWithCuda = self.torch.override { cudaSupport = true; };
        torchWithoutCuda = self.torch.override { cudaSupport = false; };
        torchvision = self.callPackage ./torchvision.nix { };
        torchaudio = self.callPackage ./torchaudio.nix { };
      };
      extension = lib.composeManyExtensions (final.pythonPackagesExtensions ++ [ overrides ]);
      scope = ext:
        let set = lib.fix (lib.extends ext base); in
        set // { overrideScope = g: scope (lib.composeExtensions ext (lib.toExtension g)); };
    in
    scope extension) { };
in
fakes [
  "cmake" "ninja" "which" "pkg-config" "removeReferencesTo" "git-unroll" "binutils" "apple-sdk_13" "numactl"
  "vulkan-headers" "vulkan-loader" "shaderc" "magma" "magma-hip" "magma-cuda-static" "mpi" "libjpeg_turbo" "libpng"
  "sox" "ffmpeg" "ffmpeg_6-full" "gcc" "git" "zlib" "openssl" "mkl" "autoPatchelfHook" "makeWrapper" "patchelf"
  "autoAddDriverRunpath" "gnumake" "bash" "coreutils" "python3Full" "ccache" "lapack" "onnx" "protobuf"
]
// cudaSets
// {
  inherit lib config system stdenv;
  pkgs = final;
  callPackage = lib.callPackageWith final;
  newScope = extra: lib.callPackageWith (final // extra);
  addDriverRunpath = fake "add-driver-runpath" // { driverLink = "/run/opengl-driver"; };
  cudaPackages = final.cudaPackages_12_8;
  cudaPackages_12 = final.cudaPackages_12_9;
  cudaPackages_13 = final.cudaPackages_13_0;
  cudaPackagesExtensions = [ ];
  rocmPackages = { clr = fake "clr" // { gpuTargets = [ ]; }; triton = fake "triton-rocm"; };
  llvmPackages = { openmp = fake "openmp"; clang = fake "clang"; stdenv = stdenv; };
  gccStdenv = stdenv;

  fetchFromGitHub = args: stdenv.mkDerivation { name = "source"; passthru.fetchArgs = args; };
  fetchFromGitLab = final.fetchFromGitHub;
  fetchgit = final.fetchFromGitHub;
  fetchurl = args: stdenv.mkDerivation { name = baseNameOf (toString (args.url or "source")); };
  # callPackage-style recipes (TorchAudio's `{ python3Packages, lib, config,
  # cudaPackages, addDriverRunpath, fetchPypi }:`) ask for it at the top level.
  fetchPypi = args: stdenv.mkDerivation { name = "source"; passthru.fetchArgs = args; };
  fetchzip = final.fetchurl;
  fetchpatch = final.fetchurl;
  fetchpatch2 = final.fetchurl;
  runCommand = name: _: _: fake name;
  runCommandLocal = final.runCommand;
  runCommandCC = final.runCommand;
  writeShellScript = name: _: fake name;
  writeShellScriptBin = name: _: fake name;
  writeScript = name: _: fake name;
  writeText = name: _: fake name;
  writeTextFile = args: fake args.name;
  symlinkJoin = args: fake args.name;
  buildEnv = args: fake args.name;
  mkShell = args: fake "shell";

  openblas = final.callPackage (
    { stdenv, lib, blas64 ? false, singleThreaded ? false, dynamicArch ? true, enableAVX512 ? false, target ? null,
      openmp ? null, enableStatic ? false, enableShared ? true }:
    stdenv.mkDerivation {
      pname = "openblas";
      version = "0.3.30";
      passthru = { inherit blas64 singleThreaded dynamicArch enableAVX512 target; };
      meta.platforms = lib.platforms.unix;
    }) { };
  blas = final.callPackage (
    { stdenv, lib, blasProvider ? final.openblas, isILP64 ? false }:
    stdenv.mkDerivation {
      pname = "blas";
      version = "3";
      passthru = { provider = blasProvider; implementation = lib.getName blasProvider; inherit isILP64; };
    }) { };

  pythonPackagesExtensions = [ ];
  python311 = mkPython "3.11";
  python312 = mkPython "3.12";
  python313 = mkPython "3.13";
  python3 = final.python313;
  python = final.python3;
  python311Packages = mkPythonPackages final.python311;
  python312Packages = mkPythonPackages final.python312;
  python313Packages = mkPythonPackages final.python313;
  python3Packages = final.python313Packages;
  pythonPackages = final.python3Packages;
}
