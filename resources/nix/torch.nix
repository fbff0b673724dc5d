# Stand-in for nixpkgs' python-modules/torch/source: the same arguments (so
# .override with an unknown name fails as it would for real) and the parts of
# the body a recipe's result depends on: cudaSupport, gpuTargets →
# TORCH_CUDA_ARCH_LIST in preConfigure, cudaPackages, meta.platforms.
{
  stdenv, lib, fetchFromGitHub, fetchFromGitLab, git-unroll, buildPythonPackage, python, runCommand,
  writeShellScript, config,
  cudaSupport ? config.cudaSupport, cudaPackages, autoAddDriverRunpath,
  effectiveMagma ? if cudaSupport then magma-cuda-static else if rocmSupport then magma-hip else magma,
  magma, magma-hip, magma-cuda-static,
  useSystemNccl ? (cudaSupport || rocmSupport), MPISupport ? false, mpi, buildDocs ? false,
  callPackage, cmake, symlinkJoin, which, pybind11, pkg-config, removeReferencesTo,
  apple-sdk_13, numactl, llvmPackages,
  astunparse, binutils, expecttest, filelock, fsspec, hypothesis, jinja2, networkx, packaging, psutil, pyyaml,
  requests, sympy, types-dataclasses, typing-extensions,
  tritonSupport ? (!stdenv.hostPlatform.isDarwin), triton,
  _tritonEffective ? if cudaSupport then triton-cuda else if rocmSupport then rocmPackages.triton else triton,
  triton-cuda,
  mklDnnSupport ? !(stdenv.hostPlatform.isDarwin && stdenv.hostPlatform.isAarch64),
  blas, ninja, pillow, six, tensorboard, protobuf, numpy, setuptools, cffi, click,
  rocmSupport ? config.rocmSupport, rocmPackages, gpuTargets ? [ ],
  vulkanSupport ? false, vulkan-headers, vulkan-loader, shaderc,
}:
let
  setBool = v: if v then "1" else "0";
  # nixpkgs' supportedTorchCudaCapabilities (torch/source/default.nix at 00d0ced3),
  # plus the capabilities later CUDA releases add (10.3, 11.0, 12.1).
  supportedTorchCudaCapabilities =
    let
      real = [ "3.5" "3.7" "5.0" "5.2" "5.3" "6.0" "6.1" "6.2" "7.0" "7.2" "7.5" "8.0" "8.6" "8.7" "8.9" "9.0" "9.0a"
        "10.0" "10.0a" "10.1" "10.1a" "10.3" "10.3a" "11.0" "11.0a" "12.0" "12.0a" "12.1" "12.1a" ];
    in
    real ++ map (x: "${x}+PTX") real;
  gpuTargetString = lib.concatStringsSep ";" (
    if gpuTargets != [ ] then gpuTargets
    else if cudaSupport then cudaPackages.flags.cudaCapabilities
    else if rocmSupport then rocmPackages.clr.gpuTargets
    else throw "No GPU targets specified"
  );
in
buildPythonPackage rec {
  pname = "torch";
  version = "2.9.1";
  pyproject = true;
  src = fetchFromGitHub { owner = "pytorch"; repo = "pytorch"; rev = "v${version}"; hash = lib.fakeHash; };
  outputs = [ "out" "dev" "lib" "cxxdev" ];
  patches = [ ];

  preConfigure =
    lib.optionalString cudaSupport ''
      export TORCH_CUDA_ARCH_LIST="${gpuTargetString}"
      export CUPTI_INCLUDE_DIR=${cudaPackages.cuda_cupti}/include
    ''
    + lib.optionalString rocmSupport ''
      export PYTORCH_ROCM_ARCH="${gpuTargetString}"
    '';

  USE_MKLDNN = setBool mklDnnSupport;
  USE_MKLDNN_CBLAS = setBool mklDnnSupport;
  USE_NNPACK = 1;
  USE_NCCL = setBool useSystemNccl;
  PYTORCH_BUILD_VERSION = version;

  cmakeFlags = [ (lib.cmakeFeature "CUDAToolkit_VERSION" cudaPackages.cudaMajorMinorVersion) ]
    ++ lib.optionals cudaSupport [ (lib.cmakeFeature "CMAKE_CUDA_COMPILER_TOOLKIT_VERSION" cudaPackages.cudaMajorMinorVersion) ];

  env.NIX_CFLAGS_COMPILE = toString [ "-Wno-error" ];

  nativeBuildInputs = [ cmake which ninja pybind11 pkg-config removeReferencesTo ]
    ++ lib.optionals cudaSupport [ cudaPackages.cuda_nvcc autoAddDriverRunpath ];
  buildInputs = [ blas blas.provider ]
    ++ lib.optionals cudaSupport (with cudaPackages; [ cuda_cccl cuda_cudart cuda_cupti cuda_nvrtc cudnn libcublas nccl ])
    ++ lib.optionals (cudaSupport || rocmSupport) [ effectiveMagma ]
    ++ lib.optionals MPISupport [ mpi ];
  dependencies = [ astunparse filelock fsspec jinja2 networkx numpy pyyaml requests sympy typing-extensions ]
    ++ lib.optionals tritonSupport [ _tritonEffective ];

  passthru = {
    inherit cudaSupport cudaPackages rocmSupport rocmPackages gpuTargets;
    # As nixpkgs' torch/source/default.nix (read at 00d0ced3, torch 2.7.1, and
    # the same through 2.9): cudaCapabilities = supportedCudaCapabilities, the
    # intersection of cudaPackages.flags.cudaCapabilities (config.cudaCapabilities
    # or the release's default list) with what torch supports. gpuTargets only
    # feeds torch's own TORCH_CUDA_ARCH_LIST; torchvision and torchaudio build
    # their kernels for these capabilities.
    cudaCapabilities = if cudaSupport then lib.intersectLists cudaPackages.flags.cudaCapabilities supportedTorchCudaCapabilities else [ ];
    blasProvider = blas.provider;
    # For the shared-build check (torch-facts.nix): the nixpkgs this torch came from.
    standIn = { pin = config.standInPin or null; pythonVersion = python.pythonVersion; inherit config; };
  };

  meta = {
    description = "PyTorch: Tensors and dynamic neural networks in Python with strong GPU acceleration";
    homepage = "https://pytorch.org/";
    license = lib.licenses.bsd3;
    platforms = lib.platforms.linux ++ lib.optionals (!cudaSupport && !rocmSupport) lib.platforms.darwin;
    broken = cudaSupport && rocmSupport;
  };
}
