"""Test helper: the admin confirms open-pool entries (through the store's API), as a test's setup does when
what it checks is the figures of entries that count (an entry from the open pool waits for the admin)."""

from __future__ import annotations

from typing import Any


def confirm_pending(store: Any) -> int:
    """Confirm every entry that waits for the admin; how many were confirmed."""
    return store.confirm_pool_entries([e["id"] for e in store.pool_entries() if e["status"] == "pending"])
