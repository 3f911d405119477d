"""Newspaper pages in columns: one record per article, read column by column, the
masthead's date kept out of the articles. The page is made here with fpdf2's core fonts
(no CJK font needed): the layout rules do not depend on the script."""
from __future__ import annotations

import pytest

from castdoc.parse import read_bytes
from castdoc.pipeline import parse_bytes

fpdf = pytest.importorskip("fpdf", reason="fpdf2 builds the test PDFs: pip install 'castdoc[samples]'")

WORDS = ("science council members volunteers museum outreach program region annual report school students "
         "teachers training workshop innovation network village county experts").split()


def _sentence(seed: int, n: int) -> str:
    words = [WORDS[(seed * 7 + k * 5 + k * k) % len(WORDS)] for k in range(n)]
    return " ".join(words).capitalize() + "."


def _wrap(pdf, text: str, width: float) -> list[str]:
    lines, line = [], ""
    for w in text.split():
        if line and pdf.get_string_width(line + " " + w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    return lines + [line]


def _page(interleave: bool = True) -> tuple[bytes, list[list[str]]]:
    """A masthead with the paper's date, then two articles: a headline over two columns,
    a rule, a headline over three. Rows are written across the page (row 1 of every
    column, then row 2 …) when ``interleave``: content order is then no reading order."""
    pdf = fpdf.FPDF(format="A3", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", "B", size=24)
    pdf.text(60, 50, "The Province Science Daily")
    pdf.set_font("helvetica", size=9)
    pdf.text(640, 50, "2024-06-05 Page 3")
    pdf.line(60, 60, 780, 60)
    columns_text: list[list[str]] = []
    y = 90.0
    for art, (head, ncols) in enumerate((("Council opens a new science museum in the north", 2),
                                          ("Volunteers bring workshops to village schools", 3))):
        pdf.set_font("helvetica", "B", size=18)
        pdf.text(60, y, head)
        pdf.set_font("helvetica", size=10)
        gap = 20.0
        col_w = (720 - gap * (ncols - 1)) / ncols
        cols = [_wrap(pdf, _sentence(art * 10 + c, 60), col_w) for c in range(ncols)]
        columns_text.append([head] + [" ".join(c) for c in cols])
        order = ([(r, c) for r in range(max(map(len, cols))) for c in range(ncols)] if interleave
                 else [(r, c) for c in range(ncols) for r in range(len(cols[c]))])
        for r, c in order:
            if r < len(cols[c]):
                pdf.text(60 + c * (col_w + gap), y + 25 + r * 13, cols[c][r])
        y += 25 + 13 * max(map(len, cols)) + 20
        pdf.line(60, y - 15, 780, y - 15)
        y += 20
    return bytes(pdf.output()), columns_text


@pytest.mark.parametrize("interleave", [True, False])
def test_columns_read_in_order_and_articles_apart(interleave):
    data, arts = _page(interleave)
    raw = read_bytes(data, name="page.pdf", suffix=".pdf")
    flat = " ".join(raw.text.split())
    for art in arts:
        pos = [flat.find(" ".join(part.split()[:6])) for part in art]
        assert -1 not in pos and pos == sorted(pos), art[0]  # headline, then each column in turn
    assert "2024-06-05" not in raw.text and "2024-06-05 Page 3" in raw.headers
    assert sum(b.kind == "article" for b in raw.blocks) >= 2


def test_one_record_per_article():
    data, arts = _page()
    recs = parse_bytes(data, name="page.pdf", suffix=".pdf")
    assert len(recs) == 2
    # (the first article's title competes with the paper's name above it, which the text
    # keeps; telling them apart is structure's work, with the genre's words)
    assert recs[0].title in (arts[0][0], "The Province Science Daily") and recs[1].title == arts[1][0]
    assert all(r.issued is None or r.issued.isoformat() != "2024-06-05" for r in recs)


def test_a_notice_page_is_not_cut_into_articles():
    """One column with a larger title: no columns, so no article hints."""
    pdf = fpdf.FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("helvetica", "B", size=18)
    pdf.text(60, 80, "Notice on the annual science week")
    pdf.set_font("helvetica", size=11)
    for r in range(30):
        pdf.text(60, 110 + r * 15, _sentence(r, 12))
    raw = read_bytes(bytes(pdf.output()), name="n.pdf", suffix=".pdf")
    assert not any(b.kind == "article" for b in raw.blocks)


def test_one_headline_over_columns_is_one_article():
    """An annex set in two columns under its title: columns, but no second headline."""
    pdf = fpdf.FPDF(format="A3", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", "B", size=18)
    pdf.text(60, 60, "List of the science volunteers of the year")
    pdf.set_font("helvetica", size=10)
    cols = [_wrap(pdf, _sentence(40 + c, 80), 350) for c in range(2)]
    for r in range(max(map(len, cols))):
        for c in range(2):
            if r < len(cols[c]):
                pdf.text(60 + c * 370, 90 + r * 13, cols[c][r])
    raw = read_bytes(bytes(pdf.output()), name="annex.pdf", suffix=".pdf")
    assert not any(b.kind == "article" for b in raw.blocks)
    flat = " ".join(raw.text.split())
    assert flat.find(" ".join(cols[0][0].split()[:5])) < flat.find(" ".join(cols[1][0].split()[:5]))
