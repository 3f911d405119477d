#!/usr/bin/env python3
"""Build castdoc/lexicon/idf.txt: castdoc's genre adjustments to jieba's IDF table.

Why a table of adjustments and not a fitted IDF: castdoc may only learn from text it is
free to use (its own samples/ and text its authors write), which is far too little to fit
an IDF over a vocabulary. So castdoc starts from the IDF that ships inside jieba
(jieba/analyse/idf.txt, read at run time from the installed package, never copied) and
this script writes only the words whose weight the genre changes:

- boilerplate of 科协 notices and bulletins (通知, 工作, 科协, 单位, 有关, 要求, 开展 …) is
  scaled down, so that a notice's keywords are what it is about, not how notices talk;
- genre terms from castdoc's own lexicons (field.txt, platforms.txt, initiatives.txt)
  that jieba does not know, or knows as rare, get a floor, so that 海智 or 科创中国 rank
  like the content words they are;
- with --corpus DIR (text castdoc may use, e.g. samples/), words found in more than half
  of its documents are scaled down too (only when DIR holds at least MIN_DOCS documents).

    python scripts/build_idf.py            # writes castdoc/lexicon/idf.txt
    python scripts/build_idf.py --corpus samples --check

The output is deterministic (sorted), so a rebuild shows as a clean diff.
"""
from __future__ import annotations

import argparse
import math
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "castdoc" / "lexicon" / "idf.txt"
SCALE = 0.2  # boilerplate keeps this share of its jieba weight
MIN_DOCS = 8

# How notices and bulletins talk, whatever they are about.
BOILERPLATE = """
通知 工作 科协 单位 有关 要求 开展 加强 推进 组织 进一步 积极 活动 会议 各级 同志 领导 年度 报送 附件 联系人 电话
邮箱 联系电话 联系方式 落实 做好 认真 相关 情况 部门 提高 推动 深入 贯彻 各地 全省 全市 省科协 市科协 中国科协 特此
如下 事项 现将 根据 为了 进行 实施 发展 建设 重要 表示 希望 指出 强调 介绍 参加 召开 举办 负责 材料 时间 地点 方式
内容 本次 今年 近日 日前 上午 下午 出席 陪同 主席 副主席 书记 部长 主任 党组 党组书记 党组成员 同时 以及 通过 按照
意见 决定 通报 请示 函 文件 印发 转发 办公室 科学技术协会 协会 学会 研究会 省级 市级 各市 各县 县级 全国 广大 有效
确保 及时 切实 充分 不断 全面 高度 重视 作用 方面 工作者 代表 座谈会 调研 一行 本报讯 记者 通讯员 责任编辑 来源
发布 时间 作者 编辑 摄影 报道 下载 网址 地址 邮编 传真 手机 申报 推荐 评选 名单 截止 日期 之前 前将 报至 发送
""".split()


def jieba_idf() -> dict[str, float]:
    text = resources.files("jieba").joinpath("analyse", "idf.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        word, _, w = line.strip().partition(" ")
        if word and w:
            out[word] = float(w)
    return out


def lexicon_words() -> list[str]:
    words = []
    for name in ("field.txt", "platforms.txt", "initiatives.txt"):
        for line in (ROOT / "castdoc" / "lexicon" / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.append(line.split()[0])
    return words


def corpus_df(folder: Path) -> tuple[dict[str, int], int]:
    sys.path.insert(0, str(ROOT))
    from castdoc import nlp

    docs = [p for p in sorted(folder.rglob("*")) if p.suffix in (".txt", ".md")]
    df: dict[str, int] = {}
    for p in docs:
        words = {w for w, _ in nlp.cut(p.read_text(encoding="utf-8", errors="replace")) if len(w) >= 2}
        for w in words:
            df[w] = df.get(w, 0) + 1
    return df, len(docs)


def build(corpus: Path | None) -> dict[str, float]:
    base = jieba_idf()
    values = sorted(base.values())
    median = values[len(values) // 2]
    out: dict[str, float] = {}
    for w in BOILERPLATE:
        out[w] = round(base.get(w, median) * SCALE, 4)
    for w in lexicon_words():
        if w not in out and base.get(w, 0.0) < median:
            out[w] = round(median, 4)
    if corpus is not None:
        df, n = corpus_df(corpus)
        if n >= MIN_DOCS:
            for w, k in df.items():
                if k / n > 0.5 and w not in out:
                    out[w] = round(base.get(w, median) * max(SCALE, math.log(n / k + 1) / math.log(3)), 4)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="a folder of texts castdoc may learn from (e.g. samples/)")
    ap.add_argument("--check", action="store_true", help="exit 1 if the shipped file differs from a rebuild")
    args = ap.parse_args()
    table = build(args.corpus)
    text = (
        "# castdoc's genre adjustments to jieba's IDF (jieba/analyse/idf.txt): word<space>idf.\n"
        "# Built by scripts/build_idf.py (see its docstring); do not edit by hand.\n"
        + "".join(f"{w} {v}\n" for w, v in sorted(table.items()))
    )
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("idf.txt is up to date" if same else "idf.txt differs from a rebuild", file=sys.stderr)
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(table)} words)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
