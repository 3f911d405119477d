"""Property tests: every stage takes any Unicode text without error, and every span it
returns lies inside the text as read (``Mention.text == raw[start:end]``).

Text comes from two sources: arbitrary Unicode (controls, lone surrogates, every script)
and pieces of the notice genre shuffled together, which reach much deeper into the rules.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from castdoc.extract import EXTRACTORS, run_all
from castdoc.normalise import normalise
from castdoc.pipeline import build_record, documents_from_raw, parse_text
from castdoc.record import dump_json, dump_yaml, to_dict
from castdoc.split import split_articles
from castdoc.structure import structure
from castdoc.types import Mention, RawText

ANY_CHAR = st.characters(exclude_categories=())  # lone surrogates included
PIECES = [
    "关于", "举办", "开展", "通知", "意见", "通报", "函", "的", "第二届", "科普日", "活动",
    "各市科协", "各有关单位", "：", ":", "，", "、", "。", ";", "（", "）", "(", ")", "〔2024〕", "12号",
    "省科协发", "一、", "二、", "（一）", "（二）", "1.", "2.", "（1）", "一是", "二是", "附件：", "附件1：",
    "联系人：", "王小明", "李华", "电话：", "0571-87654321", "13912345678", "邮箱：", "kx@example.org",
    "2024年3月5日", "二〇二四年三月五日", "3月15日前", "9月", "上午9:00", "2024-05-01", "至", "—",
    "本报讯", "记者", "通讯员", "（省科协科普部）", "来源：", "抄送：", "主席", "副主席", "教授",
    "院士", "“科创中国”", "平台", "计划", "请于", "报送", "特此通知", "省科学技术协会",
    "\n", "\n\n", " ", "\u3000", "\t", "\r\n", "\x0c", "\u200b", "\ufeff", "\x00", "\x1b", "\ud800",
    "\udfff", "𠀋", "é", "Ω", "ا", "ไ", "🙂", "\u2028", "－ 3 －", "第 2 页",
]
GENRE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(ANY_CHAR, max_size=3)), max_size=300).map("".join)
ARBITRARY = st.text(ANY_CHAR, max_size=400)
TEXTS = st.one_of(GENRE, ARBITRARY)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_spans(obj, raw: str, where: str = "record", seen=None) -> int:
    """Every Mention inside ``obj`` is an exact slice of ``raw``; offsets lie inside it."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    n = 0
    if isinstance(obj, Mention):
        assert 0 <= obj.start <= obj.end <= len(raw), f"{where}: {obj}"
        assert raw[obj.start:obj.end] == obj.text, f"{where}: {obj!r} != {raw[obj.start:obj.end]!r}"
        return 1
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            v = getattr(obj, f.name)
            if f.name in ("start", "end", "first") and isinstance(v, int) and not isinstance(obj, dt.date):
                assert 0 <= v <= len(raw), f"{where}.{f.name} = {v} outside 0..{len(raw)}"
                n += 1
            elif f.name not in ("body", "signature", "source"):  # body/signature: article offsets
                n += _check_spans(v, raw, f"{where}.{f.name}", seen)
        if hasattr(obj, "start") and hasattr(obj, "end") and isinstance(getattr(obj, "start"), int) \
                and isinstance(getattr(obj, "end"), int):
            assert obj.start <= obj.end, f"{where}: start {obj.start} > end {obj.end}"
    elif isinstance(obj, (tuple, list)):
        for i, v in enumerate(obj):
            n += _check_spans(v, raw, f"{where}[{i}]", seen)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            n += _check_spans(v, raw, f"{where}.{k}", seen)
    return n


@SETTINGS
@given(TEXTS, st.data())
def test_normalise_keeps_origins_inside_the_text(raw, data):
    view = normalise(raw)
    assert len(view.origin) == len(view.text) + 1
    assert all(0 <= o <= len(raw) for o in view.origin)
    assert "\r" not in view.text
    if view.text:
        s = data.draw(st.integers(0, len(view.text)))
        e = data.draw(st.integers(s, len(view.text)))
        m = view.mention(s, e)
        assert raw[m.start:m.end] == m.text


@SETTINGS
@given(TEXTS)
def test_split_covers_the_view_in_order(raw):
    view = normalise(raw)
    arts = split_articles(view)
    assert arts and "".join(a.text for a in arts) == view.text
    for a in arts:
        assert a.raw is raw and len(a.origin) == len(a.text) + 1


@SETTINGS
@given(TEXTS)
def test_structure_spans_lie_inside_the_text(raw):
    for art in split_articles(normalise(raw)):
        st_ = structure(art)
        assert st_.kind in ("notice", "bulletin")
        _check_spans(st_, raw, "structure")
        for span in (st_.body, st_.signature):
            if span is not None:  # offsets into the text as read, like every other
                assert art.origin[0] <= span.start <= span.end <= len(raw)


@SETTINGS
@given(TEXTS)
def test_every_extractor_runs_and_its_spans_lie_inside_the_text(raw):
    docs = documents_from_raw(RawText(text=raw, format="txt"), path="<p>", sha256="0" * 64)
    for doc in docs:
        found = run_all(doc)
        assert [name for name, _ in found.items()] == list(EXTRACTORS)
        for name, value in found.items():
            assert isinstance(value, tuple), name
            _check_spans(value, raw, name)
        rec = build_record(doc)
        d = to_dict(rec)
        for t in d["tasks"]:
            assert 0 <= t["offset"] <= len(raw)
        for x in d["dates"]:
            assert raw[x["offset"]:x["offset"] + len(x["text"])] == x["text"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_records_dump_as_yaml_and_json(raw):
    recs = [to_dict(r) for r in parse_text(raw)]
    import json

    import yaml

    assert list(yaml.safe_load_all(dump_yaml(recs))) == json.loads(dump_json(recs)) or recs == []
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in raw):
        dump_json(recs).encode("utf-8")  # what the CLI writes must be valid UTF-8


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32))
def test_long_genre_inputs_parse(seed):
    import random

    raw = "".join(random.Random(seed).choices(PIECES, k=6000))  # ~20,000 characters
    for rec in parse_text(raw):
        _check_spans(rec, raw, "record")
