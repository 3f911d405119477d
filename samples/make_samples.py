#!/usr/bin/env python3
"""Build the sample notice in every format castdoc reads, from ``samples/notice.txt``.

    python samples/make_samples.py [--font PATH] [--out samples] [--fixtures tests/fixtures]

Writes ``notice-gb18030.txt``, ``notice.docx`` (python-docx), ``notice.pdf`` (fpdf2 with an
embedded CJK TrueType font, laid out after GB/T 9704-2012: red 发文机关标志 and rule, 28
characters a line, 22 lines a page, a running head and ``— 1 —`` page numbers, a sentence
running over a page end) and ``notice.html`` (a saved web page with navigation, breadcrumb,
share buttons, 上一篇/下一篇 and a copyright footer around the notice), plus the PDF
fixtures of the reader tests (``columns.pdf``: a two-column newspaper page written line by
line across both columns).

The outputs are committed, so tests and users need neither fpdf2 nor a font; rerun this
after editing notice.txt or page.txt. Needs ``pip install 'castdoc[samples]'`` and a CJK
font (``apt-get install fonts-wqy-microhei`` or ``fonts-noto-cjk``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)
RED = (230, 0, 18)
FIXED_TIME = dt.datetime(2024, 4, 28, 9, 0, 0)

# GB/T 9704-2012 in points: 3号 (16 pt) body, 28 characters a line, 22 lines a page.
PAGE_W, PAGE_H = 595.28, 841.89
LEFT = 79.4
BODY_PT = 16.0
TEXT_W = 28 * BODY_PT
TOP = 104.9
PITCH = 29.0
LINES_PER_PAGE = 22
BOTTOM = TOP + LINES_PER_PAGE * PITCH
NO_LINE_START = set("，。、；：？！）》”’」』】〕,.;:?!)")
NO_LINE_END = set("（《“‘「『【〔(")


def find_font(explicit: str | None = None) -> str:
    if explicit:
        if not Path(explicit).is_file():
            sys.exit(f"font not found: {explicit}")
        return explicit
    for cand in FONT_CANDIDATES:
        if Path(cand).is_file():
            return cand
    if shutil.which("fc-match"):
        out = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh-cn"], capture_output=True, text=True).stdout.strip()
        if out.lower().endswith((".ttf", ".ttc", ".otf")) and Path(out).is_file():
            return out
    sys.exit("no CJK font found: apt-get install fonts-wqy-microhei (or pass --font PATH)")


# ---------------------------------------------------------------- the notice as parts
def notice_parts(text: str) -> list[tuple[str, str]]:
    """(role, text) for each paragraph of the notice, the roles GB/T 9704 lays out."""
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    parts: list[tuple[str, str]] = []
    in_attach = False
    for k, p in enumerate(paras):
        if k == 0 and p.endswith("文件"):
            role = "masthead"
        elif re.fullmatch(r"\S{1,16}〔\d{4}〕\d+号", p):
            role = "docno"
        elif p.startswith("关于") or (re.search(r"关于.+的通知$", p) and len(p) < 60):
            role = "title"
        elif p.endswith("：") and k < 6:
            role = "recipients"
        elif p.startswith("附件"):
            role, in_attach = "attach", True
        elif in_attach and re.match(r"\d+\.", p):
            role = "attach2"
        elif re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", p):
            role = "date"
        elif k + 1 < len(paras) and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", paras[k + 1]):
            role = "signature"
        elif p.startswith(("抄送", "印发")):
            role = "cc"
        else:
            role = "body"
        parts.append((role, p))
    return parts


# ---------------------------------------------------------------- PDF
def _break_lines(pdf, text: str, width: float, first_indent: float, indent: float) -> list[tuple[float, str, bool]]:
    """(x offset, line, last?) with the CJK line-break rules a typesetter keeps."""
    out: list[tuple[float, str, bool]] = []
    i = 0
    x_off = first_indent
    while i < len(text):
        avail = width - x_off
        j = i
        w = 0.0
        while j < len(text):
            cw = pdf.get_string_width(text[j])
            if w + cw > avail + 0.01:
                break
            w += cw
            j += 1
        if j < len(text):
            # keep digit and Latin runs whole, no closing mark at a line start, no opening at an end
            k = j
            while k > i + 1 and _latin(text[k - 1]) and _latin(text[k]):
                k -= 1
            if k > i + 1:
                j = k
            while j > i + 1 and (text[j] in NO_LINE_START or text[j - 1] in NO_LINE_END):
                j -= 1
        out.append((x_off, text[i:j], j >= len(text)))
        i = j
        x_off = indent
    return out


def _latin(ch: str) -> bool:
    return ch.isascii() and not ch.isspace()


def make_pdf(parts: list[tuple[str, str]], font: str, target: Path, *, header: str, lead: float = 0.0) -> list[str]:
    from fpdf import FPDF

    class Page(FPDF):
        def header(self) -> None:
            self.set_font("cjk", size=10.5)
            self.set_text_color(90, 90, 90)
            self.set_char_spacing(0)
            self.text(LEFT + TEXT_W - self.get_string_width(header), 62, header)
            self.set_draw_color(90, 90, 90)
            self.set_line_width(0.5)
            self.line(LEFT, 68, LEFT + TEXT_W, 68)
            self.set_text_color(0, 0, 0)

        def footer(self) -> None:
            self.set_font("cjk", size=14)
            self.set_char_spacing(0)
            label = f"— {self.page_no()} —"
            w = self.get_string_width(label)
            x = LEFT + TEXT_W - BODY_PT - w if self.page_no() % 2 else LEFT + BODY_PT
            self.text(x, BOTTOM + 32, label)

    pdf = Page(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=font)
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title("sample notice")
    pdf.set_creator("castdoc samples/make_samples.py")
    pdf.add_page()
    y = TOP
    notes: list[str] = []

    def put(line: str, x: float, size: float, justify_to: float | None = None, color=(0, 0, 0)) -> None:
        pdf.set_font("cjk", size=size)
        pdf.set_text_color(*color)
        spacing = 0.0
        if justify_to is not None and len(line) > 1:
            spacing = max(0.0, (justify_to - pdf.get_string_width(line)) / (len(line) - 1))
        pdf.set_char_spacing(spacing)
        pdf.text(x, y, line)
        pdf.set_char_spacing(0)

    def newline(pitch: float = PITCH) -> None:
        nonlocal y
        y += pitch
        if y > BOTTOM:
            pdf.add_page()
            y = TOP + BODY_PT

    y = TOP + 30
    for role, text in parts:
        if role == "masthead":
            pdf.set_font("cjk", size=34)
            put(text, LEFT + (TEXT_W - pdf.get_string_width(text)) / 2, 34, color=RED)
            y += 80
        elif role == "docno":
            pdf.set_font("cjk", size=BODY_PT)
            put(text, LEFT + (TEXT_W - pdf.get_string_width(text)) / 2, BODY_PT)
            y += 14
            pdf.set_draw_color(*RED)
            pdf.set_line_width(1.5)
            pdf.line(LEFT, y, LEFT + TEXT_W, y)
            y += 60
        elif role == "title":
            pdf.set_font("cjk", size=22)
            for _, line, _ in _break_lines(pdf, text, TEXT_W - 44, 0, 0):
                put(line, LEFT + (TEXT_W - pdf.get_string_width(line)) / 2, 22)
                y += 34
            y += PITCH - 34 + 10 + lead
        elif role in ("signature", "date"):
            pdf.set_font("cjk", size=BODY_PT)
            right = 2 * BODY_PT if role == "signature" else 0
            if role == "signature":
                newline()
            put(text, LEFT + TEXT_W - right - pdf.get_string_width(text), BODY_PT)
            newline()
        else:
            pdf.set_font("cjk", size=BODY_PT)
            first = 0.0 if role in ("recipients", "cc") else 2 * BODY_PT
            rest = 0.0
            if role == "attach":
                newline()
                rest = 2 * BODY_PT + pdf.get_string_width("附件：")
            elif role == "attach2":
                first = rest = 2 * BODY_PT + pdf.get_string_width("附件：")
            elif role == "cc":
                newline(2 * PITCH)
            placed_on = None
            lines = _break_lines(pdf, text, TEXT_W, first, rest)
            for n, (x_off, line, last) in enumerate(lines):
                if placed_on is not None and pdf.page_no() != placed_on and lines[n - 1][1][-1] not in "。；：":
                    notes.append(f"page {placed_on}→{pdf.page_no()} mid-sentence: …{lines[n - 1][1][-8:]}|{line[:8]}…")
                put(line, LEFT + x_off, BODY_PT, None if last else TEXT_W - x_off)
                placed_on = pdf.page_no()
                newline()
    pdf.output(str(target))
    return notes


# ---------------------------------------------------------------- DOCX
def make_docx(parts: list[tuple[str, str]], target: Path, *, header: str) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "FangSong"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    props = doc.core_properties
    props.author = props.last_modified_by = "castdoc samples"
    props.created = props.modified = FIXED_TIME
    props.title = "sample notice"

    sec.header.paragraphs[0].text = header
    sec.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot = sec.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("— ")
    _page_field(foot, OxmlElement, qn)
    foot.add_run(" —")

    for role, text in parts:
        if role == "title":
            p = doc.add_paragraph(style="Title")
            run = p.add_run(text)
            run.font.size = Pt(22)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        p = doc.add_paragraph()
        run = p.add_run(text)
        fmt = p.paragraph_format
        if role == "masthead":
            run.font.size = Pt(34)
            run.font.color.rgb = RGBColor(*RED)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif role == "docno":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif role in ("signature", "date"):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fmt.right_indent = Pt(32 if role == "signature" else 0)
        elif role == "attach2":
            fmt.left_indent = Pt(80)
        elif role not in ("recipients", "cc"):
            fmt.first_line_indent = Pt(32)
            if re.match(r"[一二三四五六七八九十]+、", text):
                run.bold = True
    doc.save(str(target))


def _page_field(paragraph, OxmlElement, qn) -> None:
    run = paragraph.add_run()
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, None), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
        else:
            el = OxmlElement("w:t")
            el.text = "1"
        run._r.append(el)


# ---------------------------------------------------------------- HTML
def make_html(parts: list[tuple[str, str]], target: Path) -> None:
    title = next(t for r, t in parts if r == "title")
    e = html.escape
    body: list[str] = []
    for role, text in parts:
        if role == "masthead":
            body.append(f'<p style="text-align:center"><span style="color:#e60012;font-size:32px">{e(text)}</span></p>')
        elif role in ("docno", "title"):
            tag = "p" if role == "docno" else "p class=\"doc-title\""
            body.append(f'<{tag} style="text-align:center">{e(text)}</{tag.split()[0]}>')
        elif role in ("signature", "date"):
            body.append(f'<p style="text-align:right">{e(text)}</p>')
        elif role in ("attach", "attach2"):
            m = re.match(r"(附件：)?(\d+\.)(.+)", text)
            head = e(m.group(1) or "") if m else ""
            body.append(
                f'<p style="text-indent:2em">{head}{e(m.group(2))}<a href="/uploads/2024/04/{role}.docx">{e(m.group(3))}</a></p>'
                if m else f"<p>{e(text)}</p>"
            )
        elif role in ("recipients", "cc"):
            body.append(f"<p>{e(text)}</p>")
        else:
            body.append(f'<p style="text-indent:2em">&nbsp;&nbsp;{e(text)}</p>')
    side = "\n".join(
        f'        <li><a href="/tzgg/{n}.html">{e(t)}</a><span>2024-0{m}-1{n}</span></li>'
        for n, (t, m) in enumerate((
            ("关于举办2024年全省学会秘书长培训班的通知", 4),
            ("关于公布2023年度优秀科普作品名单的通知", 3),
            ("关于征集2024年度科技志愿服务项目的通知", 3),
        ))
    )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}_通知公告_某省科学技术协会</title>
<link rel="stylesheet" href="/static/css/main.css">
<style>.article-content p {{ line-height: 2; font-size: 16px; }}</style>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</head>
<body>
<div class="top-bar"><span>今天是：2024年4月28日 星期日</span><a href="#">设为首页</a> | <a href="#">加入收藏</a> | <a href="#">无障碍</a></div>
<header id="header">
  <div class="logo"><a href="/"><img src="/static/img/logo.png" alt="某省科学技术协会"></a></div>
  <form class="search" action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form>
</header>
<nav class="main-nav">
  <ul>
    <li><a href="/">首页</a></li><li><a href="/kxyw/">科协要闻</a></li><li><a href="/tzgg/">通知公告</a></li>
    <li><a href="/xhxs/">学会学术</a></li><li><a href="/kpgz/">科普工作</a></li><li><a href="/djgz/">党建工作</a></li>
  </ul>
</nav>
<div class="container">
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a> &gt; 正文</div>
  <div class="sidebar">
    <h3>最新通知</h3>
    <ul>
{side}
    </ul>
  </div>
  <div class="article">
    <h1 class="article-title">{e(title)}</h1>
    <div class="article-info">发布时间：2024-04-28 10:12　来源：组织人事部　浏览次数：<span id="hits">1024</span>　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
    <div class="article-content" id="zoom">
{chr(10).join('      ' + x for x in body)}
    </div>
    <div class="share-bar">分享到：<a href="#" class="wx">微信</a><a href="#" class="wb">微博</a><a href="#" class="qq">QQ空间</a></div>
    <div class="print-close">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
    <div class="prev-next">
      <p>上一篇：<a href="/tzgg/2.html">关于征集2024年度科技志愿服务项目的通知</a></p>
      <p>下一篇：<a href="/tzgg/1.html">关于公布2023年度优秀科普作品名单的通知</a></p>
    </div>
  </div>
</div>
<footer id="footer">
  <p><a href="/about/">关于我们</a> | <a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a></p>
  <p class="copyright">版权所有：某省科学技术协会　地址：某市文化路100号　邮编：310000</p>
  <p>备案号：某ICP备00000000号-1　技术支持：某网络科技有限公司</p>
</footer>
</body>
</html>
"""
    target.write_text(page, encoding="utf-8")


