"""HTML: the main text of a saved web page, found by text density, with the stdlib parser.

An office's notice page wraps the notice in navigation, breadcrumbs, a sidebar of other
notices, share buttons, 上一篇/下一篇 links and a copyright footer. The reader

1. decodes (BOM, then the ``<meta>`` charset, then UTF-8, then GB18030);
2. builds a light tree with ``html.parser`` (iterative, so a page nested 10,000 deep is
   only a deep tree; every walk below uses an explicit stack);
3. leaves out script/style/nav/header/footer/aside/form, hidden elements, and elements
   whose class or id says nav, menu, breadcrumb, share, footer, copyright, sidebar,
   comment or pager (unless they hold most of the page's Chinese text);
4. scores blocks the way readability does, counting Chinese characters and punctuation
   rather than words, discounts link text, and keeps the best block; when the page
   title sits just outside it together with a short date/source line, the smallest
   block holding both is kept instead;
5. writes one paragraph a line (block elements and ``<br>`` end lines, a table row is a
   line with tab-separated cells) and puts the page title first when the block lacks it;
   the furniture lines that survive (上一篇, 打印/关闭, 版权所有) are dropped.
"""
from __future__ import annotations

import re

from ..errors import ReadError
from ..types import Block, RawText
from .html_tree import BLOCK, DROP_TAGS, _Node, _TreeBuilder, cjk_count, decode

CONTAINERS = {"div", "td", "th", "article", "section", "main", "body", "center", "blockquote", "dd", "font", "span", "form"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
FURNITURE_NAME = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|footer|foot|copyright|sidebar|side|comments?|"
    r"pager|pagination|prev-?next|toolbar|topbar|top-bar|location|position|weizhi|dqwz|fenxiang|banquan|"
    r"related|recommend|login|search|qrcode|ewm|ads?|advert|print|dayin|banner|logo|tools?|fontsize)(?:$|[\s_\-\d])"
    r"|nav|menu|breadcrumb|share|footer|copyright|sidebar|comment|pager",
    re.I,
)
FURNITURE_LINE = re.compile(
    r"^(?:[【\[(（]?\s*(?:上一篇|下一篇|上一条|下一条|上一條|下一條|上篇|下篇)|.{0,6}(?:分享到|扫一扫)|[【\[]?\s*(?:打印|关闭|收藏|返回)"
    r"|.{0,20}(?:版权所有|Copyright|©|ICP备|ICP证|公网安备)|(?:【|\[)?\s*字(?:体|号)\s*[:：]?\s*[大中小\s【】\[\]]*$"
    r"|(?:返回顶部|打印本页|关闭窗口|打印|关闭|收藏|【打印】|【关闭】|\s)+$)",
    re.I,
)
TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|--|—{1,2}|\s-\s)\s*")
_WS = re.compile(r"[ \t\r\n\f\v]+")


def _hidden(node: _Node) -> bool:
    style = node.attrs.get("style", "").replace(" ", "").lower()
    return ("display:none" in style or "visibility:hidden" in style or "hidden" in node.attrs
            or node.attrs.get("aria-hidden") == "true" or (node.tag == "input" and node.attrs.get("type") == "hidden"))


def _furniture_name(node: _Node) -> bool:
    name = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".strip()
    return bool(name) and bool(FURNITURE_NAME.search(name))


def _postorder(root: _Node) -> list[_Node]:
    """All element nodes, children before parents, without recursion."""
    order: list[_Node] = []
    stack = [root]
    while stack:
        n = stack.pop()
        order.append(n)
        stack.extend(c for c in n.children if isinstance(c, _Node))
    order.reverse()
    return order


