"""OFD (GB/T 33190, the national format for electronic documents): text from the page XML.

An OFD is a zip package: ``OFD.xml`` names the document root (``DocBody/DocRoot``), whose
``Document.xml`` lists the pages in order and the template pages they draw on; each page's
``Content.xml`` holds layers of ``TextObject``s, each with ``TextCode`` runs that carry
Unicode text and the position of their first character (``X``, ``Y``: the baseline), the
advances of the others (``DeltaX``/``DeltaY``, with ``g N v`` for N equal steps), and the
object's ``Boundary`` and optional ``CTM``. Fonts may be subsets: the text is Unicode, so
they do not matter.

Characters are placed on the page (millimetres, converted to points, y turned upwards)
and grouped into lines; from there the PDF reader's layout (``pdf_layout``: running heads
and page numbers dropped, columns, wrapped lines joined into paragraphs, the red
发文机关标志) makes the text. Template content (a 版头 or 版记 put on every page) is read
before the page's own; annotations and signatures (the 印章 is an image) are left out.

The package is checked before anything is read (member count, sizes, compression ratio),
and XML with a DOCTYPE is refused: no entity is ever expanded.
"""
from __future__ import annotations

import dataclasses
import io
import posixpath
import re
import zipfile
import xml.etree.ElementTree as ET

from ..errors import NoTextLayer, ReadError, TooLarge
from ..types import RawText
from .pdf_layout import _assemble, _Line

MM = 72 / 25.4  # points per millimetre
MAX_MEMBERS = 20000
MAX_PART = 64 * 1024 * 1024
BOMB_RATIO = 200
BOMB_MIN = 5 * 1024 * 1024
MAX_PAGES_DEFAULT = 500
_NUM = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|g")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(el, name: str):
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _children(el, name: str):
    return [c for c in el if _local(c.tag) == name]


class _Package:
    """The zip, checked, with safe XML reading of its parts."""

    def __init__(self, data: bytes, *, name: str, limits) -> None:
        self.name = name
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except Exception:  # noqa: BLE001 - BadZipFile, NotImplementedError, OSError …
            raise ReadError("not an OFD package (not a zip archive): damaged, truncated, or another format renamed",
                            path=name, hint="check the download, or export it to PDF from an OFD reader") from None
        if len(infos) > MAX_MEMBERS:
            raise TooLarge(f"the OFD holds {len(infos)} parts", path=name, hint="not a normal OFD document")
        max_unzipped = getattr(limits, "max_unzipped", 200 * 1024 * 1024) if limits is not None else 200 * 1024 * 1024
        total = sum(i.file_size for i in infos)
        if total > max_unzipped:
            raise TooLarge(f"the OFD unzips to {total // (1024 * 1024)} MB, over the {max_unzipped // (1024 * 1024)} MB limit",
                           path=name, hint="a zip bomb, or a document full of images; raise it with --max-unzipped")
        for i in infos:
            if i.file_size > BOMB_MIN and i.file_size > BOMB_RATIO * max(i.compress_size, 1):
                raise TooLarge(f"the OFD part {i.filename} expands {i.file_size // max(i.compress_size, 1)} times its size",
                               path=name, hint="a zip bomb, not an OFD document")
            if i.flag_bits & 0x1:
                raise ReadError("the OFD is encrypted", path=name, hint="save an unprotected copy")
        self.by_lower = {i.filename.lower().lstrip("/"): i for i in infos}

    def has(self, path: str) -> bool:
        return path.lower().lstrip("/") in self.by_lower

    def xml(self, path: str):
        info = self.by_lower.get(path.lower().lstrip("/"))
        if info is None:
            raise ReadError(f"damaged OFD: the part {path} is missing", path=self.name,
                            hint="open it in an OFD reader and save it again, or export it to PDF")
        if info.file_size > MAX_PART:
            raise TooLarge(f"the OFD part {path} is {info.file_size // (1024 * 1024)} MB", path=self.name,
                           hint="not a normal OFD document")
        try:
            raw = self.zf.read(info)
        except Exception:  # noqa: BLE001 - CRC errors, truncated members
            raise ReadError(f"damaged OFD: the part {path} cannot be unzipped", path=self.name,
                            hint="check the download, or export it to PDF from an OFD reader") from None
        head = raw[:4096].lower()
        if b"<!doctype" in head or b"<!entity" in raw.lower():
            raise ReadError(f"the OFD part {path} declares a DOCTYPE or entities (refused)", path=self.name,
                            hint="not a normal OFD document")
        try:
            return ET.fromstring(raw)
        except ET.ParseError as e:
            raise ReadError(f"damaged OFD: {path} is not well-formed XML ({e})", path=self.name,
                            hint="open it in an OFD reader and save it again, or export it to PDF") from None


