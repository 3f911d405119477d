"""Word's styles and automatic numbering, as the docx reader needs them.

Offices number headings with list styles (``一、``, ``（一）``, ``1.``), and those numbers
are not in the document's text: Word draws them from ``numbering.xml``. This module reads
the style chain (name, numbering and outline level through ``basedOn``) and draws the
numbers as Word shows them, so the reader can put them in front of their paragraph.
"""
from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
