package main

import "flag"

// update rewrites golden files and the README's generated blocks.
var update = flag.Bool("update", false, "rewrite golden files and the README's generated blocks")
