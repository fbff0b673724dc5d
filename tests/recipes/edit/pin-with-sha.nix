# A pin with a sha256 (fetchTarball checks it), and a comment that mentions
# nixpkgs/archive/ffffffffffffffffffffffffffffffffffffffff.tar.gz: never touched.
{ pkgs ? import <nixpkgs> {} }:
let
  nixpkgs_pinned = import (builtins.fetchTarball {
    url = "https://github.com/NixOS/nixpkgs/archive/0182a361324364ae3f436a63005877674cf45efb.tar.gz";
	sha256 = "0000000000000000000000000000000000000000000000000000";
  }) { config.allowUnfree = true; };
in nixpkgs_pinned.python313Packages.torch.overrideAttrs (old: {
  pname = "pytorch-python313-cpu-avx2";
})
