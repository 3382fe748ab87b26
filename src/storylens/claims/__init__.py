"""Claims stage: sentences aligned across sources into claims. (interim)"""

from storylens.models import Claim, Story


def align_claims(story: Story) -> list[Claim]:
    return []


__all__ = ["align_claims"]
