"""A task's deadline comes from its own clause, its own numbered item or the group heading
it sits under, never from a neighbouring task; a window gives its end; 10个工作日内 stays a
rule. Invented notices, each signed on 2024年9月4日 (a Wednesday)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from castdoc.pipeline import parse_text
from castdoc.record import to_dict

D = dt.date
SIGNED = "2024年9月4日"
HEAD = "某市科协关于做好科普月活动有关工作的通知\n\n各区科协，各市级学会：\n\n    为做好科普月活动，现将有关事项通知如下：\n\n"
FOOT = "\n某市科学技术协会\n{signed}\n"


def notice(body: str, signed: str = SIGNED) -> str:
    return HEAD + body + FOOT.format(signed=signed)


def tasks(body: str, signed: str = SIGNED):
    (rec,) = parse_text(notice(body, signed))
    return rec.tasks


def by_text(ts, piece: str):
    (t,) = [t for t in ts if piece in t.text]
    return t


LEAK = (
    "    一、各区科协要于明天下午5点前确定活动联系人。\n\n"
    "    二、各市级学会要在下周五前报送活动计划。\n\n"
    "    三、各区科协要在本月底前完成场地落实。\n\n"
    "    四、各承办单位要在收到通知后10个工作日内报送活动预算。\n\n"
    "    五、请各单位于2024年10月8日（星期二）上午9:00前将总结材料报送市科协科普部。\n"
)


def test_the_leak_cannot_happen():
    """Once an item says 2024年10月8日…前, the others keep their own deadlines."""
    ts = tasks(LEAK)
    assert (by_text(ts, "联系人").deadline, by_text(ts, "联系人").deadline_time) == (D(2024, 9, 5), "17:00")
    assert by_text(ts, "活动计划").deadline == D(2024, 9, 13)
    assert by_text(ts, "场地").deadline == D(2024, 9, 30)
    budget = by_text(ts, "预算")
    assert budget.deadline is None
    assert budget.deadline_relative is not None
    assert (budget.deadline_relative.count, budget.deadline_relative.unit, budget.deadline_relative.after) == (
        10, "workday", "收到通知")
    assert budget.deadline_relative.text == "收到通知后10个工作日内"
    assert by_text(ts, "总结材料").deadline == D(2024, 10, 8)


def test_relative_deadline_in_the_record():
    (rec,) = parse_text(notice(LEAK))
    t = next(t for t in to_dict(rec)["tasks"] if "预算" in t["text"])
    assert t["deadline"] is None
    assert t["deadline_relative"] == {"text": "收到通知后10个工作日内", "count": 10, "unit": "workday", "after": "收到通知"}


@pytest.mark.parametrize("item,text,count,unit,after", [
    ("各区科协要在收到通知后5日内报送名单。", "收到通知后5日内", 5, "day", "收到通知"),
    ("各区科协要在通知下发之日起10日内报送名单。", "通知下发之日起10日内", 10, "day", "通知下发"),
    ("各市级学会要在接到通知后3个工作日内确定联系人。", "接到通知后3个工作日内", 3, "workday", "接到通知"),
    ("各单位要在两周内完成自查。", "两周内", 2, "week", None),
    ("各单位要在10个工作日内报送整改方案。", "10个工作日内", 10, "workday", None),
])
def test_relative_deadlines_stay_rules(item, text, count, unit, after):
    (t,) = tasks(f"    一、{item}\n\n    二、请各单位于2024年10月8日前报送总结材料。\n")[:1]
    assert t.deadline is None
    r = t.deadline_relative
    assert (r.text, r.count, r.unit, r.after) == (text, count, unit, after)


def test_a_window_gives_its_end():
    ts = tasks("    一、请活动举办单位于2022年8月15至9月28日期间登录平台注册。\n\n"
               "    二、请各单位于2022年10月14日前报送活动总结。\n", "2022年8月1日")
    assert by_text(ts, "注册").deadline == D(2022, 9, 28)
    assert by_text(ts, "活动总结").deadline == D(2022, 10, 14)


def test_the_group_heading_gives_its_items_their_deadline():
    ts = tasks("    一、报送要求（10月8日前）\n\n    （一）各区科协要报送活动总结。\n\n    （二）各市级学会要报送工作计划。\n\n"
               "    二、宣传要求\n\n    （一）各区科协要做好宣传报道工作。\n")
    assert by_text(ts, "活动总结").deadline == D(2024, 10, 8)
    assert by_text(ts, "工作计划").deadline == D(2024, 10, 8)
    assert by_text(ts, "宣传报道").deadline is None


def test_the_lead_in_gives_its_items_their_deadline():
    ts = tasks("    请各单位于9月30日前完成以下工作：\n\n    1.各区科协要确定活动场地。\n\n    2.各市级学会要落实活动专家。\n")
    assert by_text(ts, "场地").deadline == D(2024, 9, 30)
    assert by_text(ts, "专家").deadline == D(2024, 9, 30)


def test_a_december_notice_asking_for_january():
    ts = tasks("    一、请各单位于1月5日前报送年度总结。\n", "2024年12月20日")
    assert by_text(ts, "年度总结").deadline == D(2025, 1, 5)


def test_a_task_of_its_own_time_does_not_take_the_notices_deadline():
    ts = tasks("    一、请各单位于10月8日前报送活动总结。\n\n    二、活动结束后，各区科协要及时报送活动照片。\n")
    assert by_text(ts, "活动总结").deadline == D(2024, 10, 8)
    assert by_text(ts, "活动照片").deadline is None


def test_a_vague_part_of_a_month_is_not_guessed_into_a_day():
    """11月中旬前 could mean the 10th or the 20th; 本月底前 is the month's last day."""
    ts = tasks("    一、请各单位于11月中旬前报送活动总结。\n\n    二、各区科协要在本月底前完成场地落实。\n")
    assert by_text(ts, "活动总结").deadline is None
    assert by_text(ts, "场地").deadline == D(2024, 9, 30)


