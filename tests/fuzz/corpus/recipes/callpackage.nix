{ python3Packages, lib, config, cudaPackages, addDriverRunpath, fetchPypi }:
let gpuArchSM = "sm_90"; in python3Packages.torchaudio.overrideAttrs (o: { pname = "torchaudio-python313-cuda12_8-sm90-avx2"; preConfigure = (o.preConfigure or "") + "export CXXFLAGS=\"$CXXFLAGS -mavx2 -mfma\""; })
