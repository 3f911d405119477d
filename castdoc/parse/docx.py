"""Word .docx: the body in document order, walked over the XML that python-docx parses.

python-docx's ``Document.paragraphs`` skips what offices use most for layout: a notice
set inside a one-cell table, or inside a text box (``w:txbxContent``), and it leaves out
the numbers Word draws for automatic numbering (``一、`` headings made with a list style
are not in the text at all). So the body is walked here, element by element, with an
explicit stack (a hostile file may nest tables thousands deep):

- paragraphs, one a line (a soft line break ``w:br`` stays a line break);
- tables: a row of short cells is one line, cells parted by a tab; a row whose cells
  hold whole passages (a layout table) gives its paragraphs one by one;
- text boxes after the paragraph that anchors them (the ``mc:Fallback`` copy that Word
  writes beside each box is skipped);
- automatic numbers rendered in front of their paragraph (``一、``, ``（一）``, ``1.``);
- deleted revisions, field codes and hidden text left out.

Headers and footers go to ``RawText.headers``, never into the text. Block hints carry
the style name (``Heading 1``, ``Title``; ``; list N`` added for numbered paragraphs).

The zip is checked before python-docx opens it: a .docx is a zip, and a zip can be a
bomb.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from ..errors import MissingDependency, ReadError, TooLarge
from ..types import Block, RawText
from .docx_numbering import W, _Numbering, _num_pr, _Styles, _val_int, chinese_number, format_number  # noqa: F401 - chinese_number: re-exported
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_MEMBERS = 5000
BOMB_RATIO = 200  # real .docx XML compresses 5-30 times; zeros compress a thousand times
BOMB_MIN = 5 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "delInstrText", MC + "Fallback",
         W + "rPr", W + "pPr", W + "sectPr", W + "tblPr", W + "tblGrid", W + "trPr", W + "tcPr",
         W + "footnoteReference", W + "endnoteReference", W + "commentReference"}


@dataclass(slots=True)
class _Item:
    text: str
    kind: str  # paragraph | heading | table_row | textbox
    style: str | None = None


def read(data: bytes, *, name: str, limits) -> RawText:
    if data.startswith(_OLE) and "EncryptedPackage".encode("utf-16-le") not in data:
        from . import doc

        try:  # a Word 97-2003 file saved with a .docx name: read it as what it is
            return doc.read_native(data, name=name)
        except doc.DocFormatError:
            pass  # (damaged: said below)
    _check_package(data, name=name, limits=limits)
    try:
        import docx
    except ImportError:  # pragma: no cover - a base dependency, missing only in broken installs
        raise MissingDependency("reading .docx needs python-docx", path=name, hint="pip install 'python-docx>=1.1'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as e:
        if "content type" in str(e):
            raise ReadError(
                "a Word file of a kind python-docx cannot open (macro-enabled .docm or a template)",
                path=name,
                hint="save it as a plain .docx (Word: File > Save As > Word Document)",
            ) from None
        raise _damaged(name) from None
    except Exception:  # noqa: BLE001 - python-docx raises KeyError, lxml errors, zipfile errors …
        raise _damaged(name) from None
    try:
        styles = _Styles(document)
        numbering = _Numbering(document)
        items = _walk(document.element.body, styles, numbering)
        headers = _headers(document, styles)
    except (KeyError, ValueError, AttributeError, TypeError) as e:
        raise ReadError(f"damaged .docx ({type(e).__name__})", path=name, hint="open it in Word or WPS and save it again") from None
    text_parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for it in items:
        if not it.text.strip():
            continue
        blocks.append(Block(kind=it.kind, start=pos, end=pos + len(it.text), style=it.style))
        text_parts.append(it.text)
        pos += len(it.text) + 1
    return RawText(text="\n".join(text_parts), format="docx", blocks=tuple(blocks), headers=tuple(headers))


def _damaged(name: str) -> ReadError:
    return ReadError("damaged .docx: the Word package cannot be opened", path=name,
                     hint="open it in Word or WPS and save it again")


# ---------------------------------------------------------------- the package
def _check_package(data: bytes, *, name: str, limits) -> None:
    """Refuse what is not a Word document, or would take too much memory to open."""
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError("the .docx is password-protected", path=name,
                            hint="open it with the password and save an unprotected copy (文件 > 信息 > 保护文档)")
        raise ReadError("an old Word 97-2003 file with a .docx name, not a .docx", path=name,
                        hint="save it as .docx (Word: File > Save As; LibreOffice: soffice --headless --convert-to docx FILE)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception:  # noqa: BLE001 - BadZipFile, NotImplementedError (zip version), OSError …
        raise ReadError("not a .docx (not a zip archive): damaged, truncated, or another format renamed",
                        path=name, hint="check the download; a .doc must be saved as .docx first") from None
    names = {i.filename for i in infos}
    if len(infos) > MAX_MEMBERS:
        raise TooLarge(f"the .docx holds {len(infos)} parts", path=name, hint="not a normal Word document")
    max_unzipped = getattr(limits, "max_unzipped", 200 * 1024 * 1024) if limits is not None else 200 * 1024 * 1024
    total = sum(i.file_size for i in infos)
    if total > max_unzipped:
        raise TooLarge(
            f"the .docx unzips to {total // (1024 * 1024)} MB, over the {max_unzipped // (1024 * 1024)} MB limit",
            path=name, hint="a zip bomb, or a document full of images: save a copy without the images",
        )
    for i in infos:
        if i.file_size > BOMB_MIN and i.file_size > BOMB_RATIO * max(i.compress_size, 1):
            raise TooLarge(
                f"the .docx part {i.filename} expands {i.file_size // max(i.compress_size, 1)} times its size",
                path=name, hint="a zip bomb, not a Word document",
            )
    if "word/document.xml" not in names and not _main_part_declared(zf, names):
        raise ReadError(f"a zip archive but not a Word document{_what_zip(names)}", path=name,
                        hint="castdoc reads .docx, .doc, .wps, .ofd, .pdf, .html and .txt")
    if any(i.flag_bits & 0x1 for i in infos):
        raise ReadError("the .docx is encrypted", path=name, hint="save an unprotected copy")


def _main_part_declared(zf: zipfile.ZipFile, names: set[str]) -> bool:
    if "[Content_Types].xml" not in names:
        return False
    info = zf.getinfo("[Content_Types].xml")
    if info.file_size > 1024 * 1024:
        return False
    try:
        return b"wordprocessingml.document.main" in zf.read(info)
    except Exception:  # noqa: BLE001 - a damaged member: not a Word document we can open
        return False


def _what_zip(names: set[str]) -> str:
    if any(n.startswith("xl/") for n in names):
        return " (an Excel workbook)"
    if any(n.startswith("ppt/") for n in names):
        return " (a PowerPoint file)"
    if "OFD.xml" in names:
        return " (an OFD document: export it to PDF first)"
    if "mimetype" in names and any(n == "content.xml" for n in names):
        return " (an OpenDocument file: save it as .docx)"
    return ""


# ---------------------------------------------------------------- the walk
def _paragraph(p, styles: _Styles, numbering: _Numbering) -> tuple[_Item, list]:
    """A paragraph's text, its kind and style, and the text boxes anchored in it."""
    pieces: list[str] = []
    boxes: list = []
    stack = list(reversed(p))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            pieces.append(el.text or "")
        elif tag == W + "txbxContent":
            boxes.append(el)
        elif tag in (W + "tab", W + "ptab"):
            pieces.append("\t")
        elif tag in (W + "br", W + "cr"):
            pieces.append("\n")
        elif tag == W + "noBreakHyphen":
            pieces.append("-")
        elif tag == W + "r" and _hidden(el):
            continue
        else:
            stack.extend(reversed(el))
    ppr = p.find(W + "pPr")
    sid = None
    num = outline = None
    if ppr is not None:
        ps = ppr.find(W + "pStyle")
        sid = ps.get(W + "val") if ps is not None else None
        num = _num_pr(ppr)
        outline = _val_int(ppr.find(W + "outlineLvl"))
    snum, soutline = styles.inherited(sid)
    num = num or snum
    outline = outline if outline is not None else soutline
    name = styles.name(sid) or "Normal"
    text = "".join(pieces)
    if num and num[0] != "0" and text.strip():
        label = numbering.label(num[0], num[1])
        if label:
            text = label + text
        name = f"{name}; list {num[1] + 1}"
    low = name.lower()
    heading = low.startswith(("heading", "title", "标题")) or (outline is not None and outline < 9)
    return _Item(text=text, kind="heading" if heading else "paragraph", style=name), boxes


