"""HTML bytes to a tree: the encoding decided, then a forgiving parse with the standard library.

Saved government pages are rarely well-formed (unclosed ``<p>`` and ``<td>``, stray
``</p>``, thousands of nested ``<div>``); the builder closes what browsers close and
never recurses, so the ``html`` reader can score the tree for the article it holds.
"""
from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "keygen", "basefont", "frame", "isindex"}
DROP_TAGS = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
             "select", "button", "textarea", "head", "object", "embed", "canvas", "map", "audio", "video", "math",
             "dialog", "menu"}
BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table",
         "tbody", "thead", "tfoot", "tr", "td", "th", "pre", "blockquote", "dd", "dt", "dl", "center", "figure",
         "figcaption", "address", "hr", "body", "html", "caption", "fieldset", "legend", "details", "summary",
         "header", "footer", "nav", "aside", "form", "option"}
# elements a stray block start closes, as browsers do
CLOSED_BY_BLOCK = {"p"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
MAX_END_SEARCH = 200


def cjk_count(s: str) -> int:
    return sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


# ---------------------------------------------------------------- decoding
def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding: a BOM wins, then a believable <meta> charset, then UTF-8, then GB18030."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    declared = None
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        declared = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
                    "big5": "big5hkscs", "utf8": "utf-8"}.get(declared, declared)
        try:
            if codecs.lookup(declared).name in ("latin-1", "iso8859-1", "cp1252", "ascii"):
                declared = None  # servers declare these for pages that are really UTF-8 or GBK
        except LookupError:
            declared = None
    for enc in ([declared] if declared else []) + ["utf-8", "gb18030"]:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    enc = declared or "utf-8"
    return data.decode(enc, errors="replace"), f"{enc} (with errors)"


# ---------------------------------------------------------------- the tree
class _Node:
    __slots__ = ("tag", "attrs", "children", "parent", "dropped", "cjk", "links", "score", "own", "block")

    def __init__(self, tag: str, attrs: dict[str, str], parent: "_Node | None") -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []
        self.parent = parent
        self.dropped = False
        self.cjk = 0  # Chinese characters in kept text below
        self.links = 0  # of them inside <a>
        self.score = 0.0
        self.own = 0  # Chinese characters whose nearest block is this node
        self.block: _Node = self  # the nearest block element at or above this one


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.stack: list[_Node] = [self.root]
        self.title_parts: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        top = self.stack[-1]
        if tag in BLOCK and top.tag in CLOSED_BY_BLOCK:
            self.stack.pop()
        if tag == "li":
            self._close_up_to("li", stop={"ul", "ol", "table"})
        elif tag in ("td", "th"):
            self._close_up_to(("td", "th"), stop={"tr", "table"})
        elif tag == "tr":
            self._close_up_to("tr", stop={"table", "tbody", "thead", "tfoot"})
        keep = {}
        for k, v in attrs:
            if k in ("class", "id", "style", "hidden", "aria-hidden", "type") and v is not None:
                keep[k] = v
            elif k == "hidden":
                keep[k] = ""
        node = _Node(tag, keep, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag == "title":
            self._in_title = True
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def _close_up_to(self, tags, stop: set[str]) -> None:
        tags = (tags,) if isinstance(tags, str) else tags
        for k in range(len(self.stack) - 1, max(0, len(self.stack) - MAX_END_SEARCH), -1):
            t = self.stack[k].tag
            if t in tags:
                del self.stack[k:]
                return
            if t in stop:
                return

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        for k in range(len(self.stack) - 1, max(0, len(self.stack) - MAX_END_SEARCH), -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return
        if tag in ("p", "br"):  # </p> without <p>, </br>: browsers make an empty paragraph / a break
            self.stack[-1].children.append(_Node("br", {}, self.stack[-1]))

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        self.stack[-1].children.append(data)