def _measure(root: _Node) -> list[_Node]:
    """Drop furniture, count Chinese text and link text, score blocks; returns post-order."""
    order = _postorder(root)
    # first by tag and visibility, top down
    for n in reversed(order):
        if n.parent is not None and n.tag not in BLOCK:
            n.block = n.parent.block
        if n.parent is not None and n.parent.dropped:
            n.dropped = True
        elif n.tag in DROP_TAGS or _hidden(n):
            n.dropped = True
    for n in order:  # bottom up: counts of kept text
        if n.dropped:
            continue
        total = links = 0
        for c in n.children:
            if isinstance(c, str):
                k = cjk_count(c)
                total += k
                n.block.own += k
            elif not c.dropped:
                total += c.cjk
                links += c.links
        n.cjk = total
        n.links = total if n.tag == "a" else links
    page_total = root.cjk or 1
    # then by class/id, unless the element holds most of the page's text
    for n in reversed(order):
        if n.dropped or n.parent is None:
            continue
        if n.parent.dropped:
            n.dropped = True
        elif _furniture_name(n) and n.cjk < 0.5 * page_total:
            n.dropped = True
            p = n.parent
            while p is not None:
                p.cjk -= n.cjk
                p.links -= n.links
                p = p.parent
    # readability's paragraph scores, counted in Chinese characters and marks
    for n in order:
        if n.dropped or n.own < 10 or n.tag not in BLOCK:
            continue
        text = _own_text(n)
        s = 1 + sum(text.count(c) for c in "，。；、,;") + min(n.own / 100, 3)
        holder = n if n.tag in CONTAINERS else (n.parent or n)
        share = 1.0
        while holder is not None and share >= 0.25:
            if not holder.dropped:
                holder.score += s * share
            holder = holder.parent
            share /= 2
    return order


def _own_text(n: _Node) -> str:
    parts: list[str] = []
    stack: list[_Node | str] = list(reversed(n.children))
    while stack:
        c = stack.pop()
        if isinstance(c, str):
            parts.append(c)
        elif not c.dropped and c.tag not in BLOCK:
            stack.extend(reversed(c.children))
    return "".join(parts)


def _best(order: list[_Node], root: _Node) -> _Node:
    best, best_score = None, 0.0
    for n in order:
        if n.dropped or n.cjk == 0 or n.score <= 0:
            continue
        final = n.score * (1 - n.links / n.cjk)
        if final > best_score:
            best, best_score = n, final
    if best is None:
        body = next((n for n in order if n.tag == "body" and not n.dropped), None)
        return body or root
    return best


# ---------------------------------------------------------------- title
def _page_title(builder: _TreeBuilder, order: list[_Node]) -> tuple[str, _Node | None]:
    """The article title: an h1/h2 (or class*=title) the <title> agrees with, else <title> cleaned."""
    raw_title = _WS.sub(" ", "".join(builder.title_parts)).strip()
    cands: list[tuple[str, _Node]] = []
    for n in reversed(order):  # document order
        if n.tag in ("h1", "h2", "h3") or (n.tag in ("div", "p", "span", "strong", "td") and "title" in n.attrs.get("class", "").lower()):
            t = _WS.sub(" ", _text_all(n, 200)).strip()
            if 4 <= len(t) <= 100 and cjk_count(t) >= 4:
                cands.append((t, n))
                if len(cands) >= 50:
                    break
    flat = raw_title.replace(" ", "")
    for t, n in cands:
        if t.replace(" ", "") in flat and not n.dropped:
            return t, n
    for t, n in cands:
        if t.replace(" ", "") in flat:
            return t, n
    for t, n in cands:
        if n.tag == "h1" and not n.dropped:
            return t, n
    if raw_title:
        parts = [p for p in TITLE_SPLIT.split(raw_title) if cjk_count(p) >= 4]
        return (parts[0] if parts else raw_title), None
    return "", None


def _text_all(n: _Node, limit: int = 2000) -> str:
    """The text below ``n``, at most ``limit`` characters (titles and labels are short)."""
    parts: list[str] = []
    size = 0
    stack: list[_Node | str] = list(reversed(n.children))
    while stack and size < limit:
        c = stack.pop()
        if isinstance(c, str):
            parts.append(c)
            size += len(c)
        elif c.tag not in ("script", "style"):
            stack.extend(reversed(c.children))
    return "".join(parts)[:limit]


def _widen(best: _Node, title_node: _Node | None) -> _Node:
    """Take in the title and a date/source line standing just outside the best block."""
    if title_node is None or title_node.dropped:
        return best
    p = title_node
    chain = set()
    while p is not None:
        chain.add(id(p))
        p = p.parent
    if id(best) in chain:
        return best  # the title is inside already
    anc = best
    for _ in range(4):
        anc = anc.parent
        if anc is None:
            return best
        if id(anc) in chain:
            extra = (anc.cjk - anc.links) - (best.cjk - best.links)
            return anc if extra <= 300 else best
    return best


