# Two different pins: changing one would be a guess.
let
  a = import (builtins.fetchTarball "https://github.com/NixOS/nixpkgs/archive/6a030d535719c5190187c4cec156f335e95e3211.tar.gz") { };
  b = import (builtins.fetchTarball { url = "https://github.com/NixOS/nixpkgs/archive/0182a361324364ae3f436a63005877674cf45efb.tar.gz"; }) { };
  gpuArchNum = "90";
  other = { gpuArchNum = "80"; };
in a.hello
