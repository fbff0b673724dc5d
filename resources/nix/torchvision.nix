# Stand-in for nixpkgs' torchvision: CUDA settings come from the torch it is
# given; the arch list is torch.cudaCapabilities unless the recipe exports its own.
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
  preConfigure = ''
    export TORCH_CUDA_ARCH_LIST="${lib.concatStringsSep ";" cudaCapabilities}"
    export FORCE_CUDA=${if cudaSupport then "1" else "0"}
  '';
  passthru = { inherit cudaSupport cudaPackages torch; };
  meta = {
    description = "PyTorch vision library";
    license = lib.licenses.bsd3;
    platforms = with lib.platforms; linux ++ lib.optionals (!cudaSupport) darwin;
  };
}
