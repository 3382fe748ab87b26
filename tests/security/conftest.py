"""Fixtures for the security tests: a loopback trap server and a fake network around it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from seclab_net import ATTACK_DNS, FakeNet, TrapServer


@pytest.fixture(scope="module")
def trap() -> Iterator[TrapServer]:
    with TrapServer() as server:
        yield server


@pytest.fixture()
def net(trap: TrapServer) -> Iterator[FakeNet]:
    """Fake DNS (the attack names plus public.test) and the connection router; the trap's log is reset."""
    trap.hits.clear()
    trap.robots, trap.robots_redirect, trap.feed_items = None, None, []
    with FakeNet(trap.port, dict(ATTACK_DNS)) as fake:
        yield fake
