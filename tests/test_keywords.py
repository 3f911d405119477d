"""Keywords: TF-IDF over the shared plain segmentation, with the genre's boilerplate weighed down."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from castdoc.extract import Found, keywords, people
from conftest import doc_of

ROOT = Path(__file__).resolve().parent.parent

NOTICE = """关于举办2024年全省科普讲解大赛的通知
各市科协,各省级学会:
为提升科普讲解员队伍素质,省科协决定举办2024年全省科普讲解大赛。现将有关事项通知如下。
一、参赛对象。各科普教育基地、科技馆的专兼职科普讲解员均可报名。
二、比赛形式。大赛分初赛、复赛和决赛,讲解内容围绕航天、人工智能和生态保护等主题。
三、工作要求。各单位要高度重视,认真组织讲解员报名,于5月20日前报送有关材料。
联系人:赵德明 联系电话:020-87654321
"""


_doc = doc_of


def test_terms_are_the_subject_not_the_boilerplate():
    doc = _doc(NOTICE)
    kws = keywords.extract(doc, Found(people=people.extract(doc, Found())))
    terms = [k.term for k in kws]
    assert 1 <= len(terms) <= keywords.TOP
    assert "讲解员" in terms[:3] or "科普讲解" in terms[:3] or "讲解" in terms[:3]
    for boiler in ("通知", "工作", "单位", "有关", "要求", "科协", "报送"):
        assert boiler not in terms
    weights = [k.weight for k in kws]
    assert weights == sorted(weights, reverse=True)
    assert all(t in NOTICE for t in terms)


def test_pieces_of_names_are_no_terms():
    text = "省科协副主席韩立新调研。韩立新指出,韩立新强调,要做好基层科普工作。"
    doc = _doc(text)
    terms = [k.term for k in keywords.extract(doc, Found(people=people.extract(doc, Found())))]
    assert "立新" not in terms


def test_traditional_text_reports_terms_as_written():
    text = "市科協組織開展科普講解活動,科普講解員參加培訓,講解技能明顯提升。"
    terms = [k.term for k in keywords.extract(_doc(text), Found())]
    assert any("講解" in t for t in terms)
    assert all(t in text for t in terms)


def test_an_empty_document_has_no_keywords():
    assert keywords.extract(_doc("。。。"), Found()) == ()


def test_shipped_idf_adjustments_match_the_build_script():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_idf.py"), "--check"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
