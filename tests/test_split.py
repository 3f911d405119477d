"""Articles in one file: a newspaper page holding a notice and a bulletin."""
from __future__ import annotations

from castdoc.normalise import normalise
from castdoc.pipeline import parse_text
from castdoc.split import split_articles

PAGE = """关于做好2024年全国科技工作者日活动的通知
各市科协，各省级学会：
为做好今年全国科技工作者日有关活动，现将有关事项通知如下。请各单位于5月20日前将活动方案报送省科协组织人事部。
省科协
2024年5月6日
市科协召开科技工作者座谈会
本报讯 5月28日上午，市科协召开科技工作者代表座谈会，市科协党组书记、主席李明出席会议并讲话，会议由市科协副主席王芳主持。
（市科协办公室）
"""


def test_notice_then_bulletin_gives_two_articles():
    arts = split_articles(normalise(PAGE))
    assert len(arts) == 2
    assert arts[0].text.startswith("关于做好")
    assert arts[1].text.startswith("市科协召开")


def test_two_dateline_items_split_with_their_titles():
    text = (
        "省科协举办科普讲座\n本报讯 3月2日，省科协在省科技馆举办科普讲座，来自全省的二百余名中学生参加了讲座活动。\n"
        "市科协开展调研\n本报讯 3月5日，市科协赴县区开展基层科协组织建设调研，听取了各县区科协的工作汇报。\n"
    )
    arts = split_articles(normalise(text))
    assert [a.text.split("\n")[0] for a in arts] == ["省科协举办科普讲座", "市科协开展调研"]


def test_single_notice_is_not_split_by_its_colophon():
    text = (
        "各县(市、区)科协:\n经研究，决定于2024年3月12日上午在市科技馆召开全市科协工作会议，现将有关事项通知如下。\n"
        "请参会同志提前10分钟入场。\n市科学技术协会\n2024年3月5日\n主题词:科协工作 会议 通知\n市科协办公室 2024年3月5日印发\n"
    )
    assert len(split_articles(normalise(text))) == 1


def test_records_name_their_article():
    recs = parse_text(PAGE, name="page.txt")
    assert [(r.source.article, r.source.articles) for r in recs] == [(0, 2), (1, 2)]
    assert [r.kind for r in recs] == ["notice", "bulletin"]
