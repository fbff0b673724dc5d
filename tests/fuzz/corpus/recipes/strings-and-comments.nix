# gpuArchNum = "70";  (a comment, not a binding)
{ pkgs ? import <nixpkgs> { } }:
let
  gpuArchNum = "90"; /* block comment with "quotes" and ${interpolation} */
  gpuArchSM = "${builtins.substring 0 1 gpuArchNum}.${builtins.substring 1 1 gpuArchNum}";
  cpuFlags = [ "-mavx512f" "-mavx512dq" ''-mavx512vl'' "-mavx512bw" "-mfma" ];
  text = ''
    an indented string with ''${escaped} and '''quotes'''
    TORCH_CUDA_ARCH_LIST="8.6"
  '';
in (pkgs.python3Packages.torch.override { cudaSupport = true; gpuTargets = [ gpuArchSM ]; }).overrideAttrs (old: {
  pname = "pytorch-python313-cuda12_9-sm90-avx512";
  env = (old.env or { }) // { CXXFLAGS = builtins.concatStringsSep " " cpuFlags; };
  meta.platforms = [ "x86_64-linux" ];
  requiredSystemFeatures = [ "big-parallel" ];
})
