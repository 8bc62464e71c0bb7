"""Test helper: the store's clock in a test (``make_store(clock=...)``), a plain object whose time the test sets
or moves by hand, so that a row's time is known without waiting."""

from __future__ import annotations

from datetime import datetime, timedelta


class Clock:
    """The time a store reads: ``now``, which a test sets (``clock.now = …``) or moves (:meth:`advance`).
    ``step``: seconds each reading first moves it on, so that two rows written one after the other never share a
    time (a history's order, the latest entry per commune); 0, a clock that stands still between the test's moves."""

    def __init__(self, start: datetime, step: float = 0) -> None:
        self.now = start
        self.step = timedelta(seconds=step)

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
