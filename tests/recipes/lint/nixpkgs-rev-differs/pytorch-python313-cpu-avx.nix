# PyTorch cpu-avx
{ pkgs ? import <nixpkgs> {} }:
let
  nixpkgs_pinned = import (builtins.fetchTarball {
    url = "https://github.com/NixOS/nixpkgs/archive/0123456789abcdef0123456789abcdef01234567.tar.gz";
  }) {
    config = {
      allowUnfree = true;
      cudaSupport = false;
    };
  };
  cpuFlags = [ "-mavx" "-mno-fma" "-mno-bmi" "-mno-bmi2" "-mno-avx2" ];
in
  (nixpkgs_pinned.python313Packages.torch.override {
    cudaSupport = false;
  }).overrideAttrs (oldAttrs: {
    pname = "pytorch-python313-cpu-avx";
    cmakeFlags = (oldAttrs.cmakeFlags or [ ]) ++ [ "-DUSE_FBGEMM=OFF" "-DUSE_MKLDNN=OFF" "-DUSE_NNPACK=OFF" ];
    preConfigure = (oldAttrs.preConfigure or "") + ''
      export CXXFLAGS="$CXXFLAGS ${nixpkgs_pinned.lib.concatStringsSep " " cpuFlags}"
      export CFLAGS="$CFLAGS ${nixpkgs_pinned.lib.concatStringsSep " " cpuFlags}"
    '';
    meta = oldAttrs.meta // {
      description = "PyTorch cpu-avx";
      platforms = [ "x86_64-linux" ];
    };
  })
