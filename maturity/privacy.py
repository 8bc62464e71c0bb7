"""Privacy settings of an install (GDPR): who is responsible, whom to contact, how long data is kept.

Read from the environment so that each operator (a Walloon public body, a commune) states its own:

- ``MATURITY_PRIVACY_CONTROLLER``: the controller (e.g. "Commune de Namur, Hôtel de Ville, 5000 Namur");
- ``MATURITY_PRIVACY_CONTACT``: how to reach it or its data protection officer (an e-mail address);
- ``MATURITY_RETENTION_DAYS``: a space nobody changed or submitted for this many days is erased with
  everything it holds (default 1,095, three years: a commune compares one assessment with the next;
  0 keeps spaces until their holder deletes them).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_RETENTION_DAYS = 1095

log = logging.getLogger("maturity.privacy")
_told = threading.Event()  # the operator told once per process what is missing


@dataclass(frozen=True)
class PrivacySettings:
    controller: str | None
    contact: str | None
    retention_days: int

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> PrivacySettings:
        env = os.environ if environ is None else environ
        raw = (env.get("MATURITY_RETENTION_DAYS") or "").strip()
        try:
            days = int(raw) if raw else DEFAULT_RETENTION_DAYS
        except ValueError:
            days = DEFAULT_RETENTION_DAYS
        return cls(
            controller=(env.get("MATURITY_PRIVACY_CONTROLLER") or "").strip()[:300] or None,
            contact=(env.get("MATURITY_PRIVACY_CONTACT") or "").strip()[:200] or None,
            retention_days=max(0, min(days, 36500)),
        )

    def missing(self) -> tuple[str, ...]:
        """The settings the operator has not given (the notice cannot name the controller or its contact)."""
        return tuple(name for name, value in (("MATURITY_PRIVACY_CONTROLLER", self.controller),
                                              ("MATURITY_PRIVACY_CONTACT", self.contact)) if not value)

    def tell_operator(self) -> None:
        """Log, once per process, which settings are missing: the visitor's notice says it in plain words
        (a commune official has nothing to set), the server's log names them for whoever runs it."""
        missing = self.missing()
        if missing and not _told.is_set():
            _told.set()
            log.warning("the privacy notice names no controller or contact: set %s (README, Configuration)",
                        " and ".join(missing))
