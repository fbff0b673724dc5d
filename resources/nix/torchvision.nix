# Stand-in for nixpkgs' torchvision, following pkgs/development/python-modules/
# torchvision/default.nix (0.24.1): CUDA settings come from the torch it is given,
# and env.TORCH_CUDA_ARCH_LIST is torch.cudaCapabilities, which follows
# config.cudaCapabilities (or the CUDA release's default list), never the
# gpuTargets a recipe gave torch's .override. A recipe that exports its own
# TORCH_CUDA_ARCH_LIST in preConfigure overrides it (hooks run after env).
{ lib, buildPythonPackage, fetchFromGitHub, torch, numpy, pillow, scipy, libjpeg_turbo, libpng, ninja, which, pytestCheckHook }:
let
  inherit (torch) cudaCapabilities cudaPackages cudaSupport;
in
buildPythonPackage rec {
  pname = "torchvision";
  version = "0.24.0";
  pyproject = true;
  src = fetchFromGitHub { owner = "pytorch"; repo = "vision"; tag = "v${version}"; hash = lib.fakeHash; };
  nativeBuildInputs = [ libpng ninja which ] ++ lib.optionals cudaSupport [ cudaPackages.cuda_nvcc ];
  buildInputs = [ libjpeg_turbo libpng ] ++ lib.optionals cudaSupport [ cudaPackages.cuda_cccl cudaPackages.cuda_cudart ];
  dependencies = [ numpy pillow torch scipy ];
  env = {
    TORCHVISION_INCLUDE = "${libjpeg_turbo}/include/";
    TORCHVISION_LIBRARY = "${libjpeg_turbo}/lib/";
  } // lib.optionalAttrs cudaSupport {
    TORCH_CUDA_ARCH_LIST = "${lib.concatStringsSep ";" cudaCapabilities}";
    FORCE_CUDA = 1;
  };
  passthru = { inherit cudaSupport cudaPackages torch; };
  meta = {
    description = "PyTorch vision library";
    license = lib.licenses.bsd3;
    platforms = with lib.platforms; linux ++ lib.optionals (!cudaSupport) darwin;
  };
}