def _resolve(base_dir: str, loc: str) -> str:
    loc = loc.strip().replace("\\", "/")
    path = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base_dir, loc)
    return posixpath.normpath(path).lstrip("/")


def _numbers(s: str | None) -> list[float]:
    """An OFD number array, with ``g N v`` (N times v) expanded."""
    if not s:
        return []
    toks = _NUM.findall(s)
    out: list[float] = []
    k = 0
    while k < len(toks):
        if toks[k] == "g" and k + 2 < len(toks):
            try:
                out.extend([float(toks[k + 2])] * min(int(float(toks[k + 1])), 100_000))
            except ValueError:
                pass
            k += 3
        else:
            if toks[k] != "g":
                out.append(float(toks[k]))
            k += 1
    return out


def read(data: bytes, *, name: str, limits=None) -> RawText:
    pkg = _Package(data, name=name, limits=limits)
    if not pkg.has("OFD.xml"):
        raise ReadError("a zip archive but not an OFD document (no OFD.xml)", path=name,
                        hint="castdoc reads .ofd, .docx, .pdf, .html and .txt; export it to PDF otherwise")
    root = pkg.xml("OFD.xml")
    body = next((b for b in root.iter() if _local(b.tag) == "DocBody"), None)
    doc_root = _child(body, "DocRoot") if body is not None else None
    if doc_root is None or not (doc_root.text or "").strip():
        raise ReadError("damaged OFD: OFD.xml names no DocRoot", path=name,
                        hint="open it in an OFD reader and save it again, or export it to PDF")
    doc_path = _resolve("", doc_root.text)
    doc_dir = posixpath.dirname(doc_path)
    document = pkg.xml(doc_path)
    common = _child(document, "CommonData")
    default_box = _box_of(common)
    templates: dict[str, str] = {}
    if common is not None:
        for t in _children(common, "TemplatePage"):
            if t.get("ID") and t.get("BaseLoc"):
                templates[t.get("ID")] = _resolve(doc_dir, t.get("BaseLoc"))
    pages_el = _child(document, "Pages")
    refs = [p.get("BaseLoc") for p in (_children(pages_el, "Page") if pages_el is not None else []) if p.get("BaseLoc")]
    if not refs:
        raise ReadError("the OFD has no pages", path=name, hint="the file may be truncated; download it again")
    max_pages = getattr(limits, "max_pages", MAX_PAGES_DEFAULT) if limits is not None else MAX_PAGES_DEFAULT
    if len(refs) > max_pages:
        raise TooLarge(f"OFD has {len(refs)} pages, over the {max_pages}-page limit", path=name,
                       hint="split the document, or read the pages that hold the notice")
    pages: list[list[_Line]] = []
    sizes: list[tuple[float, float]] = []
    tpl_cache: dict[str, list] = {}
    for k, loc in enumerate(refs):
        path = _resolve(doc_dir, loc)
        if not path.lower().endswith(".xml"):
            path = posixpath.join(path, "Content.xml")
        page = pkg.xml(path)
        box = _box_of(page) or default_box or (0.0, 0.0, 210.0, 297.0)
        w, h = box[2] * MM, box[3] * MM
        back: list = []
        front: list = []
        for t in _children(page, "Template"):
            tid = t.get("TemplateID")
            if tid not in templates:
                continue
            if tid not in tpl_cache:
                tpl_cache[tid] = _glyphs(pkg.xml(templates[tid]), h)
            (front if (t.get("ZOrder") or "").lower() == "foreground" else back).extend(tpl_cache[tid])
        glyphs = back + _glyphs(page, h) + front
        sizes.append((w, h))
        pages.append(_lines(glyphs, k))
    try:
        raw = _assemble(pages, sizes, None, name=name)
    except NoTextLayer:
        raise NoTextLayer("no text in this OFD (a scan, or text drawn as outlines)", path=name,
                          hint="export it to PDF and run OCR on that (pip install 'castdoc[ocr]')") from None
    return dataclasses.replace(raw, format="ofd")


def _box_of(el) -> tuple[float, float, float, float] | None:
    if el is None:
        return None
    area = _child(el, "Area") or _child(el, "PageArea")
    if area is None:
        return None
    phys = _child(area, "PhysicalBox")
    nums = _numbers(phys.text if phys is not None else None)
    return (nums[0], nums[1], nums[2], nums[3]) if len(nums) == 4 and nums[2] > 0 and nums[3] > 0 else None