def test_an_objection_lies_within_the_public_notice_window():
    ts = tasks("    现将拟推荐项目予以公示，公示时间为2024年9月5日至2024年9月11日。任何单位或个人对公示项目持有异议的，"
               "应当在公示期内以书面形式提出。提出异议的个人须在书面材料上签署真实姓名。\n")
    assert {t.deadline for t in ts if "异议" in t.text} == {D(2024, 9, 11)}


# ---------------------------------------------------------------- the property
ACTORS = ("各区科协要", "各市级学会要", "请各单位")
# (the time a task states, the deadline it states: a day, "rule" for a relative rule, None)
TIMES = (
    ("", None),
    ("于2024年10月8日前", D(2024, 10, 8)),
    ("于明天下午5点前", D(2024, 9, 5)),
    ("在下周五前", D(2024, 9, 13)),
    ("在本月底前", D(2024, 9, 30)),
    ("于9月10日至9月20日期间", D(2024, 9, 20)),
    ("在收到通知后10个工作日内", "rule"),
    ("于11月15日前", D(2024, 11, 15)),
)
ACTIONS = (("报送活动计划", True), ("提交工作总结", True), ("做好场地落实工作", False), ("确定活动联系人", False))
NUMS = "一二三四五六七八"
ITEM = st.tuples(st.sampled_from(ACTORS), st.sampled_from(range(len(TIMES))), st.sampled_from(ACTIONS))


def _build(items):
    body, spans = [], []
    pos = len(HEAD)
    for k, (actor, ti, (action, _)) in enumerate(items):
        line = f"    {NUMS[k]}、{actor}{TIMES[ti][0]}{action}。\n\n"
        spans.append((pos, pos + len(line)))
        body.append(line)
        pos += len(line)
    return "".join(body), spans


@given(st.lists(ITEM, min_size=2, max_size=6))
# the leaks once seen: a rule of its own, a day of its own, no time at all, beside one stated deadline
@example([("请各单位", 6, ACTIONS[0]), ("各区科协要", 1, ACTIONS[1])])
@example([("各市级学会要", 3, ACTIONS[0]), ("请各单位", 1, ACTIONS[1]), ("各区科协要", 0, ACTIONS[2])])
@example([("各区科协要", 0, ACTIONS[3]), ("请各单位", 7, ACTIONS[0])])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_deadline_but_what_its_own_item_states_or_implies(items):
    body, spans = _build(items)
    text = notice(body)
    (rec,) = parse_text(text)
    assert rec.tasks
    # the notice's one reporting deadline, when its items state exactly one (what a reporting
    # task with no time of its own refers to)
    stated = {TIMES[ti][1] for _, ti, _ in items if TIMES[ti][0].endswith("前")}
    single = next(iter(stated)) if len(stated) == 1 else None
    for t in rec.tasks:
        k = next(i for i, (a, b) in enumerate(spans) if a <= t.start < b)
        actor, ti, (action, reporting) = items[k]
        own = TIMES[ti][1]
        if own == "rule":
            assert t.deadline is None and t.deadline_relative is not None, t
        elif own is not None:
            assert t.deadline == own, t
        else:
            assert t.deadline in (None, single if reporting else None), t
