"""Admin password (scrypt, constant-time) and the login throttle (time injected)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from maturity.admin import (
    ENV_VAR,
    AdminConfigError,
    LoginThrottle,
    check_admin_login,
    configured_hash,
    hash_password,
    parse_hash,
    verify_password,
)
from tests.clocks import Clock

FAST = {"n": 2**10, "r": 8, "p": 1}  # small cost: these tests check logic, not strength


def test_hash_is_self_describing_salted_and_verifies() -> None:
    h1 = hash_password("correct horse battery", **FAST)
    h2 = hash_password("correct horse battery", **FAST)
    assert h1 != h2  # fresh salt
    assert h1.startswith("scrypt$1024$8$1$")
    n, r, p, salt, digest = parse_hash(h1)
    assert (n, r, p, len(salt), len(digest)) == (1024, 8, 1, 16, 32)
    assert verify_password("correct horse battery", h1)
    assert not verify_password("correct horse batterY", h1)
    assert not verify_password("", h1)
    assert "correct horse" not in h1


def test_default_cost_is_strong() -> None:
    n, r, _p, _salt, _digest = parse_hash(hash_password("x" * 12))
    assert n * r >= 2**17


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain-password",
        "scrypt$1024$8$1$!!$AAAA",
        "bcrypt$1$2$3$4$5",
        "scrypt$1000$8$1$AAAAAAAAAAA=$" + "A" * 44,
        "scrypt$" + str(2**30) + "$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 43 + "=",
    ],
)
def test_malformed_hash_is_a_configuration_error(stored: str) -> None:
    with pytest.raises(AdminConfigError):
        verify_password("x", stored)


def test_configured_hash_env_first_then_secret() -> None:
    assert configured_hash(None, {}) is None
    assert configured_hash("from-secrets", {}) == "from-secrets"
    assert configured_hash("from-secrets", {ENV_VAR: "from-env"}) == "from-env"
    assert configured_hash("  ", {ENV_VAR: ""}) is None


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2025, 3, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def throttle(make_store, clock) -> LoginThrottle:
    return LoginThrottle(make_store(clock=clock))


def test_throttle_after_five_failures_with_growing_delay(throttle, clock) -> None:
    for _ in range(4):
        assert throttle.record_failure("198.51.100.7") == 0
        assert throttle.allowed("198.51.100.7")
    assert throttle.record_failure("198.51.100.7") == 60
    assert not throttle.allowed("198.51.100.7")
    assert throttle.allowed("192.0.2.1")  # per client
    clock.advance(59)
    assert throttle.retry_after("198.51.100.7") == pytest.approx(1)
    clock.advance(1)
    assert throttle.allowed("198.51.100.7")
    assert throttle.record_failure("198.51.100.7") == 120  # doubled
    clock.advance(120)
    assert throttle.record_failure("198.51.100.7") == 240
    for _ in range(10):
        clock.advance(3600)
        delay = throttle.record_failure("198.51.100.7")
    assert delay == 3600  # capped
    clock.advance(24 * 3600 + 1)  # quiet for a day: forgiven
    assert throttle.record_failure("198.51.100.7") == 0


def test_success_resets(throttle) -> None:
    for _ in range(4):
        throttle.record_failure("k")
    throttle.record_success("k")
    assert throttle.record_failure("k") == 0


def test_failures_are_shared_by_replicas_and_survive_a_restart(make_store, clock) -> None:
    """The throttle forgot everything on restart, and each replica kept its own count."""
    one, two = LoginThrottle(make_store(clock=clock)), LoginThrottle(make_store(clock=clock))
    for i in range(5):
        (one if i % 2 else two).record_failure("198.51.100.7")
    assert one.retry_after("198.51.100.7") == 60 and two.retry_after("198.51.100.7") == 60
    restarted = LoginThrottle(make_store(clock=clock))
    assert restarted.retry_after("198.51.100.7") == 60


def test_an_attack_from_many_addresses_never_locks_out_the_real_admin(throttle, clock) -> None:
    """Five wrong tries behind one proxy locked the real admin out; forged addresses each got a
    fresh budget. Now: the attacker's addresses slow down, the real admin's clean address does not."""
    for i in range(200):
        throttle.record_failure(f"203.0.113.{i % 50}")
        clock.advance(0.5)
    assert throttle.retry_after("192.0.2.10") == 0  # the real admin, who did not fail
    assert 0 < throttle.retry_after("203.0.113.7") <= 3600
    # An address that failed once more waits at least the account's delay (at most 30 s).
    throttle.record_failure("203.0.113.250")
    assert 0 < throttle.retry_after("203.0.113.250") <= 30
    # The admin mistypes once: a short wait at worst, never a lock.
    throttle.record_failure("192.0.2.10")
    assert throttle.retry_after("192.0.2.10") <= 30
    clock.advance(30)
    assert throttle.retry_after("192.0.2.10") == 0


def test_no_address_is_stored(make_store, clock) -> None:
    store = make_store(clock=clock)
    LoginThrottle(store).record_failure("198.51.100.77")
    with store.engine.connect() as conn:
        dump = " ".join(str(r) for r in conn.exec_driver_sql("SELECT * FROM rate_events").all())
    assert "198.51.100.77" not in dump and "login_client" in dump


def test_check_admin_login_goes_through_throttle(throttle, clock) -> None:
    stored = hash_password("the admin password", **FAST)
    assert not check_admin_login("x", throttle, stored="").configured
    for _ in range(5):
        assert not check_admin_login("wrong", throttle, "198.51.100.7", stored).ok
    refused = check_admin_login("the admin password", throttle, "198.51.100.7", stored)
    assert not refused.ok and refused.retry_after > 0  # refused even with the right password
    clock.advance(refused.retry_after)
    assert check_admin_login("the admin password", throttle, "198.51.100.7", stored).ok
    assert throttle.allowed("198.51.100.7")


def test_scrypt_parameters_are_bounded_on_read() -> None:
    """A hash asking for 4 GiB per check (n = 2^20, r = 32) is a configuration fault, not a login."""
    salt, digest = "A" * 22 + "==", "A" * 43 + "="
    for n, r, p in ((2**20, 32, 1), (2**18, 8, 16)):
        with pytest.raises(AdminConfigError):
            parse_hash(f"scrypt${n}${r}${p}${salt}${digest}")
    assert parse_hash(f"scrypt${2**15}$8$1${salt}${digest}")[0] == 2**15