@dataclasses.dataclass(slots=True)
class _Glyph:
    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    red: bool
    space: bool = False  # the text had a space before this character


def _glyphs(page, page_h: float) -> list[_Glyph]:
    """Every character of the page's text objects, in points with y upwards."""
    out: list[_Glyph] = []
    content = _child(page, "Content")
    if content is None:
        return out
    stack = list(reversed(list(content)))
    while stack:  # layers and page blocks nest: walked without recursion
        el = stack.pop()
        tag = _local(el.tag)
        if tag == "TextObject":
            out.extend(_text_object(el, page_h))
        elif tag in ("Layer", "PageBlock"):
            stack.extend(reversed(list(el)))
    return out


def _text_object(obj, page_h: float) -> list[_Glyph]:
    bx, by = (_numbers(obj.get("Boundary")) + [0.0, 0.0])[:2]
    try:
        size = float(obj.get("Size") or 3.5)
    except ValueError:
        size = 3.5
    ctm = _numbers(obj.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    scale = (abs(d) or 1.0) if len(ctm) == 6 else 1.0
    fill = _child(obj, "FillColor")
    rgb = _numbers(fill.get("Value")) if fill is not None else []
    red = len(rgb) == 3 and rgb[0] >= 170 and rgb[1] <= 90 and rgb[2] <= 90
    out: list[_Glyph] = []
    x = y = 0.0
    for code in _children(obj, "TextCode"):
        text = code.text or ""
        if code.get("X") is not None:
            x = _numbers(code.get("X"))[0] if _numbers(code.get("X")) else x
        if code.get("Y") is not None:
            y = _numbers(code.get("Y"))[0] if _numbers(code.get("Y")) else y
        dx, dy = _numbers(code.get("DeltaX")), _numbers(code.get("DeltaY"))
        space = False
        for i, ch in enumerate(text):
            px, py = a * x + c * y + e + bx, b * x + d * y + f + by
            em = size * scale
            adv = dx[i] if i < len(dx) else (size if _wide(ch) else 0.5 * size)
            if not ch.isspace():  # spaces come back from the gaps they leave
                width = em if _wide(ch) else 0.5 * em
                base = page_h - py * MM  # y upwards, the baseline
                out.append(_Glyph(ch=ch, x0=px * MM, x1=(px + width) * MM, top=base + 0.85 * em * MM,
                                  bottom=base - 0.15 * em * MM, size=em * MM, red=red, space=space))
                space = False
            else:
                space = True
            x += adv
            if i < len(dy):
                y += dy[i]
    return out


def _wide(ch: str) -> bool:
    o = ord(ch)
    return o >= 0x2E80 or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’—…"


def _lines(glyphs: list[_Glyph], page_no: int) -> list[_Line]:
    """Characters grouped into lines by baseline, read left to right, split at wide gaps
    (the gap between two columns), top to bottom."""
    marks = sorted(glyphs, key=lambda g: (-(g.top + g.bottom) / 2, g.x0))
    if not marks:
        return []
    rows: list[list[_Glyph]] = []
    for g in marks:
        mid = (g.top + g.bottom) / 2
        if rows:
            r = rows[-1]
            rmid = (r[0].top + r[0].bottom) / 2
            if abs(mid - rmid) < 0.5 * max(g.size, r[0].size):
                r.append(g)
                continue
        rows.append([g])
    lines: list[_Line] = []
    for r in rows:
        r.sort(key=lambda g: g.x0)
        run: list[_Glyph] = [r[0]]
        for g in r[1:]:
            prev = run[-1]
            s = max(g.size, prev.size)
            if g.x0 - prev.x1 > 1.5 * s:
                lines.append(_make_line(run, page_no))
                run = [g]
            else:
                if g.space or (g.x0 - prev.x1 > 0.8 * s and prev.ch.isascii() and g.ch.isascii()):
                    # a space as written, or the gap between two text objects of Latin text
                    run.append(_Glyph(ch=" ", x0=prev.x1, x1=prev.x1, top=prev.top, bottom=prev.bottom,
                                      size=prev.size, red=prev.red))
                run.append(g)
        lines.append(_make_line(run, page_no))
    return [ln for ln in lines if ln.text]


def _make_line(run: list[_Glyph], page_no: int) -> _Line:
    sizes = sorted(g.size for g in run)
    return _Line(text="".join(g.ch for g in run).strip(), x0=min(g.x0 for g in run), x1=max(g.x1 for g in run),
                 top=max(g.top for g in run), bottom=min(g.bottom for g in run), size=sizes[len(sizes) // 2],
                 page=page_no, red=all(g.red for g in run))
