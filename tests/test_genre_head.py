"""Classes of text around the article, as people paste or save it: web chrome, bylines
above datelines, notices whose signature was lost. Every document here is invented."""
from __future__ import annotations

import datetime as dt

import pytest

from castdoc.pipeline import parse_text
from castdoc.webpage import is_meta_line, is_nav_line, meta_value


@pytest.mark.parametrize("line", [
    "市政府网 省政府网 繁体中文 登录|注册",
    "当前位置:首页>新闻中心>工作动态",
    " / 新闻 / 科协资讯",
    "首页 | 机构概况 | 新闻动态 | 通知公告 | 联系我们",
    "站内搜索",
])
def test_navigation_lines(line):
    assert is_nav_line(line.strip())


@pytest.mark.parametrize("line", [
    "某市科协召开2025年学会工作座谈会",
    "各区科协,各市级学会:",
    "一、活动时间",
    "联系人:王某 电话:0571-88888888",
])
def test_article_lines_are_not_navigation(line):
    assert not is_nav_line(line)


@pytest.mark.parametrize("line, meta", [
    ("发布时间:2025-03-02 10:21 来源:某县科协 浏览次数:233", True),
    ("日期:2025-03-02 来源:某县科技局", True),
    ("作者:张某   时间:2025-03-02   点击数:", True),
    ("时间:2025年5月10日上午9:00", False),  # a meeting's time in a notice
    ("日期:5月10日", False),
])
def test_metadata_lines(line, meta):
    assert is_meta_line(line) is meta


def test_meta_value():
    line = "来源:某县科协 发布时间:2025-03-02"
    a, b = meta_value(line, ("来源",))
    assert line[a:b] == "某县科协"


WEB_BULLETIN = """欢迎访问某市科学技术协会
市政府网 省政府网 繁体中文 登录|注册
当前位置:首页>新闻中心>工作动态
某市科协赴山区县调研基层科普工作
日期:2025-03-02 10:21 来源:某市科协办公室
3月1日,某市科协党组书记赵某一行赴山区县调研基层科普工作,实地察看了乡村科普站建设情况。
调研组一行还与县科协干部座谈交流,听取了工作汇报。
上一篇:某市科协召开全委会
"""


def test_web_page_title_stands_above_its_metadata_line():
    (rec,) = parse_text(WEB_BULLETIN)
    assert rec.kind == "bulletin"
    assert rec.title == "某市科协赴山区县调研基层科普工作"
    assert rec.issued == dt.date(2025, 3, 1)


def test_byline_above_a_dateline_is_not_the_title():
    text = ("某省青少年科技创新大赛开幕\n记者 周某某\n"
            "本报讯 6月3日,某省青少年科技创新大赛在省科技馆开幕,来自全省的三百余名学生参加比赛。\n"
            "本届大赛由省科协等单位主办。\n")
    (rec,) = parse_text(text)
    assert rec.title == "某省青少年科技创新大赛开幕"


UNSIGNED = """某技协字〔2025〕8号
关于开展2025年度优秀科技论文评选工作的通知
各分会,各会员单位:
根据《某省技术协会表彰奖励办法》,现将评选工作有关事项通知如下。
一、请各单位于2025年6月30日前报送推荐材料。
二、推荐材料一式三份。
"""


def test_unsigned_notice_issuer_from_its_agency_code():
    (rec,) = parse_text(UNSIGNED)
    assert rec.issuer == "某省技术协会"


def test_agency_code_takes_the_tightest_unit():
    text = UNSIGNED.replace("根据《某省技术协会表彰奖励办法》", "根据某省开发区技术协会和《某省技术协会表彰奖励办法》")
    (rec,) = parse_text(text)
    assert rec.issuer == "某省技术协会"


def test_unsigned_notice_issuer_from_its_printed_by_line():
    text = UNSIGNED.replace("某技协字〔2025〕8号", "国技字〔2025〕8号") + "抄送:省科协。\n某某学会 2025年5月30日印发\n"
    (rec,) = parse_text(text)
    assert rec.issuer == "某某学会"


