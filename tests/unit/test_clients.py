"""The client address: forwarded headers believed only from trusted proxies (issue 17)."""

from __future__ import annotations

from maturity.clients import client_address, parse_trusted

LOCAL = parse_trusted("127.0.0.1, ::1")


def test_without_trusted_proxies_a_forged_header_is_ignored() -> None:
    assert client_address("198.51.100.7", ["1.2.3.4"], []) == "198.51.100.7"
    assert client_address(None, ["1.2.3.4"], []) == "127.0.0.1"  # Streamlit reports loopback as None


def test_behind_a_trusted_proxy_the_forwarded_client_is_used() -> None:
    assert client_address(None, ["198.51.100.7"], LOCAL) == "198.51.100.7"
    assert client_address("127.0.0.1", ["198.51.100.7"], LOCAL) == "198.51.100.7"


def test_a_client_cannot_forge_its_way_to_a_fresh_address() -> None:
    """The client writes the left part of the chain; the proxy appends the real peer on the right."""
    forged = ["10.9.9.9, 203.0.113.5, 198.51.100.7"]  # "10.9.9.9, 203.0.113.5" were typed by the client
    assert client_address(None, forged, LOCAL) == "198.51.100.7"
    assert client_address(None, ["1.1.1.1, 198.51.100.7", "2.2.2.2"], LOCAL) == "2.2.2.2"


def test_an_untrusted_peer_is_the_client_whatever_it_forwards() -> None:
    assert client_address("203.0.113.5", ["198.51.100.7"], LOCAL) == "203.0.113.5"


def test_chains_of_trusted_proxies_and_garbage() -> None:
    trusted = parse_trusted("127.0.0.1, 10.0.0.0/8, nonsense")
    assert client_address(None, ["198.51.100.7, 10.0.0.2"], trusted) == "198.51.100.7"
    assert client_address(None, ["<script>, 10.0.0.2"], trusted) == "10.0.0.2"
    assert client_address(None, [], trusted) == "127.0.0.1"
    assert client_address(None, ["[2001:db8::1]:4711"], trusted) == "2001:db8::1"
    assert client_address("::ffff:127.0.0.1", ["198.51.100.7"], trusted) == "198.51.100.7"
