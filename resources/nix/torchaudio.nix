# Stand-in for nixpkgs' torchaudio: CUDA settings and arch list from torch.
{ lib, buildPythonPackage, fetchFromGitHub, torch, cmake, ninja, pybind11, sox, ffmpeg_6-full, symlinkJoin }:
let
  inherit (torch) cudaCapabilities cudaPackages cudaSupport;
in
buildPythonPackage rec {
  pname = "torchaudio";
  version = "2.9.0";
  pyproject = true;
  src = fetchFromGitHub { owner = "pytorch"; repo = "audio"; tag = "v${version}"; hash = lib.fakeHash; };
  nativeBuildInputs = [ cmake ninja pybind11 ] ++ lib.optionals cudaSupport [ cudaPackages.cuda_nvcc ];
  buildInputs = [ sox ffmpeg_6-full ] ++ lib.optionals cudaSupport [ cudaPackages.cuda_cccl cudaPackages.cuda_cudart ];
  dependencies = [ torch ];
  preConfigure = lib.optionalString cudaSupport ''
    export TORCH_CUDA_ARCH_LIST="${lib.concatStringsSep ";" cudaCapabilities}"
  '' + ''
    export USE_CUDA=${if cudaSupport then "1" else "0"}
  '';
  passthru = { inherit cudaSupport cudaPackages torch; };
  meta = {
    description = "PyTorch audio library";
    license = lib.licenses.bsd2;
    platforms = with lib.platforms; linux ++ lib.optionals (!cudaSupport) darwin;
  };
}
