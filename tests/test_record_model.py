"""The one record model in and out: Record.to_dict / Record.from_dict, and the one loader."""
from __future__ import annotations

import datetime as dt

import pytest

from castdoc.errors import CastdocError, RecordError
from castdoc.pipeline import parse_text
from castdoc.recordfile import read_record_file
from castdoc.types import Record

NOTICE = """关于举办科普讲解大赛的通知

各市科协：

一、请于2024年3月1日前报送报名表。

联系人：王明，电话：0571-87650001

某市科学技术协会
2024年2月1日
"""


def test_a_record_reads_back_as_itself():
    for rec in parse_text(NOTICE, name="n.txt"):
        d = rec.to_dict()
        back = Record.from_dict(d)
        assert back.to_dict() == d
        assert back.tasks and back.tasks[0].deadline == dt.date(2024, 3, 1)


def test_dates_read_from_yaml_objects_or_iso_text():
    rec = Record.from_dict({"kind": "notice", "issued": dt.date(2024, 2, 1),
                            "tasks": [{"id": "t", "text": "x", "deadline": "2024-03-01"}]})
    assert rec.issued == dt.date(2024, 2, 1) and rec.tasks[0].deadline == dt.date(2024, 3, 1)
    assert rec.source.path == "" and rec.people == ()  # left out: empty


@pytest.mark.parametrize("d, field", [
    ({"tasks": [{"text": 3}]}, "tasks[0].text"),
    ({"tasks": [{"text": "x", "deadline": "soon"}]}, "tasks[0].deadline"),
    ({"people": [{"name": "王明", "roles": "部长"}]}, "people[0].roles"),
    ({"source": {"article": "0"}}, "source.article"),
    ({"sections": [{"level": True}]}, "sections[0].level"),
    ({"tasks": ["a task"]}, "tasks[0]"),
])
def test_a_field_of_the_wrong_type_is_one_record_error_naming_it(d, field):
    with pytest.raises(RecordError) as e:
        Record.from_dict(d)
    assert f" {field} is " in e.value.message and e.value.exit_code == 3


def test_fields_reads_only_those():
    rec = Record.from_dict({"title": "通知", "people": [{"roles": "部长"}], "tasks": []}, fields=("title", "tasks"))
    assert rec.title == "通知" and rec.people == ()


@pytest.mark.parametrize("name, text, reason", [
    ("a.yaml", "tasks: [unclosed\n", RecordError.SYNTAX),
    ("a.yaml", "x: !!python/name:os.system\n", RecordError.TAG),
    ("a.json", "{oops", RecordError.SYNTAX),
    ("b.yaml", None, RecordError.NOT_UTF8),
])
def test_the_loader_raises_one_error_class(tmp_path, name, text, reason):
    f = tmp_path / name
    if text is None:
        f.write_bytes(b"\xff\xfe\x80")
    else:
        f.write_text(text, encoding="utf-8")
    with pytest.raises(RecordError) as e:
        read_record_file(f)
    assert isinstance(e.value, CastdocError) and e.value.reason == reason and e.value.path == str(f)


def test_the_loader_refuses_aliases_and_size_only_when_asked(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("a: &x [1]\nb: *x\n", encoding="utf-8")
    assert read_record_file(f).documents == ({"a": [1], "b": [1]},)
    with pytest.raises(RecordError) as e:
        read_record_file(f, aliases=False)
    assert e.value.reason == RecordError.ALIAS and e.value.lineno == 2
    with pytest.raises(RecordError) as e:
        read_record_file(f, max_bytes=4)
    assert e.value.reason == RecordError.TOO_LARGE
    with pytest.raises(RecordError) as e:
        read_record_file(tmp_path / "none.yaml")
    assert e.value.reason == RecordError.MISSING and e.value.line().endswith("none.yaml: no such file")
