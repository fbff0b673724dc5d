{ lib }: { flags = [ ]; }
