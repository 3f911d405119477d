"""Platforms and initiatives: quoted names, names ending in a head word, names the genre knows."""
from __future__ import annotations

import pytest

from castdoc.extract import named
from castdoc.pipeline import documents_from_raw
from castdoc.types import RawText
from conftest import doc_of


_doc = doc_of


def _named(text: str) -> dict[str, str]:
    platforms, initiatives = named.extract(_doc(text), {})
    return {n.name: n.category for n in platforms + initiatives}


CASES = [
    # quoted names: a category after them, a head word inside them, a governing verb before them
    ("积极推广“科技强农”“科普惠民”等品牌,扩大影响。", {"科技强农": "platform", "科普惠民": "platform"}),
    ("实施浙江“新苗人才计划”,培养青年人才。", {"新苗人才计划": "initiative"}),
    ("举办“湾区青年科学家沙龙”和“科技创新大讲堂”。", {"湾区青年科学家沙龙": "platform", "科技创新大讲堂": "platform"}),
    ("组织开展“院士专家进校园”宣讲活动。", {"院士专家进校园": "initiative"}),
    # a quotation the name goes on after
    ("开展“1+N”基层科普能力建设提升行动。", {"1+N基层科普能力建设提升行动": "initiative"}),
    ("用好“科技小站”数字化平台,服务企业。", {"科技小站数字化平台": "platform"}),
    # unquoted names ending in a head word, cut at the governing verb
    ("依托佛山市南海区科技服务站开展技术对接。", {"佛山市南海区科技服务站": "platform"}),
    ("调研组前往深圳湾海外人才创新创业基地(招商)调研。", {"深圳湾海外人才创新创业基地(招商)": "platform"}),
    ("组团参加第十届中国(广州)国际科普论坛。", {"第十届中国(广州)国际科普论坛": "platform"}),
    ("举办2023年粤港澳大湾区青少年科技创新大赛暨第五届深港科技嘉年华。",
     {"2023年粤港澳大湾区青少年科技创新大赛": "platform", "第五届深港科技嘉年华": "platform"}),
    ("深入实施人才强国战略,推进云岭省科普信息化工程。", {"人才强国战略": "initiative", "云岭省科普信息化工程": "initiative"}),
    # made only of everyday words, a phrase is a category, not a name (precision on unseen documents)
    ("推进科普信息化工程,建设科技服务平台。", {}),
    # names the genre knows, where they stand on their own
    ("建成一批院士专家工作站和科技小院。", {"院士专家工作站": "platform", "科技小院": "platform"}),
    ("在“广东省院士专家工作站”授牌仪式上致辞。", {"广东省院士专家工作站": "platform"}),
    # traditional characters and pinyin glosses: reported as written
    ("公司設立院(yuan)士(shi)專家(jia)工(gong)作(zuo)站(zhan)。", {"院(yuan)士(shi)專家(jia)工(gong)作(zuo)站(zhan)": "platform"}),
    ("深入實施創新驅動發展戰略。", {"創新驅動發展戰略": "initiative"}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:12] for c in CASES])
def test_named(text, expected):
    assert _named(text) == expected


NOT_NAMED = [
    # slogans, lists, days, honours, themes, spirits
    "要增强“四个意识”,落实“十四五”规划,发挥学会“三轮”驱动作用。",
    "围绕“引才、引智、引技”开展工作,庆祝“全国科技工作者日”。",
    "授予该单位“2023年度先进集体”称号,大力弘扬“两弹一星”精神。",
    "围绕主题——“创新点亮未来”,开展交流。",
    # document titles are not platforms
    "印发《关于推进科普基地建设工作的意见》,请遵照执行。",
    # generic phrases, collectives, references, other heads of a noun phrase
    "各级科协要加强基层科普服务站建设,调研了园区的国际技术转移服务平台。",
    "推进全省海智工作站建设,召开海智基地工作座谈会。",
    "各单位要认真组织实施本地区科普工作计划,填写年度活动计划表。",
    "以平台筑生态,以试点推示范。",
]


@pytest.mark.parametrize("text", NOT_NAMED, ids=[t[:10] for t in NOT_NAMED])
def test_not_named(text):
    assert _named(text) == {}