# ---------------------------------------------------------------- lines
def _lines(top: _Node) -> list[tuple[str, str]]:
    """(text, kind) per paragraph of the chosen block; tables give one line per data row."""
    out: list[tuple[str, str]] = []
    buf: list[str] = []
    kind_now = ["paragraph"]
    tables: list[list[list[list[tuple[str, str]]]]] = []
    pre = 0

    def sink() -> list[tuple[str, str]]:
        if tables and tables[-1] and tables[-1][-1]:
            return tables[-1][-1][-1]
        return out

    def flush() -> None:
        text = "".join(buf)
        buf.clear()
        for piece in text.split("\n"):
            piece = piece.strip(" ")
            if piece.strip():
                sink().append((piece, kind_now[0]))

    END = object()
    stack: list = [top]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            buf.append(item if pre else _WS.sub(" ", item))
            continue
        if isinstance(item, tuple):  # (END, node)
            node = item[1]
            tag = node.tag
            if tag == "pre":
                pre -= 1
            if tag in BLOCK or tag == "br":
                flush()
                kind_now[0] = "paragraph"
            if tag == "table" and tables:
                rows = tables.pop()
                sink().extend(_table_lines(rows))
            continue
        node = item
        if node.dropped:
            continue
        tag = node.tag
        if tag == "br":
            buf.append("\n")
            continue
        if tag in BLOCK:
            flush()
            if tag in HEADINGS:
                kind_now[0] = "heading"
        if tag == "table":
            tables.append([])
        elif tag == "tr" and tables:
            tables[-1].append([])
        elif tag in ("td", "th") and tables and tables[-1]:
            tables[-1][-1].append([])
        elif tag == "pre":
            pre += 1
        elif tag == "img":
            continue
        stack.append((END, node))
        stack.extend(reversed(node.children))
    flush()
    while tables:
        out.extend(_table_lines(tables.pop()))
    return out


def _table_lines(rows: list[list[list[tuple[str, str]]]]) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for row in rows:
        filled = [c for c in row if c]
        if not filled:
            continue
        if len(filled) == 1 or any(len(c) > 3 or sum(len(t) for t, _ in c) > 150 for c in filled):
            for c in filled:
                lines.extend(c)
        else:
            lines.append(("\t".join(" ".join(t for t, _ in c) for c in filled), "table_row"))
    return lines


def _attachment_siblings(node: _Node) -> list[_Node]:
    """A 附件 list that CMSs put in its own box just after the text (mostly links, so the
    density score leaves it out)."""
    parent = node.parent
    if parent is None:
        return []
    after = False
    found: list[_Node] = []
    seen = 0
    for c in parent.children:
        if c is node:
            after = True
            continue
        if not after or not isinstance(c, _Node) or c.dropped:
            continue
        seen += 1
        if seen > 3:
            break
        if _squash(_text_all(c)).startswith(("附件", "相关附件")):
            found.append(c)
    return found


def _kept_lines(top: _Node) -> list[tuple[str, str]]:
    return [(t, k) for t, k in _lines(top) if not FURNITURE_LINE.match(t.strip(" \u3000\xa0\t"))]


def _has_title(title: str, lines: list[tuple[str, str]]) -> bool:
    want = _squash(title)
    return any(want in _squash(t) for t, _ in lines[:6])


def _squash(s: str) -> str:
    return re.sub(r"[\s\u3000\xa0]+", "", s)


def read(data: bytes, *, name: str, limits=None) -> RawText:
    text, enc = decode(data)
    builder = _TreeBuilder()
    try:
        builder.feed(text)
        builder.close()
    except Exception as e:  # noqa: BLE001 - html.parser is lenient; anything left is a broken file
        raise ReadError(f"cannot parse the HTML ({type(e).__name__})", path=name, hint="save the page again from the browser") from None
    root = builder.root
    order = _measure(root)
    best = _best(order, root)
    title, title_node = _page_title(builder, order)
    top = best
    lines = _kept_lines(best)
    if cjk_count(title) >= 2 and not _has_title(title, lines):
        top = _widen(best, title_node)
        if top is not best:
            lines = _kept_lines(top)
        if not _has_title(title, lines):
            lines.insert(0, (title, "heading"))
    for sib in _attachment_siblings(top):
        lines.extend(_kept_lines(sib))
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for t, k in lines:
        blocks.append(Block(kind=k, start=pos, end=pos + len(t)))
        parts.append(t)
        pos += len(t) + 1
    return RawText(text="\n".join(parts), format="html", blocks=tuple(blocks), encoding=enc)
