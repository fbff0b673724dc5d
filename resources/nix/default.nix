# Stand-in nixpkgs for Variant Studio's deep check: `import <nixpkgs> { config;
# overlays; }` and `import (builtins.fetchTarball …) { … }` in a recipe land
# here. Overlays are applied in order with lib.extends, as nixpkgs does.
# standInPin is set by deep-check.nix for a fetched nixpkgs (the URL it came
# from); it travels in config so that torch can report which nixpkgs built it.
{ config ? { }, overlays ? [ ], system ? "x86_64-linux", localSystem ? null, crossSystem ? null, crossOverlays ? [ ],
  standInPin ? null, ... }:
let
  lib = import ./lib.nix;
  userConfig = if builtins.isFunction config then config { inherit lib; } else config;
  cfg = { allowUnfree = false; allowBroken = false; cudaSupport = false; rocmSupport = false; } // userConfig // { inherit standInPin; };
  sys = if localSystem == null then system else localSystem.system or localSystem;
  base = final: import ./top-level.nix { inherit lib final; config = cfg; system = sys; };
in
lib.fix (builtins.foldl' (f: overlay: lib.extends overlay f) base overlays)