def _hidden(run) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    v = rpr.find(W + "vanish")
    return v is not None and v.get(W + "val") not in ("0", "false")


_BEGIN_TBL, _END_TBL, _BEGIN_ROW, _BEGIN_CELL, _BEGIN_BOX, _END_BOX = range(6)


def _walk(root, styles: _Styles, numbering: _Numbering) -> list[_Item]:
    """Body items in document order; tables resolved with a stack of open tables."""
    out: list[_Item] = []
    tables: list[list[list[list[_Item]]]] = []  # open tables: rows of cells of items
    in_box = 0
    stack: list = list(reversed(root))

    def emit(items: list[_Item]) -> None:
        if tables and tables[-1] and tables[-1][-1]:
            tables[-1][-1][-1].extend(items)
        else:
            out.extend(items)

    while stack:
        el = stack.pop()
        if isinstance(el, int):
            if el == _BEGIN_TBL:
                tables.append([])
            elif el == _END_TBL:
                emit(_table_items(tables.pop()))
            elif el == _BEGIN_ROW:
                if tables:
                    tables[-1].append([])
            elif el == _BEGIN_CELL:
                if tables and tables[-1]:
                    tables[-1][-1].append([])
            elif el == _BEGIN_BOX:
                in_box += 1
            elif el == _END_BOX:
                in_box -= 1
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "p":
            item, boxes = _paragraph(el, styles, numbering)
            if in_box and item.kind == "paragraph":
                item.kind = "textbox"
            emit([item])
            for box in reversed(boxes):
                stack.append(_END_BOX)
                stack.extend(reversed(box))
                stack.append(_BEGIN_BOX)
        elif tag == W + "tbl":
            stack.append(_END_TBL)
            stack.extend(reversed(el))
            stack.append(_BEGIN_TBL)
        elif tag == W + "tr":
            stack.extend(reversed(el))
            stack.append(_BEGIN_ROW)
        elif tag == W + "tc":
            stack.extend(reversed(el))
            stack.append(_BEGIN_CELL)
        elif tag == W + "txbxContent":
            stack.append(_END_BOX)
            stack.extend(reversed(el))
            stack.append(_BEGIN_BOX)
        else:
            stack.extend(reversed(el))
    while tables:  # unbalanced only if the walk was cut short; keep what was read
        out.extend(_table_items(tables.pop()))
    return out


