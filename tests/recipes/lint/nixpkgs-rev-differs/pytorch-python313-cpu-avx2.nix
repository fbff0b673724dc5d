# PyTorch cpu-avx2
{ pkgs ? import <nixpkgs> {} }:
let
  nixpkgs_pinned = import (builtins.fetchTarball {
    url = "https://github.com/NixOS/nixpkgs/archive/6a030d535719c5190187c4cec156f335e95e3211.tar.gz";
  }) {
    config = {
      allowUnfree = true;
      cudaSupport = false;
    };
  };
  cpuFlags = [ "-mavx2" "-mfma" "-mf16c" ];
in
  (nixpkgs_pinned.python313Packages.torch.override {
    cudaSupport = false;
  }).overrideAttrs (oldAttrs: {
    pname = "pytorch-python313-cpu-avx2";
    preConfigure = (oldAttrs.preConfigure or "") + ''
      export CXXFLAGS="$CXXFLAGS ${nixpkgs_pinned.lib.concatStringsSep " " cpuFlags}"
      export CFLAGS="$CFLAGS ${nixpkgs_pinned.lib.concatStringsSep " " cpuFlags}"
    '';
    meta = oldAttrs.meta // {
      description = "PyTorch cpu-avx2";
      platforms = [ "x86_64-linux" ];
    };
  })