def test_signature_above_an_unlabelled_list():
    items = "\n".join(f"{k}.某县第{k}科普教育基地" for k in range(1, 16))
    text = ("关于命名第三批某市科普教育基地的通知\n各县科协,各有关单位:\n"
            "经单位申报、专家评审,决定命名下列单位为第三批某市科普教育基地。希望各基地充分发挥作用。\n"
            f"某市科学技术协会\n2025年3月19日\n第三批某市科普教育基地名单\n{items}\n")
    (rec,) = parse_text(text)
    assert rec.issuer == "某市科学技术协会"
    assert rec.issued == dt.date(2025, 3, 19)


NOTICE_HEAD = "关于举办2025年某市科普讲解大赛的通知\n各区科协,各市级学会:\n为提升科普讲解水平,现将有关事项通知如下。\n一、请各单位于2025年6月30日前报送参赛名单。\n"
SIGNED = "某市科学技术协会\n2025年5月8日\n"


def _attachments(text):
    (rec,) = parse_text(text)
    return list(rec.attachments)


def test_attachments_run_together_on_the_label_line():
    assert _attachments(NOTICE_HEAD + "附件:1.参赛报名表 2.评分细则\n" + SIGNED) == ["参赛报名表", "评分细则"]


def test_unnumbered_attachments_under_a_bare_label():
    text = NOTICE_HEAD + "附件:\n参赛报名表\n市级讲解员推荐名单\n" + SIGNED
    assert _attachments(text) == ["参赛报名表", "市级讲解员推荐名单"]


def test_attachment_file_names_keep_their_extension_and_are_listed_once():
    text = NOTICE_HEAD + "附件:参赛报名表\n" + SIGNED + "附件下载:参赛报名表.docx\n"
    assert _attachments(text) == ["参赛报名表"]
    assert _attachments(NOTICE_HEAD + "附件:参赛报名表.xlsx\n" + SIGNED) == ["参赛报名表.xlsx"]


def test_annex_headings_when_there_is_no_attachment_note():
    text = NOTICE_HEAD + SIGNED + "附件1\n某市科普讲解大赛评分细则\n一、内容准确。\n"
    assert _attachments(text) == ["某市科普讲解大赛评分细则"]


def test_a_page_header_made_of_navigation_is_not_an_article():
    text = ("第03版:要闻 上一版 下一版\n语音朗读|返回首页 | 版面导航 | 标题导航\n"
            "某省科协召开全委会\n本报讯 5月15日,某省科协九届三次全委会在省会召开,会议审议通过了工作报告。\n"
            "会议由省科协主席主持。2025年5月16日\n")
    recs = parse_text(text)
    assert len(recs) == 1
    assert recs[0].title == "某省科协召开全委会"


def test_a_signed_news_item_on_a_web_page_is_a_bulletin_by_its_writer():
    text = ("云溪:县委对县科协两项工作给予肯定\n2025-01-12 15:30:00 来源: 临江市科学技术协会 作者:云溪县科协\n"
            "在各方支持下,云溪县科协帮助企业建成首家院士专家工作站,县科普活动中心建成开放,得到县委的肯定。\n"
            "县科协将以此为动力,积极主动作为。\n云溪县科协\n2025年1月12日\n[责任编辑:周某]\n友情链接:\n")
    recs = parse_text(text)
    assert len(recs) == 1
    assert recs[0].kind == "bulletin"
    assert recs[0].issuer == "云溪县科协"
    assert recs[0].issued == dt.date(2025, 1, 12)


@pytest.mark.parametrize("tail, issuer, issued", [
    ("特此通知。 ? ? ? 某某部创新司 ? ? ? 2025年5月6日(此件主动公开)\n", "某某部创新司", dt.date(2025, 5, 6)),
    ("特此通知。\n临江市科技局   二○二五年九月二十五日   联系人:王某 电话:2813061\n", "临江市科技局", dt.date(2025, 9, 25)),
    ("特此通知。\n临江市人民政府\n2025822\n", "临江市人民政府", dt.date(2025, 8, 22)),
])
def test_flattened_signatures(tail, issuer, issued):
    text = "关于开展科技活动周活动的通知\n各县区科技局:\n请各单位按照要求组织开展科技活动周活动,认真做好各项准备工作,确保取得实效。\n" + tail
    (rec,) = parse_text(text)
    assert rec.issuer == issuer
    assert rec.issued == issued


