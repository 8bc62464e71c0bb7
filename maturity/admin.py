"""Admin password check and login throttle (no streamlit import here).

The admin password is never stored in clear: ``MATURITY_ADMIN_PASSWORD_HASH`` (or the same value
passed in by the caller, e.g. read from Streamlit secrets) holds a self-describing scrypt hash::

    scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>

Make one with ``python -m maturity.admin hash`` (asks for the password twice).

Failed logins are counted in the database (shared by replicas, kept across restarts), per client and
per account, with growing delays (:class:`ThrottlePolicy`) rather than a lock the real admin cannot
pass; scrypt's cost (about 0.1 s per try) bounds guessing in any case. The client address comes from
:mod:`maturity.clients` (forwarded headers only behind trusted proxies).
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
from dataclasses import dataclass
from typing import Any

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
_MAX_MEMORY = 256 * 2**20  # bytes of scrypt memory per check (128 * n * r)
_MAX_WORK = 2**22  # n * r * p: about 1 s of scrypt on a small server


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
    if 128 * n * r > _MAX_MEMORY or n * r * p > _MAX_WORK:
        raise AdminConfigError("admin password hash asks for too much memory or time per login")
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


@dataclass(frozen=True)
class ThrottlePolicy:
    """Growing delays, never a lock the real admin cannot pass.

    - Per client: after ``client_free`` failures (remembered ``client_memory`` seconds), each further
      try waits ``client_base`` seconds, doubled at every failure, up to ``client_max``.
    - Per account: when the account had ``account_free`` failures within ``account_window`` seconds (an
      attack spread over many addresses), a client that failed itself recently waits up to
      ``account_max`` seconds between tries. A client with no recent failure (the real admin at their
      desk) is never held back by other clients' failures.
    """

    client_free: int = 5
    client_base: float = 60
    client_max: float = 60 * 60
    client_memory: float = 24 * 60 * 60
    account_free: int = 10
    account_base: float = 1
    account_max: float = 30
    account_window: float = 15 * 60

    def wait(self, now: float, client_failures: list[float], account_failures: list[float]) -> float:
        """Seconds the client must still wait before its password is checked (0: check it now)."""
        mine = [t for t in client_failures if now - t < self.client_memory]
        wait = 0.0
        if len(mine) >= self.client_free:
            delay = min(self.client_max, self.client_base * 2 ** (len(mine) - self.client_free))
            wait = max(wait, mine[-1] + delay - now)
        if mine and now - mine[-1] < self.account_window:
            recent = [t for t in account_failures if now - t < self.account_window]
            if len(recent) >= self.account_free:
                delay = min(self.account_max, self.account_base * 2 ** (len(recent) - self.account_free))
                wait = max(wait, recent[-1] + delay - now)
        return max(0.0, wait)


class LoginThrottle:
    """Failed admin logins counted in the database (``store``: shared by every replica, kept across
    restarts), per account and per client, judged by a :class:`ThrottlePolicy`."""

    def __init__(self, store: Any, policy: ThrottlePolicy | None = None, account: str = "admin") -> None:
        self.store = store
        self.policy = policy or ThrottlePolicy()
        self.account = account

    def _now(self) -> float:
        return self.store._now().timestamp()

    def retry_after(self, client: str) -> float:
        mine, account = self.store.login_failures(client, self.account)
        return self.policy.wait(self._now(), [t.timestamp() for t in mine], [t.timestamp() for t in account])

    def allowed(self, client: str) -> bool:
        return self.retry_after(client) == 0.0

    def record_failure(self, client: str) -> float:
        """Count a failure; returns the wait now imposed on ``client``."""
        self.store.record_login_failure(client, self.account)
        return self.retry_after(client)

    def record_success(self, client: str) -> None:
        self.store.clear_login_failures(client, self.account)


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    retry_after: float = 0.0  # > 0: refused without checking the password
    configured: bool = True


def check_admin_login(
    password: str, throttle: LoginThrottle, key: str = "127.0.0.1", stored: str | None = None
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
