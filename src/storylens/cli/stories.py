"""`storylens stories` (interim: not yet implemented by its owner)."""
