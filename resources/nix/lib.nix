# Stand-in for nixpkgs' lib: the helpers recipes and the stand-in packages use.
# Semantics follow nixpkgs (makeOverridable, extends, callPackageWith); anything
# missing makes the deep check report "could not evaluate", never a recipe fault.
let
  inherit (builtins)
    attrNames concatMap concatStringsSep elem elemAt filter foldl' functionArgs genList hasAttr head intersectAttrs
    isAttrs isFunction isList isString length listToAttrs replaceStrings split stringLength substring tail
    ;
  lib = rec {
    inherit (builtins)
      attrNames attrValues concatMap concatStringsSep elem elemAt filter foldl' functionArgs genList hasAttr head
      intersectAttrs isAttrs isBool isFunction isInt isList isString length listToAttrs mapAttrs removeAttrs
      replaceStrings split splitVersion stringLength substring tail toString typeOf any all match
      ;
    id = x: x;
    const = x: _: x;
    flip = f: a: b: f b a;
    fix = f: let x = f x; in x;
    extends = overlay: f: final: let prev = f final; in prev // overlay final prev;
    composeExtensions = f: g: final: prev:
      let fApplied = f final prev; prev' = prev // fApplied; in fApplied // g final prev';
    composeManyExtensions = foldr composeExtensions (final: prev: { });
    toExtension = f: if isFunction f then (final: prev: let x = f prev; in if isFunction x then f final prev else x) else (final: prev: f);

    foldr = op: nul: list:
      let len = length list; go = n: if n == len then nul else op (elemAt list n) (go (n + 1)); in go 0;
    foldl = foldl';
    optional = c: x: if c then [ x ] else [ ];
    optionals = c: xs: if c then xs else [ ];
    optionalString = c: s: if c then s else "";
    optionalAttrs = c: a: if c then a else { };
    concatStrings = concatStringsSep "";
    concatMapStrings = f: xs: concatStringsSep "" (map f xs);
    concatMapStringsSep = sep: f: xs: concatStringsSep sep (map f xs);
    concatLists = builtins.concatLists;
    flatten = x: if isList x then concatMap flatten x else [ x ];
    unique = foldl' (acc: e: if elem e acc then acc else acc ++ [ e ]) [ ];
    intersectLists = e: filter (x: elem x e);
    subtractLists = e: filter (x: !(elem x e));
    remove = e: filter (x: x != e);
    last = xs: elemAt xs (length xs - 1);
    init = xs: genList (elemAt xs) (length xs - 1);
    take = n: xs: genList (elemAt xs) (if n < length xs then n else length xs);
    drop = n: xs: genList (i: elemAt xs (i + n)) (if n < length xs then length xs - n else 0);
    range = first: last: if first > last then [ ] else genList (n: first + n) (last - first + 1);
    intersperse = sep: xs: if xs == [ ] then [ ] else tail (concatMap (x: [ sep x ]) xs);
    hasPrefix = p: s: substring 0 (stringLength p) s == p;
    hasSuffix = suf: s:
      let ls = stringLength s; lf = stringLength suf; in lf <= ls && substring (ls - lf) lf s == suf;
    hasInfix = infix: s: builtins.match ".*${escapeRegex infix}.*" s != null;
    removePrefix = p: s: if hasPrefix p s then substring (stringLength p) (stringLength s) s else s;
    removeSuffix = suf: s: if hasSuffix suf s then substring 0 (stringLength s - stringLength suf) s else s;
    escapeRegex = replaceStrings
      [ "\\" "[" "]" "{" "}" "(" ")" "." "*" "+" "?" "^" "$" "|" ]
      [ "\\\\" "\\[" "\\]" "\\{" "\\}" "\\(" "\\)" "\\." "\\*" "\\+" "\\?" "\\^" "\\$" "\\|" ];
    splitString = sep: s: filter isString (split (escapeRegex sep) s);
    toLower = replaceStrings upperChars lowerChars;
    toUpper = replaceStrings lowerChars upperChars;
    lowerChars = [ "a" "b" "c" "d" "e" "f" "g" "h" "i" "j" "k" "l" "m" "n" "o" "p" "q" "r" "s" "t" "u" "v" "w" "x" "y" "z" ];
    upperChars = [ "A" "B" "C" "D" "E" "F" "G" "H" "I" "J" "K" "L" "M" "N" "O" "P" "Q" "R" "S" "T" "U" "V" "W" "X" "Y" "Z" ];
    escapeShellArg = s: "'" + replaceStrings [ "'" ] [ "'\\''" ] (toString s) + "'";
    escapeShellArgs = concatMapStringsSep " " escapeShellArg;
    versionOlder = a: b: builtins.compareVersions a b < 0;
    versionAtLeast = a: b: !(versionOlder a b);
    versions = {
      major = v: elemAt (builtins.splitVersion v) 0;
      minor = v: elemAt (builtins.splitVersion v) 1;
      majorMinor = v: concatStringsSep "." (take 2 (builtins.splitVersion v));
      splitVersion = builtins.splitVersion;
    };
    getName = x: if isAttrs x then x.pname or (builtins.parseDrvName x.name).name else (builtins.parseDrvName x).name;
    getVersion = x: if isAttrs x then x.version or "" else (builtins.parseDrvName x).version;
    getDev = x: x;
    getLib = x: x;
    getBin = x: x;
    getOutput = _: x: x;
    getExe = x: "${x}/bin/${x.meta.mainProgram or (getName x)}";
    getExe' = x: bin: "${x}/bin/${bin}";
    makeLibraryPath = concatMapStringsSep ":" (p: "${p}/lib");
    makeBinPath = concatMapStringsSep ":" (p: "${p}/bin");
    cmakeFeature = name: value: "-D${name}=${toString value}";
    cmakeBool = name: value: "-D${name}=${if value then "ON" else "OFF"}";
    cmakeOptionType = type: name: value: "-D${name}:${toUpper type}=${toString value}";
    mesonBool = name: value: "-D${name}=${if value then "true" else "false"}";
    mesonOption = name: value: "-D${name}=${value}";
    enableFeature = c: name: "--${if c then "enable" else "disable"}-${name}";
    withFeature = c: name: "--${if c then "with" else "without"}-${name}";
    boolToString = b: if b then "true" else "false";
    warn = _: v: v;
    warnIf = _: _: v: v;
    throwIf = c: msg: v: if c then throw msg else v;
    throwIfNot = c: msg: v: if c then v else throw msg;
    assertMsg = c: msg: c || throw msg;
    trace = builtins.trace;
    isDerivation = x: isAttrs x && (x.type or null) == "derivation";
    nameValuePair = name: value: { inherit name value; };
    genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);
    filterAttrs = pred: set: listToAttrs (concatMap (n: let v = set.${n}; in if pred n v then [ (nameValuePair n v) ] else [ ]) (attrNames set));
    mapAttrs' = f: set: listToAttrs (map (n: f n set.${n}) (attrNames set));
    mapAttrsToList = f: set: map (n: f n set.${n}) (attrNames set);
    attrByPath = path: default: set:
      if path == [ ] then set else if isAttrs set && set ? ${head path} then attrByPath (tail path) default set.${head path} else default;
    getAttrFromPath = path: set: attrByPath path (throw "cannot find attribute '${concatStringsSep "." path}'") set;
    recursiveUpdate = lhs: rhs:
      lhs // mapAttrs (n: v: if isAttrs v && isAttrs (lhs.${n} or null) && !(isDerivation v) then recursiveUpdate lhs.${n} v else v) rhs;
    zipAttrsWith = f: sets:
      let names = unique (concatMap attrNames sets); in
      genAttrs names (n: f n (concatMap (s: if s ? ${n} then [ s.${n} ] else [ ]) sets));

    # nixpkgs' makeOverridable: .override re-calls with merged arguments; an
    # overrideAttrs on the result keeps .override working afterwards.
    makeOverridable = f: origArgs:
      let
        result = f origArgs;
        overrideWith = newArgs: origArgs // (if isFunction newArgs then newArgs origArgs else newArgs);
        overrideResult = g: makeOverridable (args: g (f args)) origArgs;
      in
      if isAttrs result then
        result // {
          override = newArgs: makeOverridable f (overrideWith newArgs);
        } // optionalAttrs (result ? overrideAttrs) {
          overrideAttrs = fdrv: overrideResult (x: x.overrideAttrs fdrv);
        } // optionalAttrs (result ? overridePythonAttrs) {
          overridePythonAttrs = fdrv: overrideResult (x: x.overridePythonAttrs fdrv);
        }
      else result;

    callPackageWith = autoArgs: fn: args:
      let
        f = if isFunction fn then fn else import fn;
        fargs = functionArgs f;
        allArgs = intersectAttrs fargs autoArgs // args;
        missing = filter (n: !fargs.${n} && !(allArgs ? ${n})) (attrNames fargs);
      in
      if missing != [ ] then
        throw "function called without required argument '${head missing}' (the stand-in nixpkgs has no such package)"
      else makeOverridable f allArgs;

    platforms = rec {
      linux = [ "aarch64-linux" "x86_64-linux" ];
      darwin = [ "aarch64-darwin" "x86_64-darwin" ];
      unix = linux ++ darwin;
      all = unix;
      x86_64 = [ "x86_64-linux" "x86_64-darwin" ];
      aarch64 = [ "aarch64-linux" "aarch64-darwin" ];
      x86 = x86_64;
    };
    licenses = genAttrs [ "bsd3" "bsd2" "mit" "asl20" "unfree" "unfreeRedistributable" "gpl2Plus" "gpl3Plus" "lgpl21Plus" "free" ]
      (n: { shortName = n; free = n != "unfree" && n != "unfreeRedistributable"; });
    maintainers = { };
    teams = { };
    sources = { cleanSource = x: x; sourceByRegex = x: _: x; };
    inherit (sources) cleanSource sourceByRegex;
    fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    fakeSha256 = "0000000000000000000000000000000000000000000000000000";
    strings = lib;
    lists = lib;
    attrsets = lib;
    trivial = lib;
    customisation = lib;
    fixedPoints = lib;
    meta = lib;
  };
in
lib
