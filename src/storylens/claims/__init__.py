"""Claims stage: sentences aligned across sources by meaning into claims (corroborated or single-source)."""

from storylens.claims.align import ALIGN_THRESHOLD, align_claims
from storylens.claims.filters import is_claim, is_hedged

__all__ = ["ALIGN_THRESHOLD", "align_claims", "is_claim", "is_hedged"]