# ---------------------------------------------------------------- a two-column newspaper page
def make_columns_pdf(page_txt: str, font: str, target: Path) -> None:
    """Both articles of page.txt side by side; each row written left then right, as some
    newspaper systems do, so a reader that trusts the content order interleaves them."""
    from fpdf import FPDF

    paras = [p.strip() for p in page_txt.replace("时\n\n期", "时期").splitlines() if p.strip()]
    cut = next(k for k, p in enumerate(paras) if p.startswith("本报讯")) - 1  # the bulletin's title
    arts = ["\n".join(paras[:cut]), "\n".join(paras[cut:])]
    pdf = FPDF(format="A3", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=font)
    pdf.set_creation_date(FIXED_TIME)
    pdf.add_page()
    size, pitch = 10.5, 16.0
    col_w, gap, left = 22 * size, 2 * size, 60.0
    cols: list[list[tuple[float, str, float | None, float]]] = []
    for art in arts:
        lines: list[tuple[float, str, float | None, float]] = []
        paras = [p.strip() for p in art.splitlines() if p.strip()]
        for k, p in enumerate(paras):
            if k == 0:
                lines.append((0.0, p, None, 15.0))
                continue
            pdf.set_font("cjk", size=size)
            flush = p.endswith("：") or p.startswith(("（", "联系人"))
            for x_off, line, last in _break_lines(pdf, p, col_w, 0 if flush else 2 * size, 0):
                lines.append((x_off, line, None if last else col_w - x_off, size))
        cols.append(lines)
    pdf.set_font("cjk", size=20)
    pdf.text(left, 60, "某省科技报")
    pdf.set_font("cjk", size=9)
    pdf.text(left + 2 * col_w + gap - pdf.get_string_width("2024年6月5日 第3版"), 60, "2024年6月5日 第3版")
    y0 = 100.0
    for row in range(max(len(c) for c in cols)):
        for c, lines in enumerate(cols):
            if row >= len(lines):
                continue
            x_off, line, justify, sz = lines[row]
            pdf.set_font("cjk", size=sz)
            spacing = 0.0
            if justify is not None and len(line) > 1:
                spacing = max(0.0, (justify - pdf.get_string_width(line)) / (len(line) - 1))
            pdf.set_char_spacing(spacing)
            pdf.text(left + c * (col_w + gap) + x_off, y0 + row * pitch, line)
            pdf.set_char_spacing(0)
    pdf.output(str(target))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--font", help="a CJK TrueType font (.ttf/.ttc) to embed in the PDFs")
    ap.add_argument("--out", type=Path, default=HERE, help="where notice.txt is and the samples go")
    ap.add_argument("--fixtures", type=Path, default=HERE.parent / "tests" / "fixtures", help="where reader fixtures go")
    args = ap.parse_args(argv)
    font = find_font(args.font)
    text = (args.out / "notice.txt").read_text(encoding="utf-8")
    parts = notice_parts(text)
    header = "某省科学技术协会文件　" + next(t for r, t in parts if r == "docno")

    (args.out / "notice-gb18030.txt").write_bytes(text.encode("gb18030"))
    make_docx(parts, args.out / "notice.docx", header=header)
    # a little more room under the title until a sentence runs over a page end
    for lead in range(0, 4 * int(PITCH), 4):
        notes = make_pdf(parts, font, args.out / "notice.pdf", header=header, lead=float(lead))
        if notes:
            break
    else:
        sys.exit("no sentence of the PDF runs over a page end; lengthen notice.txt")
    make_html(parts, args.out / "notice.html")
    args.fixtures.mkdir(parents=True, exist_ok=True)
    make_columns_pdf((args.out / "page.txt").read_text(encoding="utf-8"), font, args.fixtures / "columns.pdf")
    print(f"font: {font}")
    for n in notes:
        print("page break", n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