def test_a_bulletin_dated_only_recently_takes_its_publication_date():
    text = ("临江市科协开展科技志愿服务活动\n发布时间:2025-03-12 来源:临江市科协\n"
            "近日,临江市科协组织科技志愿者深入社区开展科普宣传活动。\n活动共发放宣传资料500余份。\n")
    (rec,) = parse_text(text)
    assert rec.issued == dt.date(2025, 3, 12)


@pytest.mark.parametrize("block, want", [
    ("附件一:参赛报名表\n附件二:评分细则\n", ["参赛报名表", "评分细则"]),
    ("附件:\n《参赛报名表》\n【讲解员推荐名单.xlsx】\n", ["参赛报名表", "讲解员推荐名单.xlsx"]),
])
def test_more_attachment_forms(block, want):
    assert _attachments(NOTICE_HEAD + block + SIGNED) == want


@pytest.mark.parametrize("number", ["云科协发﹝2025﹞7号", "云科協(xié)〔2025〕7號"])
def test_doc_numbers_in_small_brackets_or_with_pinyin_glosses(number):
    text = f"{number}\n各分会:\n现将有关事项通知如下,请各单位认真组织,按时报送材料,确保工作取得实效。\n云岭省科协\n2025年3月1日\n"
    (rec,) = parse_text(text)
    assert rec.doc_number == number
    assert rec.title != number


def test_traditional_dateline_with_a_stamp_first_metadata_line():
    text = ("2009 年4 月18 日 來源:某某日報\n院士專家基層行\n"
            "本報南京4月17日電(記者王某)已過中午12點,雖然主持人一再強調這是最后一位發言,但還有幾位院士專家搶了話筒。\n")
    (rec,) = parse_text(text)
    assert rec.kind == "bulletin"
    assert rec.title == "院士專家基層行"


def test_unsigned_notice_issuer_from_its_masthead():
    text = ("云岭省科学技术协会文件\n云科协发〔2025〕3号\n关于开展科技工作者日活动的通知\n各州市科协:\n"
            "请各单位结合实际,组织开展形式多样的科技工作者日活动,并于6月10日前报送活动总结。\n")
    (rec,) = parse_text(text)
    assert rec.issuer == "云岭省科学技术协会"


def test_bulletin_unit_in_brackets_after_its_dateline():
    text = ("云岭省科协举办科普讲解大赛\n本报讯(省科协科普部) 5月20日,云岭省科普讲解大赛在省科技馆举行,来自全省的50名选手参加比赛。\n"
            "大赛评选出一等奖5名。\n")
    (rec,) = parse_text(text)
    assert rec.issuer == "省科协科普部"


def test_joint_issuers_on_lines_of_their_own_are_kept_whole():
    text = ("关于联合开展科技活动周的通知\n各县区科技局、教育局:\n"
            "现就联合开展科技活动周有关事项通知如下,请各单位认真组织实施,确保取得实效。\n"
            "临江市科学技术局\n临江市教育局\n2025年5月6日\n")
    (rec,) = parse_text(text)
    assert rec.issuer == "临江市科学技术局 临江市教育局"


def test_recipients_under_a_title_lengthened_by_pinyin_glosses():
    title = "關(guān)于征求《云岭省推進(jìn)科技創(chuàng)新人才集聚項(xiàng)目管理辦法(征求意見(jiàn)稿)》意見(jiàn)的函"
    text = f"{title}\n各有關(guān)單位:\n請于2025年5月10日前反饋意見,逾期視為無意見。\n"
    (rec,) = parse_text(text)
    assert rec.recipients == ("各有關(guān)單位",)
