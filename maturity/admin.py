"""Admin password check and login throttle (no streamlit import here).

The admin password is never stored in clear: ``MATURITY_ADMIN_PASSWORD_HASH`` (or the same value
passed in by the caller, e.g. read from Streamlit secrets) holds a self-describing scrypt hash::

    scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>

Make one with ``python -m maturity.admin hash`` (asks for the password twice).

The throttle is in memory, per process: after ``max_failures`` failures within ``window`` seconds from
the same key (e.g. the client address or "global"), logins from that key are refused for a delay that
doubles with each further failure, up to ``max_delay``, until the key stays quiet for a whole window. With several app replicas each keeps its own
count; scrypt's cost (about 0.1 s per try) bounds guessing in any case.
"""

from __future__ import annotations

import base64
import binascii
import getpass
import hashlib
import hmac
import os
import secrets
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

ENV_VAR = "MATURITY_ADMIN_PASSWORD_HASH"
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
# Bounds on parameters read from a stored hash (it comes from configuration, but a typo must not
# make every login allocate gigabytes).
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16


class AdminConfigError(ValueError):
    """The configured admin password hash is malformed."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=2 * 128 * r * n + 2**20
    )


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """``scrypt$n$r$p$salt_b64$hash_b64`` for ``password`` (fresh random salt)."""
    if not password:
        raise ValueError("empty password")
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, n, r, p, HASH_BYTES)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.strip().split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise AdminConfigError("admin password hash must look like scrypt$n$r$p$salt$hash")
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error) as exc:
        raise AdminConfigError(f"admin password hash is malformed: {exc}") from exc
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
        raise AdminConfigError("admin password hash has out-of-range scrypt parameters")
    if len(salt) < 8 or not 16 <= len(digest) <= 64:
        raise AdminConfigError("admin password hash has a too short salt or hash")
    return n, r, p, salt, digest


def verify_password(password: str, stored: str) -> bool:
    """Constant-time comparison of ``password`` with a stored scrypt hash.
    Raises AdminConfigError when ``stored`` is malformed (a configuration fault, not a wrong password)."""
    n, r, p, salt, digest = parse_hash(stored)
    candidate = _scrypt(password or "", salt, n, r, p, len(digest))
    return hmac.compare_digest(candidate, digest)


def configured_hash(secret_value: str | None = None, environ: dict[str, str] | None = None) -> str | None:
    """The admin hash from the environment, else ``secret_value`` (e.g. Streamlit secrets); None when
    the admin area is not configured (then it must stay closed)."""
    env = os.environ if environ is None else environ
    value = (env.get(ENV_VAR) or secret_value or "").strip()
    return value or None


@dataclass
class _KeyState:
    failures: list[float] = field(default_factory=list)
    locked_until: float = 0.0
    lockouts: int = 0


@dataclass
class LoginThrottle:
    """In-memory throttle; ``clock`` is injectable (seconds, monotonic)."""

    max_failures: int = 5
    window: float = 15 * 60
    base_delay: float = 60
    max_delay: float = 60 * 60
    clock: Callable[[], float] = time.monotonic
    max_keys: int = 10_000
    _state: dict[str, _KeyState] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def retry_after(self, key: str) -> float:
        """Seconds before ``key`` may try again (0 when it may try now)."""
        with self._lock:
            state = self._state.get(key)
            if state is None:
                return 0.0
            return max(0.0, state.locked_until - self.clock())

    def allowed(self, key: str) -> bool:
        return self.retry_after(key) == 0.0

    def record_failure(self, key: str) -> float:
        """Count a failure; returns the delay now imposed on ``key`` (0 when none)."""
        with self._lock:
            now = self.clock()
            self._prune(now)
            state = self._state.setdefault(key, _KeyState())
            # After a lockout, the next failure locks again (doubled) unless the key stayed quiet for
            # a whole window after the lockout ended.
            escalating = state.lockouts > 0 and now - state.locked_until < self.window
            if not escalating:
                state.lockouts = 0
            state.failures = [t for t in state.failures if now - t < self.window]
            state.failures.append(now)
            if escalating or len(state.failures) >= self.max_failures:
                delay = min(self.max_delay, self.base_delay * 2**state.lockouts)
                state.lockouts += 1
                state.locked_until = now + delay
                return delay
            return 0.0

    def record_success(self, key: str) -> None:
        with self._lock:
            self._state.pop(key, None)

    def _prune(self, now: float) -> None:
        if len(self._state) < self.max_keys:
            return
        stale = [
            k
            for k, s in self._state.items()
            if s.locked_until <= now and all(now - t >= self.window for t in s.failures)
        ]
        for k in stale:
            del self._state[k]
        if len(self._state) >= self.max_keys:  # still full: drop the oldest entries
            for k in list(self._state)[: len(self._state) // 2]:
                del self._state[k]


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    retry_after: float = 0.0  # > 0: refused without checking the password
    configured: bool = True


def check_admin_login(
    password: str, throttle: LoginThrottle, key: str = "global", stored: str | None = None
) -> LoginResult:
    """Check an admin login through the throttle. ``stored`` defaults to :func:`configured_hash`."""
    stored = stored if stored is not None else configured_hash()
    if not stored:
        return LoginResult(ok=False, configured=False)
    wait = throttle.retry_after(key)
    if wait > 0:
        return LoginResult(ok=False, retry_after=wait)
    if verify_password(password, stored):
        throttle.record_success(key)
        return LoginResult(ok=True)
    return LoginResult(ok=False, retry_after=throttle.record_failure(key))


def main(argv: list[str] | None = None) -> int:
    """``python -m maturity.admin hash``: print the hash to put in MATURITY_ADMIN_PASSWORD_HASH."""
    args = sys.argv[1:] if argv is None else argv
    if args != ["hash"]:
        print("usage: python -m maturity.admin hash", file=sys.stderr)
        return 2
    first = getpass.getpass("Admin password: ")
    if len(first) < 12:
        print("Use at least 12 characters.", file=sys.stderr)
        return 1
    if getpass.getpass("Again: ") != first:
        print("The two passwords differ.", file=sys.stderr)
        return 1
    print(hash_password(first))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
