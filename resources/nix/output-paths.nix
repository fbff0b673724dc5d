# Where many recipes' builds would land, in one nix-instantiate run:
#   nix-instantiate --eval --strict --json -E "$(cat output-paths.nix)" \
#     --argstr root DIR --argstr files '[".flox/pkgs/a.nix", …]' [--argstr catch false]
# Each recipe is taken the way `nix-build RECIPE` takes it: imported, and a
# function called with its defaults. Read-only evaluation: derivations are
# computed, not written to the store. With catch (the default) a recipe that
# throws gives { ok = false; }; what tryEval cannot catch fails the whole run
# and the caller splits the batch. Keys are not drvPath/outPath: a set with an
# outPath would print as that string.
{ root, files, catch ? "true" }:
let
  one = file:
    let
      value = import (/. + (root + "/" + file)); # a path plus "/" would lose the slash
      drv = if builtins.isFunction value then value { } else value;
    in
    if builtins.isAttrs drv && drv ? drvPath && drv ? outPath then { ok = true; drv = drv.drvPath; out = drv.outPath; }
    else throw "the recipe is no package: it evaluates to ${if builtins.isAttrs drv then "a set that is no derivation" else "a value of type " + builtins.typeOf drv}";
  guarded = file:
    let o = one file; r = builtins.tryEval (builtins.deepSeq o o); in
    if r.success then r.value else { ok = false; };
in
map (if catch == "true" then guarded else one) (builtins.fromJSON files)
