# A pin with a sha256 (fetchTarball checks it), and a comment that mentions
# nixpkgs/archive/ffffffffffffffffffffffffffffffffffffffff.tar.gz: never touched.
{ pkgs ? import <nixpkgs> {} }:
let
  nixpkgs_pinned = import (builtins.fetchTarball {
    url = "https://github.com/NixOS/nixpkgs/archive/6a030d535719c5190187c4cec156f335e95e3211.tar.gz";
	sha256 = "1abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc";
  }) { config.allowUnfree = true; };
in nixpkgs_pinned.python313Packages.torch.overrideAttrs (old: {
  pname = "pytorch-python313-cpu-avx2";
})
