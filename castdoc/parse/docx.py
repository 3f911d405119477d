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

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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
                        hint="castdoc reads .docx, .pdf, .html and .txt")
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


# ---------------------------------------------------------------- styles and numbering
class _Styles:
    """Style id → name, numbering and outline level, following ``basedOn``."""

    def __init__(self, document) -> None:
        from docx.styles import BabelFish  # "heading 1" in the XML is "Heading 1" in Word

        self._styles: dict[str, tuple[str, str | None, tuple[str, int] | None, int | None]] = {}
        try:
            root = document.styles.element
        except Exception:  # noqa: BLE001 - a document without a styles part
            return
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if not sid:
                continue
            nm = st.find(W + "name")
            based = st.find(W + "basedOn")
            ppr = st.find(W + "pPr")
            num = _num_pr(ppr) if ppr is not None else None
            outline = _val_int(ppr.find(W + "outlineLvl")) if ppr is not None else None
            self._styles[sid] = (BabelFish.internal2ui(nm.get(W + "val")) if nm is not None else sid,
                                 based.get(W + "val") if based is not None else None, num, outline)

    def name(self, sid: str | None) -> str | None:
        if not sid:
            return None
        st = self._styles.get(sid)
        return st[0] if st else sid

    def inherited(self, sid: str | None) -> tuple[tuple[str, int] | None, int | None]:
        """(numbering, outline level) a paragraph of this style gets from the style chain."""
        num = outline = None
        seen: set[str] = set()
        while sid and sid not in seen and sid in self._styles:
            seen.add(sid)
            _, based, n, o = self._styles[sid]
            num = num or n
            outline = outline if outline is not None else o
            sid = based
        return num, outline


def _val_int(el) -> int | None:
    if el is None:
        return None
    try:
        return int(el.get(W + "val"))
    except (TypeError, ValueError):
        return None


def _num_pr(ppr) -> tuple[str, int] | None:
    np_ = ppr.find(W + "numPr")
    if np_ is None:
        return None
    nid = np_.find(W + "numId")
    if nid is None:
        return None
    return nid.get(W + "val") or "0", _val_int(np_.find(W + "ilvl")) or 0


CN_DIGITS = "零一二三四五六七八九"
TIANGAN = "甲乙丙丁戊己庚辛壬癸"
DIZHI = "子丑寅卯辰巳午未申酉戌亥"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (the ``chineseCounting`` format)."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    units = ((1000, "千"), (100, "百"), (10, "十"))
    out = ""
    rest = n
    zero = False
    for value, unit in units:
        d, rest = divmod(rest, value)
        if d:
            if zero:
                out += "零"
                zero = False
            out += ("" if (value == 10 and d == 1 and not out) else CN_DIGITS[d]) + unit
        elif out:
            zero = True
    if rest:
        out += ("零" if zero else "") + CN_DIGITS[rest]
    return out


def _roman(n: int) -> str:
    vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letter(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_number(n)
    if fmt == "ideographTraditional":
        return TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class _Numbering:
    """Draws Word's automatic numbers (``一、``, ``（二）``, ``3.``) as Word shows them."""

    def __init__(self, document=None) -> None:
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if document is None:
            return
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part
            return
        for an in root.iter(W + "abstractNum"):
            aid = an.get(W + "abstractNumId")
            lv: dict[int, tuple[int, str, str, str]] = {}
            for lvl in an.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl") or 0)
                start = _val_int(lvl.find(W + "start"))
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                suff = lvl.find(W + "suff")
                lv[ilvl] = (
                    1 if start is None else start,
                    fmt.get(W + "val") if fmt is not None else "decimal",
                    text.get(W + "val") if text is not None else "",
                    suff.get(W + "val") if suff is not None else "tab",
                )
            self._levels[aid] = lv
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId")
            an = num.find(W + "abstractNumId")
            overrides: dict[int, int] = {}
            for ov in num.iter(W + "lvlOverride"):
                so = _val_int(ov.find(W + "startOverride"))
                if so is not None:
                    overrides[int(ov.get(W + "ilvl") or 0)] = so
            if an is not None:
                self._nums[nid] = (an.get(W + "val"), overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        """The number Word draws before this paragraph, and advance the list."""
        if num_id not in self._nums:
            return ""
        aid, overrides = self._nums[num_id]
        levels = self._levels.get(aid)
        if not levels or ilvl not in levels:
            return ""
        # lists sharing a definition continue one another unless one restarts
        key = f"n{num_id}" if overrides else f"a{aid}"
        counters = self._counters.setdefault(key, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        _, fmt, text, suff = levels[ilvl]
        if fmt == "bullet":
            return ""
        out = text
        for k in range(9):
            tag = f"%{k + 1}"
            if tag in out:
                lv = levels.get(k)
                value = counters.get(k, overrides.get(k, lv[0] if lv else 1))
                out = out.replace(tag, format_number(value, lv[1] if lv else "decimal"))
        if not out:
            return ""
        return out + {"tab": "\t", "space": " "}.get(suff, "")


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
