# Evaluates many recipes in one nix-instantiate run against the stand-in.
#   nix-instantiate --eval --strict --json deep-check.nix \
#     --argstr standIn DIR --argstr files '["/abs/a.nix", …]' [--argstr catch false]
# Each recipe is read through scopedImport so that `import <nixpkgs>`,
# `builtins.fetchTarball …` and `import ./sibling.nix` all resolve to the
# stand-in without downloading anything. With catch (the default) a recipe
# that throws gives { ok = false; } and the others still report; errors
# tryEval cannot catch (missing attributes, syntax) fail the whole run, and
# the caller splits the batch.
# With --argstr mode torch each entry describes the PyTorch the recipe builds
# (a PyTorch recipe's own result, or the torch a TorchVision/TorchAudio recipe
# was given): what decides whether Nix builds one PyTorch or two.
{ standIn, files, catch ? "true", mode ? "deep" }:
let
  lib = import (standIn + "/lib.nix");
  pkgs = import standIn { };
  isStandIn = p: let s = toString p; in s == standIn || s == standIn + "/default.nix";
  # A fetched nixpkgs is the stand-in, tagged with the URL it was fetched from
  # so that the package set it becomes knows its pin (see scope.import).
  fetchStub = args: { outPath = standIn; standInPin = toString (args.url or args); };
  isPinned = p: builtins.isAttrs p && p ? standInPin;
  scopedBuiltins = builtins // {
    import = scope.import;
    fetchTarball = fetchStub;
    fetchGit = fetchStub;
    fetchTree = fetchStub;
    fetchurl = fetchStub;
  };
  scope = {
    import = p:
      if isPinned p then args: builtins.import standIn (args // { standInPin = p.standInPin; })
      else if isStandIn p then builtins.import standIn
      else builtins.scopedImport scope p;
    builtins = scopedBuiltins;
    fetchTarball = fetchStub;
    fetchGit = fetchStub;
    __nixPath = [ ];
    __findFile = _: name:
      if name == "nixpkgs" then standIn
      else if lib.hasPrefix "nixpkgs/" name then standIn + lib.removePrefix "nixpkgs" name
      else throw "<${name}> is not part of the stand-in nixpkgs";
  };

  strings = xs: builtins.filter builtins.isString (if builtins.isList xs then lib.flatten xs else [ xs ]);
  text = v: if builtins.isString v then v else if builtins.isList v then toString (strings v) else if builtins.isInt v then toString v else null;
  envStrings = env: lib.filterAttrs (_: v: v != null) (builtins.mapAttrs (_: text) env);
  maybeString = v: if builtins.isString v then v else null;

  describe = drv: {
    pname = maybeString (drv.pname or null);
    name = maybeString (drv.name or null);
    version = maybeString (drv.version or null);
    cudaSupport = let v = drv.passthru.cudaSupport or null; in if builtins.isBool v then v else null;
    cudaPackages = let c = drv.passthru.cudaPackages or null; in if builtins.isAttrs c then maybeString (c.standInName or null) else null;
    cudaVersion = let c = drv.passthru.cudaPackages or null; in if builtins.isAttrs c then maybeString (c.cudaMajorMinorVersion or null) else null;
    gpuTargetsArgument = strings (drv.passthru.gpuTargets or [ ]);
    preConfigure = text (drv.preConfigure or "");
    preBuild = text (drv.preBuild or "");
    env = if builtins.isAttrs (drv.env or null) then envStrings drv.env else { };
    topLevel = envStrings (lib.filterAttrs (n: _: builtins.elem n [ "NIX_CFLAGS_COMPILE" "CXXFLAGS" "CFLAGS" "TORCH_CUDA_ARCH_LIST" ]) drv);
    cmakeFlags = strings (drv.cmakeFlags or [ ]);
    platforms = strings (drv.meta.platforms or [ ]);
    torch = let t = drv.passthru.torch or null; in if builtins.isAttrs t then maybeString (t.pname or null) else null;
  };

  torchFacts = import ./torch-facts.nix { inherit lib; };

  evalOne = file:
    let
      value = scope.import (/. + file);
      drv = if builtins.isFunction value then pkgs.callPackage value { } else value;
    in
    if !(builtins.isAttrs drv) then throw "the recipe evaluates to a ${builtins.typeOf drv}, not a package"
    else if mode == "torch" then torchFacts drv // { ok = true; }
    else describe drv // { ok = true; };

  guarded = file:
    let d = evalOne file; r = builtins.tryEval (builtins.deepSeq d d); in
    if r.success then r.value else { ok = false; };
in
map (if catch == "true" then guarded else evalOne) (builtins.fromJSON files)
