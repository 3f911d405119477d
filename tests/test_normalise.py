"""The normalised view: folding, joining, and offsets that always lead back to the raw text."""
from __future__ import annotations

import pytest

from castdoc.normalise import normalise

PROSE = "各级学会要主动对接地方需求,把服务企业创新作为一项经常性工作抓紧抓好,为“十五五”时"


def test_page_break_inside_sentence_is_joined():
    raw = PROSE + "\n\n期以及更长一个时期提供行动指南。\n"
    v = normalise(raw)
    assert "“十五五”时期以及" in v.text
    assert "\n" not in v.text.strip()


def test_short_title_is_not_joined_to_body():
    raw = "一、明确目标任务,推动学会服务下沉\n各级学会要主动对接地方需求,把服务企业创新作为经常性工作。"
    assert normalise(raw).text.count("\n") == 1


def test_title_ending_with_doc_kind_is_not_joined_to_recipients():
    raw = "关于开展2024年度全省学会学术活动计划申报和优秀学术论文推荐评选工作的通知\n各省级学会、协会、研究会:"
    assert normalise(raw).text.count("\n") == 1


def test_spaces_inside_chinese_are_removed_but_latin_words_keep_theirs():
    v = normalise("关于学习 重要讲话精神的 通知 Python 3 课程")
    assert v.text == "关于学习重要讲话精神的通知Python 3课程"


def test_full_width_ascii_is_folded():
    v = normalise("联系电话：０２０－１２３４５６７８（办公室）")
    assert v.text == "联系电话:020-12345678(办公室)"


@pytest.mark.parametrize("page", ["— 2 —", "-3-", "第 4 页", "2/5"])
def test_page_number_lines_are_dropped(page):
    raw = PROSE + "\n" + page + "\n期以及更长一个时期。"
    v = normalise(raw)
    assert page.strip() not in v.text
    assert "时期以及" in v.text


def test_every_view_character_maps_back_to_its_source():
    raw = "　　关于 开展“科创中国”活动的通知\r\n\r\n各单位：\u200b\n" + PROSE + "\n\n期。"
    v = normalise(raw)
    assert len(v.origin) == len(v.text) + 1
    for i, ch in enumerate(v.text):
        src = raw[v.origin[i]]
        assert ch == src or ch in " \n" or (0xFF01 <= ord(src) <= 0xFF5E and ord(src) - 0xFEE0 == ord(ch))


def test_mention_is_an_exact_slice_and_value_drops_removed_space():
    raw = "关于学习重要讲话精神的 通知\n正文"
    v = normalise(raw)
    s = v.text.index("精神")
    m = v.mention(s, v.text.index("\n"))
    assert m.text == raw[m.start:m.end] == "精神的 通知"
    assert m.value == "精神的通知"


def test_hard_wrapped_lines_are_rejoined():
    para = (
        "为深入贯彻落实全民科学素质行动规划纲要，进一步加强科普阵地建设，充分发挥科普教育基地在提升公民科学素质中的重要作用，"
        "经研究决定开展本年度科普教育基地认定工作，请各单位认真组织申报并按时报送材料，确保工作取得实效。"
        "各市科协要加强对申报工作的指导，严格把关申报材料的真实性和完整性，对弄虚作假的单位取消其申报资格。"
    )
    wrapped = "\n".join(para[i:i + 28] for i in range(0, len(para), 28))
    raw = "关于开展科普教育基地认定工作的通知\n各市科协：\n" + wrapped + "\n某省科协\n2024年5月8日"
    lines = normalise(raw).text.split("\n")
    assert para.replace("，", ",") in lines
    assert lines[0] == "关于开展科普教育基地认定工作的通知"
    assert lines[-2:] == ["某省科协", "2024年5月8日"]
