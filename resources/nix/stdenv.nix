# Stand-in stdenv: mkDerivation with nixpkgs' attribute merging for
# overrideAttrs (old: { … }) and (final: prev: { … }), passthru lifted onto the
# result, meta kept as given. No real derivation is ever instantiated: the
# result only looks like one (type, name, outPath) so recipes can use it in
# strings.
{ lib, system }:
let
  hostPlatform = {
    inherit system;
    isLinux = lib.hasSuffix "-linux" system;
    isDarwin = lib.hasSuffix "-darwin" system;
    isx86_64 = lib.hasPrefix "x86_64-" system;
    isAarch64 = lib.hasPrefix "aarch64-" system;
    isx86 = lib.hasPrefix "x86_64-" system;
    isAarch = lib.hasPrefix "aarch64-" system;
    isStatic = false;
    isMusl = false;
    parsed.cpu.name = builtins.head (lib.splitString "-" system);
    linux-kernel = { };
    gcc = { };
  };

  fakeOutPath = name: "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256" name)}-${name}";

  mkDerivationWith = namePrefix: fpargs:
    let
      make = rattrs:
        let
          attrs = lib.fix rattrs;
          pname = attrs.pname or null;
          name = attrs.name or "${namePrefix}${toString pname}-${toString (attrs.version or "0")}";
          passthru = attrs.passthru or { };
          meta = { platforms = lib.platforms.unix; } // (attrs.meta or { });
          outPath = fakeOutPath name;
          overrideAttrs = f0: make (lib.extends (lib.toExtension f0) rattrs);
        in
        attrs // passthru // {
          inherit name meta passthru outPath overrideAttrs;
          drvAttrs = attrs; # as nixpkgs: the attributes the derivation is made of
          type = "derivation";
          drvPath = fakeOutPath "${name}.drv";
          outputs = attrs.outputs or [ "out" ];
          out = outPath;
          dev = outPath;
          lib = outPath;
          bin = outPath;
          system = attrs.system or system;
          overridePythonAttrs = overrideAttrs;
          overrideDerivation = f: overrideAttrs f;
        };
    in
    make (if builtins.isFunction fpargs then fpargs else (_: fpargs));

  stdenv = {
    inherit hostPlatform system;
    buildPlatform = hostPlatform;
    targetPlatform = hostPlatform;
    isLinux = hostPlatform.isLinux;
    isDarwin = hostPlatform.isDarwin;
    cc = mkDerivationWith "" { pname = "gcc-wrapper"; version = "14.2.0"; };
    mkDerivation = mkDerivationWith "";
    shell = "/bin/sh";
    outPath = fakeOutPath "stdenv-linux";
  };
in
{
  inherit stdenv mkDerivationWith fakeOutPath;
}
