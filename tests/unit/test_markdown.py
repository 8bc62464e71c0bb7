"""The one Markdown escaper (maturity.markdown): what Streamlit and the sheet's .md would read as markup
comes out as text; ordinary French stays as typed, so the .md file is still pleasant to edit."""

import re

from hypothesis import given
from hypothesis import strategies as st

from maturity.markdown import escape, escape_block, link


def test_ordinary_text_is_left_as_typed():
    for text in ("Objectif : 10:30, fiche 12 du PST (2025-2030). Voir le plan !", "Büllingen – Eupen", "50 % (n = 113)"):
        assert escape(text) == text


def test_french_guillemets_keep_their_words_and_german_ones_are_left_alone():
    assert escape("Objectif « zéro papier » en 2028") == "Objectif «\u00a0zéro papier\u00a0» en 2028"
    assert escape("Ziel „Planung“ und »Planung« oder") == "Ziel „Planung“ und »Planung« oder"


def test_markup_is_neutralised_for_commonmark():
    assert escape("**gras** _x_ `code` ~~barré~~ a|b") == "\\*\\*gras\\*\\* \\_x\\_ \\`code\\` \\~\\~barré\\~\\~ a\\|b"
    assert escape("[x](javascript:alert(1))") == "\\[x\\]\\(javascript&#58;alert(1))"
    assert escape("<script>alert(1)</script> & co") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"


def test_a_typed_address_is_no_link():
    """Streamlit (remark-gfm) and GitHub link "https://…", "www.…" and "name@host" found in the text once its
    escapes are read: a word joiner (no width) before "://" and "@", after "www", breaks what they look for."""
    assert escape("voir https://x.be et WWW.y.be") == "voir https&NoBreak;://x.be et WWW&NoBreak;.y.be"
    assert escape("http://www.x.be") == "http&NoBreak;://www&NoBreak;.x.be"
    assert escape("écrire à a.b@x.be") == "écrire à a.b&NoBreak;\\@x.be"
    assert escape("_www.x.be") == "\\_www&NoBreak;.x.be"  # an underscore before it did not stop Streamlit
    assert escape("a@b_c.x-y.be") == "a&NoBreak;\\@b\\_c.x-y.be"
    # the app's own link shows its address as it is (no autolink is made inside a link)
    assert link("www.x.be/a@b", "https://www.x.be/") == "[www.x.be/a\\@b](<https://www.x.be/>)"


def test_an_at_sign_without_a_domain_gets_no_joiner():
    """GFM's e-mail autolinks need a dot in the domain: « Safeonweb@Work » (a service's name in a recommendation)
    is no link, and the Collège's .md file showed it as « Safeonweb&NoBreak;\\@Work » (team trial, Ciney)."""
    assert escape("via Safeonweb@Work.") == "via Safeonweb\\@Work."
    assert escape("@Work, puis x.be") == "\\@Work, puis x.be"
    assert escape("écrire à info@x.be.") == "écrire à info&NoBreak;\\@x.be."


def test_streamlit_codes_directives_and_math_are_neutralised():
    # ":material/…:" icons, ":smile:" emoji and ":red[…]" colours are Streamlit's; "$…$" is math. Streamlit
    # finds the codes in the source before reading backslashes: the opening colon becomes an entity
    assert escape(":material/home: :smile:") == "&#58;material/home: &#58;smile:"
    assert escape(":red[rouge]") == "&#58;red\\[rouge\\]"
    assert escape("$x^2$") == "\\$x^2\\$"


def test_start_of_line_marks_on_every_line():
    assert escape("# titre\n- item\n12. point\n> cité") == "\\# titre\n\\- item\n12\\. point\n&gt; cité"
    assert escape("- 1. # titre") == "\\- 1. # titre"  # only the first mark starts a block
    assert escape_block("a\n# b") == "a  \n\\# b"


@given(st.text())
def test_no_markup_character_is_left_unescaped(text):
    out = escape(text)
    assert "<" not in out and ">" not in out  # entities only
    # every inline mark is preceded by an odd number of backslashes (escaped, not an escaped backslash)
    for m in re.finditer(r"[`*_\[\]|~@$]", out):
        run = len(out[: m.start()]) - len(out[: m.start()].rstrip("\\"))
        assert run % 2 == 1, (text, out)
    assert "](" not in out.replace("\\](", "")


def test_a_link_opens_the_address_given_and_shows_its_label_as_typed():
    from maturity.markdown import link

    assert link("example.org/baro", "https://example.org/baro") == "[example.org/baro](<https://example.org/baro>)"
    # the label is text; in the target, what CommonMark or Streamlit would still read is encoded: a bracket
    # (the old link's rule), an entity's ampersand, a colon after the host (a port's stays)
    assert link("**a** [b](c)", "http://example.org:8080/p(1):smile:?a=1&amp;b=2") == (
        "[\\*\\*a\\*\\* \\[b\\]\\(c)](<http://example.org:8080/p%281%29%3Asmile%3A?a=1&amp;amp;b=2>)")


def test_no_link_to_an_address_that_is_not_a_plain_web_one():
    from maturity.markdown import link

    for url in ("javascript:alert(1)", "JAVASCRIPT://x", "data:text/html,x", "file:///etc/passwd", "ftp://x.org",
                "https://x.org/a b", "https://x.org/<b>", 'https://x.org/"', "https://x.org\\@y", "https://", "",
                "https://x.org/\n", "https://x.org/" + "a" * 500, " https://x.org"):
        assert link("voir [ici]", url) == "voir \\[ici\\]", url


def test_an_imported_title_cannot_turn_the_page_around():
    """A right-to-left override in a campaign's title (imported from elsewhere) reversed the page's own words
    after it; a control character showed as a box."""
    assert escape("Campagne \u202e2026\x07") == "Campagne 2026"


def test_an_operators_contact_keeps_its_address_a_link_to_write_to():
    """The privacy notice's and the pool note's contact are the install's own (its operator's settings): their
    e-mail address stays a link (``mailto:``) without the word joiner a copied address would carry; the rest is
    escaped as typed text is."""
    from maturity.markdown import contact

    assert contact("DPO : dpo@namur.be, *081*") == "DPO : [dpo\\@namur.be](<mailto:dpo@namur.be>), \\*081\\*"
    assert contact("voir https://x.be") == "voir https&NoBreak;://x.be"
