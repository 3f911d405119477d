"""The committed samples: one notice in five encodings and formats reads as one record,
the bulletin and the newspaper page read as the genre says, and the CLI takes each file.

The samples are ours (samples/make_samples.py builds the .docx, .pdf and .html from
notice.txt); these tests need neither fpdf2 nor a font.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from castdoc.parse import read_path
from castdoc.pipeline import parse_path
from castdoc.record import to_dict

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NOTICE_FORMATS = ["notice.txt", "notice-gb18030.txt", "notice.docx", "notice.pdf", "notice.html"]
# Keys that say where a value sits in one file's text, or which file it came from.
WHERE = {"source", "offset", "first"}


def comparable(value, key: str | None = None):
    """A record without its source, its offsets and the ids made from the source's hash."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in WHERE or (k == "id" and key == "tasks"):
                continue
            if k in ("start", "end") and key == "sections":
                continue
            out[k] = comparable(v, k if isinstance(v, list) else key)
        return out
    if isinstance(value, list):
        return [comparable(v, key) for v in value]
    return value


def records(name: str) -> list[dict]:
    return [to_dict(r) for r in parse_path(SAMPLES / name)]


@pytest.fixture(scope="module")
def txt_record() -> dict:
    recs = records("notice.txt")
    assert len(recs) == 1
    return recs[0]


def test_sample_notice_reads_as_the_genre_says(txt_record):
    r = txt_record
    assert r["kind"] == "notice" and r["doc_type"] == "通知"
    assert r["title"] == "某省科协关于开展2024年度基层科协“科技工作者之家”建设试点工作的通知"
    assert r["doc_number"] == "某科协发〔2024〕15号"
    assert r["issuer"] == "某省科学技术协会"
    assert r["issued"] == "2024-04-28"
    assert r["recipients"] == ["各市科协", "各省级学会、协会、研究会", "各高校科协、企业科协"]
    assert r["attachments"] == ["2024年度基层科协“科技工作者之家”建设试点申报表", "2024年度试点申报单位汇总表"]
    assert r["contacts"][0]["name"] == "李晓红"
    assert r["contacts"][0]["phone"] == "0571-87654321"
    assert r["contacts"][0]["email"] == "jczz@kx.example.org.cn"
    assert r["cc"] == ["中国科协组织人事部"]
    assert [s["marker"] for s in r["sections"] if s["level"] == 1] == ["一、", "二、", "三、", "四、"]


@pytest.mark.parametrize("name", NOTICE_FORMATS[1:])
def test_the_same_notice_gives_the_same_record_in_every_format(txt_record, name):
    recs = records(name)
    assert len(recs) == 1
    rec = recs[0]
    assert rec["source"]["format"] == Path(name).suffix.lstrip(".")
    # the fields a user acts on, one by one for a readable failure, then everything
    for key in ("kind", "title", "doc_number", "issuer", "issued", "recipients", "attachments", "contacts", "cc"):
        assert rec[key] == txt_record[key], key
    assert comparable(rec) == comparable(txt_record)


@pytest.mark.parametrize("name", NOTICE_FORMATS[1:])
def test_each_format_gives_the_notice_paragraph_for_paragraph(name):
    """The readers give notice.txt's paragraphs, one a line: nothing lost, nothing added."""
    want = [ln.strip() for ln in (SAMPLES / "notice.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    raw = read_path(SAMPLES / name)
    got = [ln.strip(" \u3000\xa0\t") for ln in raw.text.splitlines() if ln.strip()]
    assert got == want


def test_gb18030_sample_is_really_gb18030():
    data = (SAMPLES / "notice-gb18030.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("gb18030") == (SAMPLES / "notice.txt").read_text(encoding="utf-8")
    assert read_path(SAMPLES / "notice-gb18030.txt").encoding == "gb18030"


def test_sample_bulletin():
    recs = records("bulletin.txt")
    assert len(recs) == 1
    r = recs[0]
    assert r["kind"] == "bulletin"
    assert r["title"] == "省科协举办“科创中国”院士专家服务企业创新发展对接活动"
    assert r["byline"] == ["记者 陈思远", "通讯员 刘宁"]
    assert r["issuer"] == "省科协企业工作部"
    text = (SAMPLES / "bulletin.txt").read_text(encoding="utf-8")
    for needle in ("“科创中国”", "院士专家工作站", "“海智计划”", "5月28日上午", "党组成员、副主席赵明远", "王建华院士"):
        assert needle in text


def test_newspaper_page_is_two_articles_with_the_page_break_joined():
    recs = records("page.txt")
    assert [r["kind"] for r in recs] == ["notice", "bulletin"]
    assert recs[0]["title"] == "某省科协关于深入开展科技志愿服务助力乡村振兴的通知"
    assert recs[0]["issued"] == "2024-05-10"
    assert recs[1]["title"] == "科技志愿服务队走进山区果园"
    assert "时\n\n期" in (SAMPLES / "page.txt").read_text(encoding="utf-8")  # the artefact is there …
    first = next(s for s in recs[0]["sections"] if s["marker"] == "一、")
    assert "贯穿“十四五”时期科协服务乡村振兴工作" in first["text"]  # … and read across


def test_two_column_newspaper_pdf_reads_as_the_page():
    """The fixture sets page.txt's two articles side by side, written row by row."""
    want = [r for r in records("page.txt")]
    got = [to_dict(r) for r in parse_path(FIXTURES / "columns.pdf")]
    assert [r["title"] for r in got] == [r["title"] for r in want]
    for key in ("kind", "issuer", "issued", "recipients", "contacts", "byline"):
        assert [r[key] for r in got] == [r[key] for r in want], key


@pytest.fixture(scope="module")
def cli_run():
    """One ``castdoc parse`` over every sample, as a user runs it."""
    names = NOTICE_FORMATS + ["page.txt"]
    proc = subprocess.run([sys.executable, "-m", "castdoc", "parse", *[str(SAMPLES / n) for n in names]],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return list(yaml.safe_load_all(proc.stdout))


def test_cli_parses_every_sample_format_end_to_end(cli_run):
    docs = [d for d in cli_run if Path(d["source"]["path"]).stem.startswith("notice")]
    assert [d["source"]["format"] for d in docs] == ["txt", "txt", "docx", "pdf", "html"]
    assert {d["doc_number"] for d in docs} == {"某科协发〔2024〕15号"}
    assert {d["issued"] for d in docs} == {"2024-04-28"}


def test_cli_page_gives_two_records(cli_run):
    docs = [d for d in cli_run if Path(d["source"]["path"]).name == "page.txt"]
    assert len(docs) == 2
    assert [d["source"]["article"] for d in docs] == [0, 1]
    assert [d["kind"] for d in docs] == ["notice", "bulletin"]
