"""Who is the client: its address, taken from forwarded headers only behind trusted proxies.

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only when the
connection comes from a proxy named in ``MATURITY_TRUSTED_PROXIES`` (addresses or networks,
comma-separated, e.g. ``127.0.0.1, ::1, 10.0.0.0/8``). Then the client is the right-most address of
the chain that is not itself a trusted proxy: addresses further left were written by the client and
prove nothing. Without trusted proxies the connection's peer is the client.
"""

from __future__ import annotations

import ipaddress
import logging
import os
from collections.abc import Iterable, Mapping

ENV_VAR = "MATURITY_TRUSTED_PROXIES"
LOOPBACK = "127.0.0.1"

log = logging.getLogger("maturity.clients")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_trusted(text: str | None) -> list[Network]:
    """The networks of ``MATURITY_TRUSTED_PROXIES``; an entry that is not an address is ignored (logged)."""
    networks: list[Network] = []
    for item in (text or "").replace(";", ",").split(","):
        item = item.strip()
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            log.warning("%s: %r is not an address or network; ignored", ENV_VAR, item[:60])
    return networks


def trusted_from_env(environ: Mapping[str, str] | None = None) -> list[Network]:
    env = os.environ if environ is None else environ
    return parse_trusted(env.get(ENV_VAR))


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(addr: ipaddress.IPv4Address | ipaddress.IPv6Address, trusted: Iterable[Network]) -> bool:
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return any(addr.version == net.version and addr in net for net in trusted)


def client_address(peer: str | None, forwarded_for: Iterable[str], trusted: Iterable[Network]) -> str:
    """The client's address. ``peer``: the connection's address (None means loopback, as Streamlit
    reports a local connection); ``forwarded_for``: every ``X-Forwarded-For`` header value."""
    trusted = list(trusted)
    peer_ip = _ip(peer) if peer else _ip(LOOPBACK)
    if peer_ip is None:
        return str(peer)[:64]
    if not trusted or not _trusted(peer_ip, trusted):
        return str(peer_ip)
    chain = [part for value in forwarded_for for part in str(value).split(",") if part.strip()]
    last = peer_ip
    for part in reversed(chain[-20:]):
        addr = _ip(part)
        if addr is None:  # garbage: keep the last address a trusted proxy vouched for
            return str(last)
        if not _trusted(addr, trusted):
            return str(addr)
        last = addr
    return str(last)
