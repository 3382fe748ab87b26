"""`storylens extract` (interim: not yet implemented by its owner)."""
