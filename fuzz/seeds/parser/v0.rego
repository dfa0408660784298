package p

p[x] { x := [1, {"a": {1, 2}}][_] }
