"""`storylens serve` (interim: not yet implemented by its owner)."""
