"""Web addresses from imported files (maturity.weblinks): a link only to a plain http(s) address, and the form a
reader types from a printed sheet."""

from hypothesis import given
from hypothesis import strategies as st

from maturity.weblinks import shown_address, web_url


def test_plain_web_addresses_are_links():
    for url in ("https://example.org", "http://example.org/", "HTTPS://Example.org/a/b?x=1&y=2#z",
                "https://example.org:8443/campagne", "https://www.digitalwallonia.be/fr/publications/x/"):
        assert web_url(url) == url


def test_anything_else_is_no_link():
    for url in ("javascript:alert(1)", "data:text/html,<b>", "file:///etc/passwd", "ftp://example.org",
                "mailto:a@b.be", "//example.org", "https://", "https:///x", "https://a.org/x y", "https://a.org/\t",
                "https://a.org/<x>", 'https://a.org/"x', "https://a.org/'x", "https://a.org\\x", "https://a.org/`x`",
                "https://a.org/\x00", "https://a.org/\u202egpj.exe", "https://a.org/\u00a0", " https://a.org", "https://a.org/" + "x" * 500, None, 42, ["https://a.org"]):
        assert web_url(url) == "", url
        assert shown_address(url if isinstance(url, str) else "") == ""


def test_the_shown_address_is_what_a_reader_types():
    assert shown_address("https://www.digitalwallonia.be/fr/publications/campagne-2026/") == \
        "www.digitalwallonia.be/fr/publications/campagne-2026"
    assert shown_address("http://example.org") == "example.org"
    long = "https://example.org/" + "a" * 200
    assert shown_address(long, 40) == ("example.org/" + "a" * 200)[:39] + "…" and len(shown_address(long, 40)) == 40


@given(st.text(max_size=80))
def test_a_link_is_always_an_http_address_without_space_quote_or_bracket(text):
    for url in (text, "https://" + text, "http://example.org/" + text):
        found = web_url(url)
        assert found in ("", url)
        if found:
            assert found.lower().startswith(("http://", "https://"))
            assert not any(c.isspace() or c in "<>\"'`\\" or ord(c) < 32 or c in "\u202e\u200b" for c in found)
