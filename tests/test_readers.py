"""The .pdf, .docx and .html readers on real files: the committed samples and fixtures, and
files built here in tmp_path (python-docx for Word, fpdf2 for PDF when it is installed).

A reader gives the text one paragraph a line, plus block hints, and nothing else.
"""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest

from castdoc.errors import NoTextLayer, ReadError, TooLarge
from castdoc.parse import Limits, read_bytes, read_path
from castdoc.parse import docx as docx_reader
from castdoc.parse import html as html_reader
from castdoc.parse import pdf as pdf_reader

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def lines_of(text: str) -> list[str]:
    return [ln.strip(" \u3000\xa0\t") for ln in text.splitlines() if ln.strip(" \u3000\xa0\t")]


# ============================================================== PDF
@pytest.mark.parametrize(
    "line, is_number",
    [
        ("— 1 —", True), ("-2-", True), ("- 12 -", True), ("第1页", True), ("第 3 页 共 5 页", True),
        ("共5页 第3页", True), ("1/3", True), ("Page 2 of 9", True), ("7", True), ("iv", True),
        ("一、总体要求", False), ("2024年5月", False), ("第一章 总则", False), ("12345", False),
        ("1.组织申报", False), ("联系电话：0571-87654321", False),
    ],
)
def test_page_number_lines(line, is_number):
    assert bool(pdf_reader.PAGE_NUMBER.match(line)) is is_number


@pytest.fixture(scope="module")
def notice_pdf():
    return read_path(SAMPLES / "notice.pdf")


def test_pdf_drops_page_numbers_and_running_heads(notice_pdf):
    raw = notice_pdf
    assert raw.format == "pdf" and raw.pages == 3
    assert "—" not in raw.text  # the only dashes in the PDF are the page numbers'
    assert raw.headers == ("某省科学技术协会文件\u3000某科协发〔2024〕15号",)
    assert raw.text.count("某科协发〔2024〕15号") == 1  # the 发文字号 itself, not the running head


def test_pdf_joins_a_sentence_over_the_page_end(notice_pdf):
    raw = notice_pdf
    assert "（一）申报范围。各市科协所属县级科协、乡镇（街道）科协，各高校科协、企业科协以及省级学会设立的服务站点均可申报。" in lines_of(raw.text)
    breaks = [b for b in raw.blocks if b.kind == "page_break"]
    assert [b.page for b in breaks] == [1, 2]
    # the first break falls inside that paragraph, the page's last line being "…均可申"
    assert raw.text[breaks[0].start - 3:breaks[0].start] == "均可申"


def test_pdf_paragraphs_titles_and_signature(notice_pdf):
    got = lines_of(notice_pdf.text)
    want = lines_of((SAMPLES / "notice.txt").read_text(encoding="utf-8"))
    assert got == want  # the two-line title, wrapped recipients, hanging attachment, signature order


def test_pdf_marks_the_masthead_and_the_red_rule(notice_pdf):
    blocks = notice_pdf.blocks
    head = next(b for b in blocks if b.style == "masthead")
    assert notice_pdf.text[head.start:head.end] == "某省科学技术协会文件"
    rule = next(b for b in blocks if b.kind == "rule")
    assert notice_pdf.text[rule.start:].startswith("某省科协关于开展")  # between 版头 and title


def test_pdf_two_columns_written_row_by_row_read_column_by_column():
    raw = read_path(FIXTURES / "columns.pdf")
    got = lines_of(raw.text)
    page = (SAMPLES / "page.txt").read_text(encoding="utf-8").replace("时\n\n期", "时期")
    want = lines_of(page)
    assert got[0] == "某省科技报"  # the paper's name, large: kept
    assert raw.headers == ("2024年6月5日 第3版",)  # the small running head above it: apart
    assert got[1:] == want


def test_pdf_reader_is_fast(notice_pdf):
    data = (SAMPLES / "notice.pdf").read_bytes()
    pdf_reader.read(data, name="warm", limits=Limits())
    t0 = time.perf_counter()
    for _ in range(5):
        pdf_reader.read(data, name="x.pdf", limits=Limits())
    per_page = (time.perf_counter() - t0) / 5 / 3
    assert per_page < 0.05, f"{per_page * 1000:.1f} ms a page"