def _table_items(rows: list[list[list[_Item]]]) -> list[_Item]:
    """A data row becomes one line; a row that holds passages gives its paragraphs."""
    items: list[_Item] = []
    for row in rows:
        cells = [[it for it in cell if it.text.strip()] for cell in row]
        filled = [c for c in cells if c]
        if not filled:
            continue
        layout = len(filled) == 1 or any(len(c) > 3 or sum(len(it.text) for it in c) > 150 for c in filled)
        if layout:
            for c in filled:
                items.extend(c)
        else:
            text = "\t".join(" ".join(it.text.strip() for it in c) for c in filled)
            items.append(_Item(text=text, kind="table_row", style=None))
    return items


def _headers(document, styles: _Styles) -> list[str]:
    """Header and footer lines of every section, once each."""
    seen: dict[str, None] = {}
    plain = _Numbering()  # page furniture is not numbered
    for sec in document.sections:
        for part in (sec.header, sec.first_page_header, sec.even_page_header,
                     sec.footer, sec.first_page_footer, sec.even_page_footer):
            try:
                if part.is_linked_to_previous:
                    continue
                root = part._element
            except Exception:  # noqa: BLE001 - a broken header must not lose the body
                continue
            for it in _walk(root, styles, plain):
                t = it.text.strip()
                if t:
                    seen.setdefault(t, None)
    return list(seen)
