"""`castdoc show`: the document with what castdoc found highlighted, and a summary."""
from __future__ import annotations

from typer.testing import CliRunner

from castdoc.cli import app

BULLETIN = """市科协召开科普工作座谈会
本报讯 3月5日,市科协党组书记、主席吴建国主持召开科普工作座谈会,市科协副主席马晓峰参加会议。
会议部署了“科普进社区”系列活动,推进佛山市南海区科技服务站建设。[bold]请勿[/bold]
(郑一鸣)
"""


def test_show_prints_the_document_and_its_summary(tmp_path):
    f = tmp_path / "bulletin.txt"
    f.write_text(BULLETIN, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(f)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "市科协召开科普工作座谈会" in out  # the title, in the text and in the summary
    assert out.count("吴建国") >= 2 and "马晓峰" in out and "郑一鸣" in out
    assert "佛山市南海区科技服务站" in out and "科普进社区" in out
    assert "summary" in out and "bulletin" in out
    # document text is printed as text, never read as markup
    assert "[bold]请勿[/bold]" in out


def test_show_styles_the_spans(tmp_path):
    from rich.console import Console

    from castdoc.show import show

    f = tmp_path / "bulletin.txt"
    f.write_text(BULLETIN, encoding="utf-8")
    console = Console(record=True, force_terminal=True, color_system="standard", width=120)
    assert show(f, console=console) == 1
    html = console.export_html(inline_styles=True)
    assert "吴建国" in html and "color: #800080" in html  # magenta for people


def test_show_names_a_missing_article(tmp_path):
    f = tmp_path / "bulletin.txt"
    f.write_text(BULLETIN, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(f), "--article", "5"])
    assert result.exit_code == 2
    assert "no article 5" in result.output


def test_show_reports_an_unreadable_file(tmp_path):
    result = CliRunner().invoke(app, ["show", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_show_has_help():
    result = CliRunner().invoke(app, ["show", "--help"])
    assert result.exit_code == 0 and "--article" in result.output
