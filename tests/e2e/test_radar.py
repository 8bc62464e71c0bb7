"""The radar in the app (issue 15, point 5): on a 390 px phone it fits the screen without horizontal
scrolling and its ring takes the width (the side labels in the corners); on a desktop it grows with its
column, its labels at a readable size beside the ring."""

from __future__ import annotations

import pytest
from conftest import answer_current_step, start_assessment, wait_idle

pytestmark = pytest.mark.e2e

CHART = "[data-testid='stVegaLiteChart']"


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_the_radar_fits_a_phone_and_reads_on_a_desktop(chromium, server, width, height):
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="fr-BE")
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        token = start_assessment(page, server, "Namur")
        answer_current_step(page)
        page.goto(f"{server.url}/resultats?t={token}")
        chart = page.locator(CHART).first
        chart.wait_for(state="visible")
        wait_idle(page)
        drawing = chart.locator("canvas, svg").first
        drawing.wait_for(state="visible")
        box = drawing.bounding_box()
        # the whole drawing on screen, nothing to scroll sideways (page or chart)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
        overflow = page.evaluate(
            """(sel) => {
                 const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
                 let el = document.querySelector(sel), inner = 0;
                 while (el) { inner = Math.max(inner, el.scrollWidth - el.clientWidth); el = el.parentElement; }
                 return [page, inner];
               }""", CHART)
        assert overflow[0] <= 0 and overflow[1] <= 0, overflow
        # never squeezed: a radar you can read (labels 11 px and more); on a desktop it grows with its column
        # (the 100 ring 400 px across rather than a phone's 166: with the labels above and below it and the
        # legend's lines, about 600 px high on a desktop, about 330 on a phone; the legend of a commune scored
        # on one dimension is two lines since it names that dimension rather than the five others)
        assert box["width"] >= 300 and box["height"] >= 300, box
        if width >= 1000:
            assert box["height"] >= 560, box
        # the 100 ring as drawn, across its middle (2 × 0.866 × its radius): a phone's was 145 px, the side labels
        # beside it taking 96 px each; it takes the width now, its side labels in the corners (257 px); a desktop's
        # stays 347 px
        across = _ring_width(drawing.screenshot())
        assert across >= (340 if width >= 1000 else 230), across
    finally:
        context.close()


def _ring_width(png: bytes) -> int:
    """The 100 ring's width across its middle, as drawn: the most frequent width among the rows of the drawing
    whose two outermost marks are the light grey grid and that hold no text (no dark grey): the rows between
    the ring's two upright sides (a third of the ring's height), each the same width. A label's or a legend's
    row holds text; a row a label's antialiased edge ends is rare."""
    import io
    from collections import Counter

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    pixels = image.load()

    def grey(p, low, high):  # neutral, between two lightnesses
        return low <= min(p) and max(p) <= high and max(p) - min(p) < 40

    widths = Counter()
    for y in range(height):
        row = [pixels[x, y] for x in range(width)]
        marks = [x for x, p in enumerate(row) if min(p) < 250]
        if len(marks) < 2 or any(grey(p, 0, 130) for p in row):  # text: the labels, ring values, legend
            continue
        if grey(row[marks[0]], 150, 249) and grey(row[marks[-1]], 150, 249):
            widths[marks[-1] - marks[0]] += 1
    return widths.most_common(1)[0][0] if widths else 0