def test_abbreviation_is_no_name():
    text = "“院士专家进社区”活动(以下简称“进社区”)深受欢迎,今年“进社区”活动将扩面。"
    assert _named(text) == {"院士专家进社区": "initiative"}


def test_first_mentions_quoted_and_kind():
    text = "今年,佛山市南海区科技服务站成效明显。佛山市南海区科技服务站将继续开展“科技强农”系列活动。"
    platforms, initiatives = named.extract(_doc(text), {})
    (station,) = platforms
    assert text.startswith(station.name, station.first)
    assert (station.mentions, station.kind, station.quoted) == (2, "服务站", False)
    (brand,) = initiatives
    assert brand.quoted and brand.name == "科技强农"
    assert text[brand.first - 1] == "“"


def test_runs_through_the_pipeline():
    from castdoc.pipeline import parse_text

    (rec,) = parse_text("本报讯 市科协在佛山市南海区科技服务站举办“科技强农”品牌发布会。")
    assert [n.name for n in rec.platforms] == ["佛山市南海区科技服务站", "科技强农"]


def test_corpus_named_score(shared):
    """On the corpus: the named row of castdoc-eval (platforms and initiatives together)."""
    import re
    import unicodedata

    import yaml

    def norm(s):
        s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(s)))
        return "".join(ch for ch in s if ch not in "“”\"'‘’「」『』《》〈〉【】")

    tp = fp = fn = 0
    for gold_path in sorted((shared / "corpus").glob("*.gold.yaml")):
        txt = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        golds = gold if isinstance(gold, list) else [gold]
        docs = documents_from_raw(RawText(text=txt.read_text(encoding="utf-8"), format="txt"), path=str(txt), sha256="0")
        for g, d in zip(golds, docs):
            want = {norm(x) for f in ("platforms", "initiatives") for x in g.get(f) or []}
            platforms, initiatives = named.extract(d, {})
            got = {norm(n.name) for n in platforms + initiatives}
            tp += len(want & got)
            fp += len(got - want)
            fn += len(want - got)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.75, (tp, fp, fn)  # 0.785 on the 48-document corpus (2026-12-04)


BOUNDARY_CASES = [
    # a predicate ends a name: the subject of a clause is not part of what it governs
    ("会议指出,青石湾海智基地要充分发挥平台作用。", "platform", "青石湾海智基地", "青石湾海智基地要充分发挥平台"),
    # a level word makes a category: 省级院士专家工作站 is any station of that level
    ("云溪公司建立省级院士专家工作站。", "platform", "院士专家工作站", "省级院士专家工作站"),
    # a list's number is no part of the name
    ("(二)临江市青少年航模创新大赛", "platform", "临江市青少年航模创新大赛", "二)临江市青少年航模创新大赛"),
    # a standing thing drops its list's year; an event keeps it
    ("认定2024年度云溪县科技创新服务平台。", "platform", "云溪县科技创新服务平台", "2024年度云溪县科技创新服务平台"),
    ("举办2024年青石湾区科普嘉年华。", "platform", "2024年青石湾区科普嘉年华", None),
    # a congress keeps its round
    ("出席云岭省科协第九次代表大会。", "platform", "云岭省科协第九次代表大会", None),
    # the new heads: 科创中心, 活动中心, 网站
    ("走访了华农神农架科创中心和浦溪县科普活动中心。", "platform", "华农神农架科创中心", None),
    # a name after a quotation stops at a predicate
    ("“青创活动”获奖名单详见临江青年网站。", "platform", None, "青创活动获奖名单详见临江青年网站"),
]


@pytest.mark.parametrize("text, category, want, not_want", BOUNDARY_CASES)
def test_name_boundaries(text, category, want, not_want):
    got = _named(text)
    if want is not None:
        assert got.get(want) == category, got
    if not_want is not None:
        assert not_want not in got, got


def test_a_plan_published_as_a_document_is_still_the_plan():
    got = _named("为深入实施《云岭省全民科学素质行动规划纲要(2021-2035年)》,现就有关事项通知如下。")
    assert got.get("云岭省全民科学素质行动规划纲要") == "initiative", got
    assert not any("2021" in k for k in got), got
    assert _named("按照《云岭省科普教育基地管理办法》执行。") == {}
