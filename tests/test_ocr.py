"""Scans read by OCR (the ``ocr`` extra): an image-only PDF made by rendering the sample
notice, and the same page as a .png. Without the extra, one line naming the install."""
from __future__ import annotations

import io

import pytest
from conftest import SAMPLES

from castdoc.errors import MissingDependency, NoTextLayer
from castdoc.parse import ocr, read_bytes

pdfium = pytest.importorskip("pypdfium2")


def _page_image(dpi: int = 200, top: float = 1.0):
    """Page one of samples/notice.pdf (its top part only, with ``top`` below 1)."""
    doc = pdfium.PdfDocument(str(SAMPLES / "notice.pdf"))
    try:
        img = doc[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        doc.close()
    return img.crop((0, 0, img.width, int(img.height * top)))


def _scan_pdf(img, dpi: int = 200) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=dpi)
    return buf.getvalue()


@pytest.fixture(scope="module")
def scan():
    return _scan_pdf(_page_image())


def test_scan_without_the_extra_names_the_install(scan, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(NoTextLayer) as e:
        read_bytes(scan, name="scan.pdf", suffix=".pdf")
    assert "pip install 'castdoc[ocr]'" in e.value.line() and "\n" not in e.value.line()
    buf = io.BytesIO()
    _page_image(dpi=50).save(buf, "PNG")
    with pytest.raises(MissingDependency, match="OCR") as e:
        read_bytes(buf.getvalue(), name="scan.png", suffix=".png")
    assert "castdoc[ocr]" in e.value.line()


needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the ocr extra: pip install 'castdoc[ocr]'")


@needs_ocr
def test_image_only_pdf_is_read_by_ocr(scan):
    from castdoc.pipeline import parse_bytes

    rec = parse_bytes(scan, name="scan.pdf", suffix=".pdf")[0]
    assert rec.source.ocr_pages == (1,) and rec.source.ocr_confidence > 0.8
    assert rec.title == "某省科协关于开展2024年度基层科协“科技工作者之家”建设试点工作的通知"
    assert rec.kind == "notice" and rec.recipients[:1] == ("各市科协",)
    d = rec.to_dict()
    assert d["source"]["ocr"] == {"pages": [1], "confidence": rec.source.ocr_confidence}
    from castdoc.record import from_dict

    assert from_dict(d).source == rec.source  # read back as written


@needs_ocr
def test_png_scan_is_read_by_ocr_in_reading_order():
    buf = io.BytesIO()
    _page_image(top=0.4).save(buf, "PNG", dpi=(200, 200))  # the 版头 and the title
    raw = read_bytes(buf.getvalue(), name="scan.png", suffix=".png")
    assert raw.format == "image" and raw.ocr_pages == (1,) and raw.ocr_confidence > 0.8
    masthead = next(b for b in raw.blocks if b.style == "masthead")  # large and red on the scan too
    assert raw.text[masthead.start:masthead.end] == "某省科学技术协会文件"
    assert raw.text.index("某省科学技术协会文件") < raw.text.index("某省科协关于开展")