def test_pdf_garbage_and_truncated_are_read_errors():
    with pytest.raises(ReadError, match="not a readable PDF"):
        read_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20, name="garbage.pdf", suffix=".pdf")
    data = (SAMPLES / "notice.pdf").read_bytes()
    try:
        raw = read_bytes(data[: len(data) // 3], name="cut.pdf", suffix=".pdf")
    except ReadError:
        pass  # refused cleanly, or …
    else:
        assert raw.text  # … pdfium rebuilt what it could


def test_pdf_page_limit():
    with pytest.raises(TooLarge, match="3 pages"):
        read_bytes((SAMPLES / "notice.pdf").read_bytes(), name="n.pdf", suffix=".pdf", limits=Limits(max_pages=2))


# --- PDFs made here with fpdf2's core fonts (no CJK font needed) -----------------------
def _fpdf():
    return pytest.importorskip("fpdf", reason="fpdf2 builds the test PDFs: pip install 'castdoc[samples]'")


SENTENCE = "The committee asked every member society to report its plans for the science week. "


def _latin_pdf(paragraphs: int, *, footer: str = "- {n} -", header: str | None = "Science Office Weekly") -> bytes:
    fpdf = _fpdf()

    class Doc(fpdf.FPDF):
        def header(self):
            if header:
                self.set_font("helvetica", size=9)
                self.set_xy(72, 24)
                self.cell(0, 10, header, align="R", new_x="LMARGIN", new_y="NEXT")
                self.set_y(72)

        def footer(self):
            self.set_font("helvetica", size=10)
            self.set_y(-40)
            self.cell(0, 10, footer.format(n=self.page_no(), total="{nb}"), align="C")

    pdf = Doc(format="A4", unit="pt")
    pdf.set_margins(72, 72, 72)
    pdf.set_auto_page_break(True, 72)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for i in range(paragraphs):
        pdf.multi_cell(0, 16, f"Paragraph {i}. " + (SENTENCE * 6).strip(), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    return bytes(pdf.output())


@pytest.mark.parametrize("footer", ["- {n} -", "Page {n} of {total}", "{n}"])
def test_pdf_page_number_inside_a_sentence_is_dropped_and_the_sentence_joined(footer):
    raw = read_bytes(_latin_pdf(9, footer=footer), name="weekly.pdf", suffix=".pdf")
    assert raw.pages == 2
    paras = raw.text.split("\n")
    assert len(paras) == 9
    assert all(p.endswith((SENTENCE * 6).strip()) for p in paras)
    brk = next(b for b in raw.blocks if b.kind == "page_break")
    para = next(k for k, p in enumerate(paras) if sum(len(x) + 1 for x in paras[: k + 1]) > brk.start)
    assert 0 < brk.start - sum(len(x) + 1 for x in paras[:para]) < len(paras[para])  # mid-paragraph
    assert raw.headers == ("Science Office Weekly",)


def test_pdf_table_row_on_a_one_column_page_is_one_line():
    fpdf = _fpdf()
    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.text(72, 100, "Contacts for the science week are listed below.")
    for row, cells in enumerate([("Office", "Contact", "Phone"), ("City society", "Zhang Ming", "0571-88880001")]):
        for col, cell in enumerate(cells):
            pdf.text(72 + col * 150, 130 + row * 18, cell)
    raw = read_bytes(bytes(pdf.output()), name="table.pdf", suffix=".pdf")
    assert raw.text.split("\n")[1:] == ["Office\tContact\tPhone", "City society\tZhang Ming\t0571-88880001"]


def test_pdf_image_only_has_no_text_layer():
    fpdf = _fpdf()
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_fill_color(120, 120, 120)
    pdf.rect(20, 20, 150, 200, style="F")
    with pytest.raises(NoTextLayer, match="no text layer") as e:
        read_bytes(bytes(pdf.output()), name="scan.pdf", suffix=".pdf")
    assert "OCR" in e.value.hint


def test_pdf_encrypted_needs_a_password():
    fpdf = _fpdf()
    pdf = fpdf.FPDF()
    try:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    except Exception as e:  # noqa: BLE001 - an fpdf2 without encryption support
        pytest.skip(f"fpdf2 cannot encrypt here: {e}")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Notice of the science week")
    with pytest.raises(ReadError, match="encrypted") as e:
        read_bytes(bytes(pdf.output()), name="locked.pdf", suffix=".pdf")
    assert "password" in e.value.line()


def test_pdf_three_columns_read_left_to_right():
    _fpdf()
    import re
    import textwrap

    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("helvetica", size=9)
    cols = [textwrap.wrap(" ".join(f"C{c} item {i} tells how the society served its members." for i in range(10)), 34)
            for c in range(3)]
    for row in range(max(map(len, cols))):  # written across the page, row by row
        for c, lines in enumerate(cols):
            if row < len(lines):
                pdf.text(40 + c * 180, 80 + row * 12, lines[row])
    raw = read_bytes(bytes(pdf.output()), name="three.pdf", suffix=".pdf")
    order = re.findall(r"C(\d) item (\d+)", raw.text)
    assert order == [(str(c), str(i)) for c in range(3) for i in range(10)]


# ============================================================== DOCX

def _save(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def read_docx(doc, **kw):
    return read_bytes(_save(doc), name="t.docx", suffix=".docx", **kw)


def test_docx_body_inside_a_table_cell():
    doc = docx.Document()
    doc.add_paragraph("某市科协文件")
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = "关于举办青少年科技创新大赛的通知"
    cell.add_paragraph("各区科协：")
    cell.add_paragraph("为激发青少年科学兴趣，市科协定于2024年7月举办大赛，请于6月10日前报送参赛名单。")
    doc.add_paragraph("某市科学技术协会")
    assert lines_of(read_docx(doc).text) == [
        "某市科协文件", "关于举办青少年科技创新大赛的通知", "各区科协：",
        "为激发青少年科学兴趣，市科协定于2024年7月举办大赛，请于6月10日前报送参赛名单。", "某市科学技术协会",
    ]


def test_docx_data_table_rows_are_lines():
    doc = docx.Document()
    doc.add_paragraph("附件：联系人名单")
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([("单位", "联系人", "电话"), ("市科协", "张明", "0571-88880001"), ("区科协", "王芳", "0571-88880002")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    raw = read_docx(doc)
    assert raw.text.split("\n")[1:] == ["单位\t联系人\t电话", "市科协\t张明\t0571-88880001", "区科协\t王芳\t0571-88880002"]
    assert [b.kind for b in raw.blocks] == ["paragraph", "table_row", "table_row", "table_row"]


TEXTBOX_RUN = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  xmlns:v="urn:schemas-microsoft-com:vml">
 <mc:AlternateContent>
  <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>
   <w:p><w:r><w:t>本报讯（通讯员 林静）6月3日，市科协在科技馆举办科普开放日活动。</w:t></w:r></w:p>
   <w:p><w:r><w:t>活动吸引了300余名市民参加。</w:t></w:r></w:p>
  </w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
   <w:p><w:r><w:t>本报讯（通讯员 林静）6月3日，市科协在科技馆举办科普开放日活动。</w:t></w:r></w:p>
   <w:p><w:r><w:t>活动吸引了300余名市民参加。</w:t></w:r></w:p>
  </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
 </mc:AlternateContent>
</w:r>"""


def test_docx_text_box_read_once_in_document_order():
    from docx.oxml import parse_xml

    doc = docx.Document()
    doc.add_paragraph("市科协举办科普开放日活动")
    anchor = doc.add_paragraph()
    anchor._p.append(parse_xml(TEXTBOX_RUN))
    doc.add_paragraph("（市科协科普部）")
    raw = read_docx(doc)
    assert raw.text.split("\n") == [
        "市科协举办科普开放日活动",
        "本报讯（通讯员 林静）6月3日，市科协在科技馆举办科普开放日活动。",
        "活动吸引了300余名市民参加。",
        "（市科协科普部）",
    ]
    assert [b.kind for b in raw.blocks] == ["paragraph", "textbox", "textbox", "paragraph"]


def test_docx_headers_and_footers_kept_apart():
    doc = docx.Document()
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "某市科学技术协会"
    sec.footer.paragraphs[0].text = "内部资料 注意保存"
    doc.add_paragraph("关于开展科技工作者状况调查的通知")
    raw = read_docx(doc)
    assert raw.text == "关于开展科技工作者状况调查的通知"
    assert set(raw.headers) == {"某市科学技术协会", "内部资料 注意保存"}


NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 <w:abstractNum w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
 </w:abstractNum>
 <w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
</w:numbering>"""


def _numbered(p, ilvl: int) -> None:
    from docx.oxml import parse_xml

    p._p.get_or_add_pPr().append(parse_xml(
        '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'
    ))


def test_docx_automatic_numbers_are_drawn_and_hinted():
    from docx.oxml import parse_xml

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    for child in parse_xml(NUMBERING):
        numbering.append(child)
    for text, lvl in [("总体要求", 0), ("工作目标", 1), ("基本原则", 1), ("主要任务", 0), ("开展学术交流", 1),
                      ("每年举办一次年会", 2), ("编印会讯", 2)]:
        _numbered(doc.add_paragraph(text), lvl)
    raw = read_docx(doc)
    assert raw.text.split("\n") == ["一、总体要求", "（一）工作目标", "（二）基本原则", "二、主要任务", "（一）开展学术交流",
                                    "1.每年举办一次年会", "2.编印会讯"]
    assert raw.blocks[0].style.endswith("list 1") and raw.blocks[5].style.endswith("list 3")


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五"), (100, "一百"),
                                     (105, "一百零五"), (110, "一百一十")])
def test_chinese_counting(n, text):
    assert docx_reader.chinese_number(n) == text


def test_docx_heading_style_breaks_deletions_and_hidden_text():
    from docx.oxml import parse_xml

    doc = docx.Document()
    doc.add_heading("关于做好科普日活动的通知", level=1)
    p = doc.add_paragraph("联系人：陈立")
    p.add_run().add_break()
    p.add_run("电话：0571-86660001")
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p2 = doc.add_paragraph("请于5月10日前报送。")
    p2._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="x"><w:r><w:delText>请于4月30日前报送。</w:delText></w:r></w:del>'))
    p2._p.append(parse_xml(f'<w:r {W}><w:rPr><w:vanish/></w:rPr><w:t>（内部备注）</w:t></w:r>'))
    raw = read_docx(doc)
    assert raw.text == "关于做好科普日活动的通知\n联系人：陈立\n电话：0571-86660001\n请于5月10日前报送。"
    assert raw.blocks[0].kind == "heading" and raw.blocks[0].style == "Heading 1"


def test_docx_nested_tables_deep_do_not_recurse():
    doc = docx.Document()
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    for _ in range(60):
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = "最里层的通知正文"
    assert read_docx(doc).text == "最里层的通知正文"


def test_docx_garbage_is_not_a_zip():
    with pytest.raises(ReadError, match="not a zip archive"):
        read_bytes(b"PK\x03\x04" + bytes(range(256)) * 10, name="bad.docx", suffix=".docx")


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in members.items():
            zf.writestr(n, data)
    return buf.getvalue()


def test_docx_zip_that_is_not_word():
    with pytest.raises(ReadError, match="a zip archive but not a Word document"):
        read_bytes(_zip({"readme.txt": "通知".encode()}), name="x.docx", suffix=".docx")
    with pytest.raises(ReadError, match="Excel"):
        read_bytes(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}), name="x.docx", suffix=".docx")


def test_docx_zip_bomb_refused_without_inflating():
    zeros = bytes(20 * 1024 * 1024)
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": zeros})
    assert len(bomb) < 100 * 1024
    t0 = time.perf_counter()
    with pytest.raises(TooLarge, match="unzips to 20 MB"):
        read_bytes(bomb, name="bomb.docx", suffix=".docx", limits=Limits(max_unzipped=4 * 1024 * 1024))
    # under the size limit, the compression ratio still gives it away
    with pytest.raises(TooLarge, match="expands"):
        read_bytes(bomb, name="bomb.docx", suffix=".docx", limits=Limits())
    assert time.perf_counter() - t0 < 1.0


def test_docx_password_protected_is_named():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le") + bytes(500)
    with pytest.raises(ReadError, match="password-protected"):
        read_bytes(ole, name="locked.docx", suffix=".docx")
    with pytest.raises(ReadError, match="Word 97-2003"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000), name="old.docx", suffix=".docx")


def test_docx_damaged_inside():
    good = _save(docx.Document())
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["word/document.xml"] = b"<w:document><w:body><w:p>unclosed"
    with pytest.raises(ReadError, match="damaged"):
        read_bytes(_zip(members), name="broken.docx", suffix=".docx")


# ============================================================== HTML
def test_html_sample_keeps_the_notice_and_drops_the_site():
    raw = read_path(SAMPLES / "notice.html")
    text = raw.text
    for furniture in ("首页", "当前位置", "分享到", "微信", "上一篇", "下一篇", "打印", "关闭", "版权所有", "ICP", "最新通知",
                      "搜索", "设为首页", "_hmt"):
        assert furniture not in text, furniture
    assert lines_of(text)[0] == "某省科学技术协会文件"


def _page(body: str, *, head: str = "<title>关于举办科技活动周的通知_通知公告_某市科协</title>", charset: str = "utf-8") -> str:
    return f'<!DOCTYPE html><html><head><meta charset="{charset}">{head}</head><body>{body}</body></html>'


CONTENT = (
    '<div class="TRS_Editor"><p>各区科协：</p><p>为营造全社会崇尚科学的氛围，市科协定于5月18日至25日举办科技活动周，'
    "现将有关事项通知如下。</p><p>一、请各区科协于5月10日前报送活动安排，内容包括活动名称、时间、地点和联系人。</p>"
    "<p>二、活动期间要注意安全，做好应急预案。</p><p>某市科学技术协会<br>2024年4月20日</p></div>"
)


def read_html(page: str, encoding: str = "utf-8"):
    return read_bytes(page.encode(encoding), name="p.html", suffix=".html")


def test_html_title_put_first_when_the_block_lacks_it():
    page = _page(
        '<div class="nav"><a href="/">首页</a><a href="/a">科协概况</a><a href="/b">通知公告</a></div>'
        '<div class="top"><div class="x"><div class="y"><h1>关于举办科技活动周的通知</h1></div></div></div>'
        '<div class="main"><div class="a"><div class="b"><div class="c">'
        f'{CONTENT}</div></div></div>'
        '<div class="list">相关阅读：<a href="/n/1">市科协召开全委会议</a><a href="/n/2">科普大篷车走进社区</a></div></div>'
        '<div class="footer">版权所有 某市科学技术协会</div>'
    )
    got = lines_of(read_html(page).text)
    assert got[0] == "关于举办科技活动周的通知"
    assert got[1] == "各区科协："
    assert got[-2:] == ["某市科学技术协会", "2024年4月20日"]


def test_html_title_and_date_beside_the_block_are_taken_in():
    page = _page(
        '<div class="wrap"><div class="left"><h1>关于举办科技活动周的通知</h1><div class="date">发布日期：2024-04-20</div></div>'
        f'<div class="right">{CONTENT}</div></div>'
    )
    got = lines_of(read_html(page).text)
    assert got[:3] == ["关于举办科技活动周的通知", "发布日期：2024-04-20", "各区科协："]


def test_html_title_from_title_tag_without_site_name():
    got = lines_of(read_html(_page(CONTENT)).text)
    assert got[0] == "关于举办科技活动周的通知"


def test_html_title_and_source_line_just_outside_are_taken_in():
    page = _page(
        '<div class="article"><h2 class="title">关于举办科技活动周的通知</h2>'
        '<div class="info">来源：市科协科普部　发布时间：2024-04-20</div>'
        f"{CONTENT}"
        '<div class="share">分享到：<a>微博</a><a>微信</a></div><p>上一篇：<a href="/1">关于公布优秀科普作品的通知</a></p></div>'
    )
    got = lines_of(read_html(page).text)
    assert got[:3] == ["关于举办科技活动周的通知", "来源：市科协科普部\u3000发布时间：2024-04-20", "各区科协："]
    assert not any("上一篇" in g or "分享" in g for g in got)


@pytest.mark.parametrize("charset, encoding", [("gb2312", "gb18030"), ("GBK", "gb18030"), ("utf-8", "utf-8")])
def test_html_meta_charset(charset, encoding):
    raw = read_html(_page(CONTENT, charset=charset), encoding)
    assert "为营造全社会崇尚科学的氛围" in raw.text


def test_html_big5_page():
    page = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=big5'></head><body>" \
           "<div><p>各區科協：為營造全社會崇尚科學的氛圍，現將有關事項通知如下。</p></div></body></html>"
    raw = read_html(page, "big5")
    assert "為營造全社會崇尚科學的氛圍" in raw.text


def test_html_without_charset_falls_back_to_gb18030():
    page = f"<html><head><title>通知</title></head><body>{CONTENT}</body></html>"
    raw = read_html(page, "gb18030")
    assert raw.encoding == "gb18030" and "各区科协：" in raw.text


def test_html_bom_wins():
    data = "\ufeff".encode("utf-16-le") + _page(CONTENT, charset="gbk").encode("utf-16-le")
    raw = read_bytes(data, name="p.html", suffix=".html")
    assert "各区科协：" in raw.text


def test_html_blocks_breaks_tables_scripts():
    page = _page(
        "<script>document.write('广告位招租广告位招租');</script><style>p{color:red}</style>"
        + CONTENT.replace("</div>", "<table><tr><td>单位</td><td>联系人</td><td>电话</td></tr>"
                          "<tr><td>市科协</td><td>张明</td><td>0571-88880001</td></tr></table></div>")
    )
    raw = read_html(page)
    assert "广告位" not in raw.text and "color" not in raw.text
    assert "某市科学技术协会\n2024年4月20日" in raw.text
    assert "市科协\t张明\t0571-88880001" in raw.text
    assert any(b.kind == "table_row" for b in raw.blocks)


def test_html_deep_nesting_does_not_recurse():
    depth = 10_000
    page = _page("<div>" * depth + CONTENT + "</div>" * depth)
    t0 = time.perf_counter()
    raw = read_html(page)
    assert "为营造全社会崇尚科学的氛围" in raw.text
    assert time.perf_counter() - t0 < 10
    unclosed = _page("<div><span>" * 5000 + CONTENT)  # never closed at all
    assert "各区科协：" in read_html(unclosed).text


def test_html_attachment_box_after_the_text_is_kept():
    page = _page(
        f'<div class="article">{CONTENT}<div class="fujian">附件：<a href="/f/1.docx">1.科技活动周活动安排表</a>'
        '<a href="/f/2.xlsx">2.活动联系人名单</a></div><div class="pager">上一篇：<a>关于公布名单的通知</a></div></div>'
    )
    got = lines_of(read_html(page).text)
    assert got[-1] == "附件：1.科技活动周活动安排表2.活动联系人名单"


def test_html_furniture_class_kept_when_it_holds_the_article():
    page = _page(f'<div class="main-nav-wrap"><div class="content">{CONTENT}</div></div>')
    assert "各区科协：" in read_html(page).text


def test_html_reader_needs_no_third_party_parser():
    import ast

    from castdoc.parse import html_tree

    for module in (html_reader, html_tree):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module and n.level == 0}
        assert imported <= {"__future__", "codecs", "re", "html"}
