"""Admin password (scrypt, constant-time) and the login throttle (time injected)."""

from __future__ import annotations

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


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_throttle_after_five_failures_with_growing_delay() -> None:
    clock = Clock()
    th = LoginThrottle(clock=clock, base_delay=60, max_delay=600)
    for _ in range(4):
        assert th.record_failure("1.2.3.4") == 0
        assert th.allowed("1.2.3.4")
    assert th.record_failure("1.2.3.4") == 60
    assert not th.allowed("1.2.3.4")
    assert th.allowed("5.6.7.8")  # per key
    clock.t += 59
    assert th.retry_after("1.2.3.4") == pytest.approx(1)
    clock.t += 1
    assert th.allowed("1.2.3.4")
    assert th.record_failure("1.2.3.4") == 120  # still 5+ failures in the window: doubled
    clock.t += 120
    assert th.record_failure("1.2.3.4") == 240
    clock.t += 240
    assert th.record_failure("1.2.3.4") == 480
    clock.t += 480
    assert th.record_failure("1.2.3.4") == 600  # capped
    clock.t += 600 + 15 * 60  # quiet for a whole window after the lockout: forgiven
    assert th.record_failure("1.2.3.4") == 0
    assert th.allowed("1.2.3.4")


def test_failures_outside_window_do_not_count() -> None:
    clock = Clock()
    th = LoginThrottle(clock=clock)
    for _ in range(4):
        th.record_failure("k")
    clock.t += 15 * 60 + 1
    assert th.record_failure("k") == 0
    assert th.allowed("k")


def test_success_resets() -> None:
    clock = Clock()
    th = LoginThrottle(clock=clock)
    for _ in range(4):
        th.record_failure("k")
    th.record_success("k")
    assert th.record_failure("k") == 0


def test_check_admin_login_goes_through_throttle() -> None:
    clock = Clock()
    th = LoginThrottle(clock=clock)
    stored = hash_password("the admin password", **FAST)
    assert not check_admin_login("x", th, stored="").configured
    for _ in range(5):
        assert not check_admin_login("wrong", th, "ip", stored).ok
    refused = check_admin_login("the admin password", th, "ip", stored)
    assert not refused.ok and refused.retry_after > 0  # refused even with the right password
    clock.t += refused.retry_after
    assert check_admin_login("the admin password", th, "ip", stored).ok
    assert th.allowed("ip")
