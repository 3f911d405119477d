"""The record writers: YAML reads back as the data written, whichever emitter PyYAML has."""
from __future__ import annotations

import json

import pytest
import yaml

from castdoc.pipeline import parse_text
from castdoc.record import _Dumper, dump_json, dump_yaml, to_dict

NOTICE = (
    "关于举办科普讲解大赛的通知\n各市科协：\n为推进“科创中国”建设，请于2024年3月1日前报送报名表。\n"
    "联系人：王明，电话：0571-87650001\n某市科学技术协会\n2024年2月1日\n"
)


def _records():
    return [to_dict(r) for r in parse_text(NOTICE, name="notice.txt")]


def test_yaml_reads_back_as_json():
    recs = _records()
    assert list(yaml.safe_load_all(dump_yaml(recs))) == json.loads(dump_json(recs))


@pytest.mark.skipif(not hasattr(yaml, "CSafeDumper"), reason="PyYAML built without libyaml")
def test_libyaml_and_python_emitters_write_the_same_record():
    recs = _records()
    opts = dict(allow_unicode=True, sort_keys=False, width=100, explicit_start=True)
    fast = yaml.dump_all(recs, Dumper=_Dumper.get(), **opts)
    slow = yaml.dump_all(recs, Dumper=_Dumper.get(fast=False), **opts)
    assert _Dumper.get() is not _Dumper.get(fast=False)
    assert fast == slow == dump_yaml(recs)


@pytest.mark.parametrize("value", ["甲\u2028乙", "甲\x85乙", "甲\u2029乙", "甲\n\u2028" + "乙" * 70])
def test_unicode_line_breaks_survive_either_emitter(value):
    rec = [{"text": value, "list": [value]}]
    for fast in (True, False):
        out = yaml.dump_all(rec, Dumper=_Dumper.get(fast), allow_unicode=True, sort_keys=False, width=100)
        assert list(yaml.safe_load_all(out)) == rec


def test_a_path_with_undecodable_bytes_is_still_written():
    # a file name that is not UTF-8 reaches Python with lone surrogates, which libyaml refuses
    rec = [{"source": {"path": "通知\udc80.txt"}, "title": "标题"}]
    out = dump_yaml(rec)
    assert "\\uDC80" in out
    assert list(yaml.safe_load_all(out)) == rec
