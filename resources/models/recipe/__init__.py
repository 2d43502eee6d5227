"""Training recipe for MoEScope's bundled sample model (moe-vit-shapes-tiny)."""
