"""The genre's vocabulary has one home, castdoc.vocab: its lists agree with one another, and
no other module writes out its own copy of the heading markers or the document kinds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import castdoc
from castdoc import vocab

PACKAGE = Path(castdoc.__file__).parent
# The simplified kind words; traditional forms are left out (報告 is also a deliverable's word).
KINDS = sorted(set(vocab.DOC_TYPES) | set(vocab.STATUTORY_KINDS) | {"公示", "简报"}, key=len, reverse=True)
_KIND = "|".join(KINDS)
# Two kind words side by side in an alternation (通知|意见) or a list ("通知", "意见").
_KIND_COPY = re.compile(rf"(?<![\u4e00-\u9fff])(?:{_KIND})(?:\||['\"],\s*['\"])(?:{_KIND})(?![\u4e00-\u9fff])")
_CN = "一二三四五六七八九十"
# The body of a heading pattern: a class of the Chinese numerals (百 may join) counted and
# followed by a heading's mark (一、 一是 (一)), or an Arabic one in brackets or before a stop.
_HEADING_COPY = re.compile(
    rf"\[{_CN}百?\]\s*(?:\{{1,\d\}}|\{{\{{1,\d\}}\}}|\+)\s*(?:\[、|\[\)|\\\)|是|\[\(（)"
    rf"|(?:\\\(|\[\(（\])(?:\(\?P<\w+>)?\[{_CN}"
    r"|(?:\\\(|\[\(（\])(?:\(\?P<\w+>)?\\d\{1,2\}\)?(?:\\\)|\[\)）\])"
    r"|\\d\{1,2\}(?:\(\?:)?\[[.．、]{2,3}\]\(\?!\\d\)"
    rf"|['\"]{_CN}['\"]"
)


def _copies(rx: re.Pattern, text: str) -> list[str]:
    return [m.group(0) for m in rx.finditer(text)]


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] != "vocab":
            yield rel, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("rx", [_KIND_COPY, _HEADING_COPY], ids=["kinds", "headings"])
def test_no_module_but_vocab_writes_out_the_vocabulary(rx):
    found = {str(rel): hits for rel, text in _sources() if (hits := _copies(rx, text))}
    assert not found, f"import these from castdoc.vocab instead: {found}"


@pytest.mark.parametrize("copy", [
    # what structure, format_rules, normalise, tasks and the PDF reader each once wrote
    'CN_NUM = "一二三四五六七八九十"',
    r'(1, re.compile(rf"^[{CN_NUM}]{{1,3}}[、.．]")),' .replace("{CN_NUM}", _CN),
    r'MARKER = re.compile(r"^(?:(?P<l1>[一二三四五六七八九十]{1,3}[、.])|(?P<l2>\([一二三四五六七八九十]{1,3}\))"',
    r'_ENUMERATED = re.compile(r"[一二三四五六七八九十]{1,2}是")',
    r'r"^(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d)|[(（]\d{1,2}[)）]"',
    r'H4 = re.compile(r"^\((?P<n>\d{1,2})\)")',
    r'(4, re.compile(r"^\(\d{1,2}\)")),',
])
def test_a_copied_heading_pattern_is_found(copy):
    assert _copies(_HEADING_COPY, copy)


@pytest.mark.parametrize("copy", [
    'KINDS = ("决议", "决定", "命令", "令", "公报")',
    '_TITLE_TAIL = re.compile(r"(?:通知|意见|决定|通报)$")',
    'm = re.search(r"特此(通知|通报|公告|通告|函告|批复|决定)", text)',
    'DOC_TYPES = ("通知书", "通知", "意见")',
])
def test_a_copied_kind_list_is_found(copy):
    assert _copies(_KIND_COPY, copy)


@pytest.mark.parametrize("text", [
    "请于3月1日前报送报名表。",
    "附件：1.申报表",
    "关于举办科普讲解大赛的通知",  # one kind in prose is no copy
    "报告|報告|论文",  # a deliverable's words, traditional form between
])
def test_prose_is_no_copy(text):
    assert not _copies(_KIND_COPY, text) and not _copies(_HEADING_COPY, text)


def test_the_kind_lists_agree():
    assert set(vocab.DOC_TYPES_TRAD.values()) <= set(vocab.DOC_TYPES)
    assert set(vocab.DOC_TYPE_NAMES) == set(vocab.DOC_TYPES) | set(vocab.DOC_TYPES_TRAD)
    assert [len(k) for k in vocab.DOC_TYPE_NAMES] == sorted((len(k) for k in vocab.DOC_TYPE_NAMES), reverse=True)
    # the 15 kinds of the 条例, 命令 also as 令
    assert len(set(vocab.STATUTORY_KINDS) - {"令"}) == 15
    assert set(vocab.STATUTORY_KINDS) - {"令"} <= set(vocab.DOC_TYPES)
    assert set(vocab.NON_KINDS_OWN) <= set(vocab.NON_KINDS)
    assert not set(vocab.NON_KINDS) & set(vocab.STATUTORY_KINDS)


@pytest.mark.parametrize("line, level", [
    ("一、总体要求", 1), ("(二)工作安排", 2), ("3.报送材料", 3), ("1.2024年3月起", 3), ("(4)其他", 4), ("一是加强领导", 5),
    ("2024年3月1日", None), ("3.5万人参加", None),
])
def test_heading_levels(line, level):
    got = next((lv for lv, rx in vocab.HEADINGS if rx.match(line)), None)
    assert got == level
    # a paragraph starts at each, but for 1.2024年…, which normalise joins like prose
    assert bool(vocab.PARAGRAPH_START.match(line)) == (level is not None and "年" not in line)
    m = vocab.TASK_MARKER.match(line)
    assert (m.lastgroup if m else None) == (f"l{level}" if level else None)


def test_title_ends():
    assert vocab.TITLE_END.search("关于开展科普日活动的通知")
    assert vocab.TITLE_END.search("关于表彰先进集体的決定")
    assert vocab.TITLE_END.search("某市科协关于调整会费标准的意见(试行)")
    assert not vocab.TITLE_END.search("科普日活动实施方案")
    assert vocab.NON_KIND_END.search("科普日活动实施方案")
