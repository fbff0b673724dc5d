# What decides whether two recipes make the same PyTorch derivation (one build)
# or two: the torch a recipe builds (a PyTorch recipe's own result, or the torch
# a TorchVision/TorchAudio recipe was given), described as plain strings so the
# caller can compare two of them attribute by attribute. deep-check.nix calls it
# in mode "torch".
{ lib }:
let
  # A value as text: a derivation by its name (and what a fetcher was asked
  # for), everything else spelled out. Functions cannot reach a derivation's
  # inputs, so they are not compared.
  shown = v:
    if builtins.isString v || builtins.isPath v then toString v
    else if builtins.isBool v then lib.boolToString v
    else if builtins.isInt v || builtins.isFloat v then toString v
    else if builtins.isNull v then "null"
    else if lib.isDerivation v then
      "«${v.name or "derivation"}»" + lib.optionalString (v ? fetchArgs) " ${shown v.fetchArgs}"
    else if builtins.isList v then "[ ${lib.concatMapStringsSep " " shown v} ]"
    else if builtins.isAttrs v then "{ ${lib.concatStringsSep " " (lib.mapAttrsToList (n: x: "${n} = ${shown x};") v)} }"
    else "«${builtins.typeOf v}»";

  # Attributes that never reach the derivation (passthru, meta) or are made of others (name).
  notBuilt = [ "passthru" "meta" "name" "env" "overrideAttrs" "overridePythonAttrs" ];
  configNotBuilt = [ "standInPin" "allowUnfree" "allowBroken" "allowUnfreePredicate" ];

  facts = t:
    let
      attrs = t.drvAttrs or { };
      standIn = t.passthru.standIn or { };
      config = builtins.removeAttrs (standIn.config or { }) configNotBuilt;
      env = if builtins.isAttrs (attrs.env or null) then attrs.env else { };
    in
    {
      pname = if builtins.isString (t.pname or null) then t.pname else null;
      pin = standIn.pin or null;
      python = standIn.pythonVersion or null;
      cudaSupport = let v = t.passthru.cudaSupport or null; in if builtins.isBool v then v else null;
      gpuTargets = map toString (t.passthru.gpuTargets or [ ]);
      cudaPackages = let c = t.passthru.cudaPackages or null; in if builtins.isAttrs c then c.standInName or null else null;
      config = lib.mapAttrs (_: shown) config;
      attrs = lib.mapAttrs (_: shown) (builtins.removeAttrs attrs notBuilt)
        // lib.mapAttrs' (n: v: lib.nameValuePair "env.${n}" (shown v)) env;
    };

  torchOf = drv: let t = drv.passthru.torch or null; in if builtins.isAttrs t then t else null;
in
drv:
let
  given = torchOf drv;
  torch = if given != null then given else drv;
in
{
  companion = given != null; # a TorchVision/TorchAudio recipe: torch is what it was given
  known = (torch.passthru or { }) ? standIn; # made by the stand-in's torch (pin and Python known)
  torch = facts torch;
}
