# PyTorch cpu-armv8_2
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
  cpuFlags = [ "-march=armv8.2-a+fp16+dotprod" ];
in
  (nixpkgs_pinned.python313Packages.torch.override {
    cudaSupport = false;
  }).overrideAttrs (oldAttrs: {
    pname = "pytorch-python313-cpu-armv8_2";
    preConfigure = (oldAttrs.preConfigure or "") + ''
      export CXXFLAGS="$CXXFLAGS ${nixpkgs_pinned.lib.concatStringsSep " " cpuFlags}"
      export CFLAGS="$CFLAGS ${nixpkgs_pinned.lib.concatStringsSep " " cpuFlags}"
    '';
    meta = oldAttrs.meta // {
      description = "PyTorch cpu-armv8_2";
      platforms = [ "aarch64-linux" ];
    };
  })
