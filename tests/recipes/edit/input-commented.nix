{ pkgs }:
pkgs.python3Packages.torch.overrideAttrs (old: {
  # ninjaFlags = [ "-j2" ];   (a comment: not a binding)
  pname = "pytorch-python313-cpu-avx2";
  text = "ninjaFlags = [ ];"; # inside a string: not a binding either
  ninjaFlags = [ "-j32" ] ++ (if true then [ "-v" ] else [ ]); # a longer value with ; inside "a;b"
  env.X = "ninjaFlags = 1;";
})
