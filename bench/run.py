"""castdoc's benchmark: one run, every number the speed issue asks for, into bench/RESULTS.md.

    python bench/run.py                 # 2,000 documents, writes bench/RESULTS.md
    python bench/run.py --docs 300 --no-write   # a quick look

It builds a corpus from samples/*.txt under bench/_corpus (git-ignored): each document is
a sample varied by the script (people, places, organisations, dates, numbers, sentence
order, paragraphs dropped or repeated), so jieba and the rules meet new text, not copies.
Then it measures, each in a fresh process as a user would run it:

- ``castdoc parse`` over the corpus with ``-j 1`` and ``-j 2``: documents/s, KB/s (these, the
  floor and the machine's ceiling below run ``--repeat`` times, taking turns, and the medians
  are reported: a virtual machine's second core is not always a whole one);
- the floor: the same texts read and cut by bare ``jieba.lcut`` (jieba's default
  dictionary, loaded from its cache), and castdoc's time as a ratio to it;
- start-up: ``castdoc --help``, and ``castdoc parse`` of one small notice with castdoc's
  caches cold (an empty cache folder: no word table, no compiled patterns) and warm, taking
  turns; medians of wall and CPU time, with Python's bytecode cached (see BYTECODE);
- peak resident memory of any castdoc process (the parent or a worker);
- ``castdoc check`` over an archive of 500 documents with their records: a full check with
  -j 1 and -j 2 and a check of the unchanged archive, taking turns; medians;
- the parent's own peak memory for ``--format json`` at 100 and at 5 x --docs documents;
- one document of a single line at 1/10 of --line-kb and at --line-kb: time per KB;
- the PDF reader's share of parsing the sample PDF, and its cost per page against bare
  pypdfium2 (CPU time of the one process);
- the .doc and OFD readers' milliseconds per page, and OCR's seconds per scanned page
  (when the ``ocr`` extra is installed).

Timings on a shared machine vary: every comparison takes turns and reports medians.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = ROOT / "samples"
CORPUS = HERE / "_corpus"

# Fallback templates, used only when samples/ holds no .txt (our own words, not corpus text).
TEMPLATES = [
    """某市科学技术协会关于举办青少年科技创新大赛的通知

某科协发〔2024〕8号

各区科协，各中小学：

为激发青少年科学兴趣，经研究，决定举办第十届青少年科技创新大赛。现将有关事项通知如下。

一、参赛对象

全市在校中小学生均可报名参赛。

二、报名时间

请各单位于2024年3月20日前将报名表报送市科协青少年部。

联系人：王明，电话：0571-87650001

某市科学技术协会
2024年3月1日
""",
    """市科协举办科技工作者座谈会

本报讯（记者 李静）3月15日，市科协召开科技工作者座谈会。市科协主席张国强出席会议并讲话。

会上，来自高校、企业的12位科技工作者代表作了交流发言。

（市科协办公室）
""",
]

NAMES = [
    "王晓东", "李春梅", "张立新", "刘海燕", "陈志刚", "杨秀英", "赵建国", "黄丽华", "周明辉", "吴桂兰",
    "徐卫东", "孙玉珍", "马俊杰", "朱红梅", "胡文斌", "郭淑芬", "何永强", "高雪梅", "林志明", "罗晓燕",
    "郑国庆", "梁美玲", "谢天宇", "宋佳怡", "唐振华", "许文静", "韩立军", "冯晓丽", "邓建平", "曹雅琴",
]
PLACES = ["浙江省", "江苏省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省",
          "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "吉林省", "辽宁省", "河北省", "山西省", "海南省"]
CITIES = ["杭州市", "宁波市", "温州市", "南京市", "苏州市", "合肥市", "福州市", "厦门市", "南昌市", "济南市",
          "青岛市", "郑州市", "武汉市", "长沙市", "广州市", "成都市", "贵阳市", "昆明市", "西安市", "兰州市"]
UNITS = ["科普部", "学会学术部", "组织人事部", "企业工作部", "青少年科技中心", "办公室", "调研宣传部", "国际联络部"]
TAGS = ["某省", "某市", "某县", "某区"]


# --- the corpus ---------------------------------------------------------------------------


def _samples(folder: Path | None = None) -> list[str]:
    texts = []
    for p in sorted((folder or SAMPLES).glob("*.txt")):
        try:
            texts.append(p.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue  # the GB18030 twin of a sample: same text
    return texts or TEMPLATES


_FULL = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_PART = re.compile(r"(?<![年\d])(\d{1,2})月(\d{1,2})日")
_LABELLED = re.compile(r"(联系人|记者|通讯员|编辑|作者|负责人)([：:\s]*)([\u4e00-\u9fff]{2,3})(?=[，,。；;）)\s、]|$)")
_LONGNUM = re.compile(r"\d{7,}")
_DOCNO = re.compile(r"〔((?:19|20)\d{2})〕(\d{1,4})号")


def vary(text: str, rng: random.Random) -> str:
    """One new document from a sample: same genre and shape, different details."""
    # people: every labelled name, and its other mentions, become new names
    found = {m.group(3) for m in _LABELLED.finditer(text)}
    for old in sorted(found):
        text = text.replace(old, rng.choice(NAMES))
    for tag, pool in (("某省", PLACES), ("某市", CITIES), ("某县", ["临安县", "德清县", "安吉县", "桐庐县"]),
                      ("某区", ["西湖区", "鼓楼区", "高新区", "滨江区"])):
        text = text.replace(tag, rng.choice(pool))
    text = text.replace("某科协", rng.choice(["浙科协", "苏科协", "皖科协", "闽科协", "赣科协", "鲁科协"]))
    text = text.replace("企业工作部", rng.choice(UNITS)).replace("科普部", rng.choice(UNITS))
    # dates: one shift per document keeps the deadlines after the signature date
    shift = dt.timedelta(days=rng.randint(-900, 300))

    def full(m):
        try:
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) + shift
        except ValueError:
            return m.group(0)
        return f"{d.year}年{d.month}月{d.day}日"

    def part(m):
        try:
            d = dt.date(2024, int(m.group(1)), int(m.group(2))) + shift
        except ValueError:
            return m.group(0)
        return f"{d.month}月{d.day}日"

    text = _PART.sub(part, _FULL.sub(full, text))
    text = _DOCNO.sub(lambda m: f"〔{int(m.group(1)) + shift.days // 365}〕{rng.randint(1, 120)}号", text)
    text = _LONGNUM.sub(lambda m: "".join(rng.choice("0123456789") for _ in m.group(0)), text)
    # paragraphs: keep the head and the tail, vary the body
    paras = text.split("\n")
    head, body, tail = paras[:6], paras[6:-6], paras[-6:]
    new_body = []
    for p in body:
        r = rng.random()
        if len(p) > 40 and r < 0.08:
            continue  # dropped
        if len(p) > 40 and p.count("。") >= 2 and rng.random() < 0.3:
            first, *rest = [s for s in p.split("。") if s]
            rng.shuffle(rest)  # the first sentence stays: it may carry a heading marker
            p = "。".join([first, *rest]) + "。"
        new_body.append(p)
        if len(p) > 40 and r > 0.92:
            new_body.append(p)  # repeated
    return "\n".join(head + new_body + tail)


def build_corpus(n: int, *, seed: int = 20240501, where: Path = CORPUS, texts: Path | None = None) -> tuple[list[Path], int]:
    if where.exists():
        strangers = [p.name for p in where.iterdir()  # its documents, their records, check's state
                     if not re.fullmatch(r"d\d{5}\.(txt|yaml)|\.castdoc-check\.json", p.name)]
        if strangers:  # never empty a folder this script did not fill
            raise SystemExit(f"bench: {where} holds files the benchmark did not write ({strangers[0]} …); choose another --corpus")
        shutil.rmtree(where)
    where.mkdir(parents=True)
    rng = random.Random(seed)
    bases = _samples(texts)
    paths, total = [], 0
    for i in range(n):
        text = vary(bases[i % len(bases)], rng)
        p = where / f"d{i:05d}.txt"
        data = text.encode("utf-8")
        p.write_bytes(data)
        total += len(data)
        paths.append(p)
    return paths, total


# --- measuring ----------------------------------------------------------------------------

# Every child runs with Python's bytecode cache, as an installed castdoc does (pip compiles
# it): a shell with PYTHONDONTWRITEBYTECODE set would otherwise make each start compile
# castdoc's modules from source, a third of a second that no user pays. When the shell
# set it, the .pyc files go under a temporary folder, not into the source tree.
BYTECODE = "cached"
if os.environ.get("PYTHONDONTWRITEBYTECODE"):
    os.environ.pop("PYTHONDONTWRITEBYTECODE")
    os.environ.setdefault("PYTHONPYCACHEPREFIX", os.path.join(tempfile.gettempdir(), f"castdoc-bench-pyc-{os.getuid() if hasattr(os, 'getuid') else 0}"))
    BYTECODE = f"cached under {os.environ['PYTHONPYCACHEPREFIX']} (the shell had PYTHONDONTWRITEBYTECODE set)"


def child_cpu() -> float:
    """User + system seconds of the children waited for so far."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of ``cmd``, its output dropped."""
    c, t = child_cpu(), time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t, child_cpu() - c

PEAK = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "took = time.perf_counter() - t\n"
    "ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "kb = ru.ru_maxrss\n"
    "sys.stderr.write(r.stderr.decode('utf-8', 'replace')[-2000:])\n"
    "print(took, kb, r.returncode, ru.ru_utime + ru.ru_stime)\n"
)


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, int, int, float]:
    """Wall seconds, peak RSS (KB) of the command and all its children, exit status, CPU seconds."""
    r = subprocess.run([sys.executable, "-c", PEAK, *cmd], capture_output=True, text=True, env=env)
    if r.stderr.strip():
        sys.stderr.write(r.stderr)
    took, kb, rc, cpu = r.stdout.split()
    return float(took), int(kb), int(rc), float(cpu)


def castdoc_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("castdoc")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "castdoc"]


FLOOR = (
    "import sys, time, logging\n"
    "t0 = time.perf_counter()\n"
    "import jieba\n"
    "jieba.setLogLevel(logging.WARNING)\n"
    "jieba.initialize()\n"
    "t1 = time.perf_counter()\n"
    "n = 0\n"
    "for line in open(sys.argv[1], encoding='utf-8'):\n"
    "    text = open(line.strip(), encoding='utf-8').read()\n"
    "    n += len(jieba.lcut(text))\n"
    "t2 = time.perf_counter()\n"
    "print(t1 - t0, t2 - t1, n)\n"
)


def floor(list_file: Path) -> tuple[float, float, float]:
    """(wall end to end, segmentation alone, CPU end to end) of bare jieba, in seconds."""
    c, t = child_cpu(), time.perf_counter()
    r = subprocess.run([sys.executable, "-c", FLOOR, str(list_file)], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t
    init, cut, _ = r.stdout.split()
    return wall, float(cut), child_cpu() - c


BUSY = "import time\nt = time.perf_counter()\nx = 0\nfor i in range(15_000_000): x += i\nprint(time.perf_counter() - t)\n"


def cpu_ceiling() -> float:
    """The best speed-up two processes can get here: two pure-Python loops side by side.

    Virtual machines often give two vCPUs that do not run two processes at full speed;
    this says how much of a -j 2 shortfall is the machine's.
    """
    one = float(subprocess.run([sys.executable, "-c", BUSY], capture_output=True, text=True).stdout)
    procs = [subprocess.Popen([sys.executable, "-c", BUSY], stdout=subprocess.PIPE, text=True) for _ in range(2)]
    both = max(float(p.communicate()[0]) for p in procs)
    return 2 * one / both


def median_time(cmd: list[str], n: int = 5, env: dict | None = None) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def pdf_share() -> list[tuple[str, str]]:
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    if not pdfs:
        return [("PDF reader share", "no samples/*.pdf")]
    rows = []
    code = (
        "import sys, time\n"
        "from castdoc.parse import read_path\n"
        "from castdoc.pipeline import parse_path\n"
        "p = sys.argv[1]\n"
        "parse_path(p)\n"
        "n = 10\n"
        "t = time.process_time()\n"
        "for _ in range(n): raw = read_path(p)\n"
        "r = (time.process_time() - t) / n\n"
        "t = time.process_time()\n"
        "for _ in range(n): parse_path(p)\n"
        "a = (time.process_time() - t) / n\n"
        "pages = raw.pages or 1\n"
        "import pypdfium2 as pdfium\n"
        "t = time.process_time()\n"
        "for _ in range(n):\n"
        "    doc = pdfium.PdfDocument(p)\n"
        "    [doc[i].get_textpage().get_text_range() for i in range(len(doc))]\n"
        "    doc.close()\n"
        "f = (time.process_time() - t) / n\n"
        "import pdfplumber\n"
        "t = time.process_time()\n"
        "for _ in range(n):\n"
        "    with pdfplumber.open(p) as d: [pg.extract_text() for pg in d.pages]\n"
        "pl = (time.process_time() - t) / n\n"
        "print(r, a, pages, f, pl)\n"
    )
    for p in pdfs:
        r = subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True, text=True)
        if r.returncode != 0:
            rows.append((f"PDF {p.name}", "failed: " + (r.stderr.strip().splitlines() or ["?"])[-1][:120]))
            continue
        read, whole, pages, fium, plumb = r.stdout.split()
        read, whole, pages, fium, plumb = float(read), float(whole), int(pages), float(fium), float(plumb)
        rows.append((f"PDF {p.name} ({pages} pages): reader / whole parse",
                     f"{read * 1000:.0f} ms / {whole * 1000:.0f} ms ({read / whole:.0%} in the reader)"))
        rows.append((f"PDF {p.name}: per page, bare pypdfium2 text / bare pdfplumber extract_text",
                     f"{fium / pages * 1000:.1f} ms / {plumb / pages * 1000:.1f} ms"))
        rows.append((f"PDF {p.name}: castdoc's reader / bare pypdfium2 text, per page",
                     f"{read / pages * 1000:.1f} ms / {fium / pages * 1000:.1f} ms: {read / fium:.2f}x (target <= 2x)"))
    return rows


# --- check, memory, start-up, long lines: the rows of the speed issue's targets -------------


def check_rows(cmd: list[str], n: int, repeat: int, texts: Path | None, where: Path) -> list[tuple[str, str]]:
    """``castdoc check`` over an archive of ``n`` documents with their records: a full check
    with -j 1 and -j 2 (``--full``) and an unchanged one (the state kept by the last full
    run), taking turns; medians."""
    paths, _ = build_corpus(n, seed=7, where=where, texts=texts)
    subprocess.run([*cmd, "parse", "--update", str(where), "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    got: dict[str, list[float]] = {"j1": [], "j2": [], "unchanged": []}
    for _ in range(repeat):
        for key, extra in (("j1", ["--full", "-j", "1"]), ("j2", ["--full", "-j", "2"]), ("unchanged", ["-j", "2"])):
            t = time.perf_counter()
            subprocess.run([*cmd, "check", str(where), *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            got[key].append(time.perf_counter() - t)
        print(f"check: full -j1 {got['j1'][-1]:.2f} s, full -j2 {got['j2'][-1]:.2f} s, unchanged {got['unchanged'][-1]:.2f} s",
              file=sys.stderr)
    j1, j2, same = (statistics.median(got[k]) for k in ("j1", "j2", "unchanged"))
    return [
        (f"castdoc check, {n} documents with records, full -j 1 / -j 2", f"{j1:.2f} s / {j2:.2f} s"),
        ("check speed-up -j 2 / -j 1 (full)", f"{j1 / j2:.2f}x (target >= 1.6x where the ceiling is >= 1.8x)"),
        ("check of the unchanged archive (-j 2)", f"{same:.2f} s: {same / j2:.0%} of the full check (target <= 15%)"),
    ]


PARENT_PEAK = (
    "import atexit, resource, sys\n"
    "out = sys.argv.pop(1)\n"
    "atexit.register(lambda: open(out, 'w').write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))\n"
    "sys.argv = ['castdoc', *sys.argv[1:]]\n"
    "from castdoc.cli import main\n"
    "main()\n"
)


def parent_peak_kb(args: list[str]) -> tuple[int, float]:
    """Peak RSS (KB) of the castdoc process itself, not of its workers, and the wall time."""
    with tempfile.NamedTemporaryFile(suffix=".rss", delete=False) as f:
        out = f.name
    try:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", PARENT_PEAK, out, *args], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        took = time.perf_counter() - t
        return int(Path(out).read_text() or 0), took
    finally:
        os.unlink(out)


def memory_rows(small: int, big: int, texts: Path | None, where: Path) -> list[tuple[str, str]]:
    """Parent peak RSS of ``parse --format json`` at ``small`` and at ``big`` documents."""
    a, b = where.with_name(where.name + "_small"), where
    build_corpus(small, seed=11, where=a, texts=texts)
    build_corpus(big, seed=12, where=b, texts=texts)
    ka, ta = parent_peak_kb(["parse", str(a), "-f", "json", "-q"])
    kb_, tb = parent_peak_kb(["parse", str(b), "-f", "json", "-q"])
    print(f"memory: {small} docs {ka / 1024:.0f} MB ({ta:.1f} s), {big} docs {kb_ / 1024:.0f} MB ({tb:.1f} s)", file=sys.stderr)
    return [
        (f"parse --format json, parent peak RSS at {small} / {big} documents",
         f"{ka / 1024:.0f} MB / {kb_ / 1024:.0f} MB: {kb_ / max(ka, 1):.2f}x (target <= 1.3x)"),
    ]


def startup_rows(cmd: list[str], small: Path, runs: int = 5) -> list[tuple[str, str]]:
    """--help, and one small notice warm and with an empty cache, taking turns; medians of
    the wall time and of the CPU time (user + system: what a loaded machine does not inflate)."""
    helps, warms, colds = [], [], []
    for _ in range(runs):
        helps.append(run_timed([*cmd, "--help"]))
        warms.append(run_timed([*cmd, "parse", str(small)]))
        if len(colds) < 3:
            with tempfile.TemporaryDirectory() as cold_dir:
                env = dict(os.environ, XDG_CACHE_HOME=cold_dir, CASTDOC_CACHE_DIR=os.path.join(cold_dir, "castdoc"))
                colds.append(run_timed([*cmd, "parse", str(small)], env=env))

    def med(got, k):
        return statistics.median(x[k] for x in got)

    return [
        ("castdoc --help", f"{med(helps, 0):.3f} s wall, {med(helps, 1):.3f} s CPU (target <= 0.1 s)"),
        ("parse one small notice, caches empty (word table, patterns)",
         f"{med(colds, 0):.2f} s wall, {med(colds, 1):.2f} s CPU, median of {len(colds)} (target <= 2.0 s)"),
        ("parse one small notice, warm", f"{med(warms, 0):.2f} s wall, {med(warms, 1):.2f} s CPU (target <= 0.5 s)"),
    ]


LINE = (
    "import sys, time\n"
    "from castdoc.pipeline import parse_path\n"
    "parse_path(sys.argv[1])\n"  # warm: the table, the patterns
    "out = []\n"
    "for p in sys.argv[2:]:\n"
    "    t = time.perf_counter(); parse_path(p); out.append(time.perf_counter() - t)\n"
    "print(*out)\n"
)


def line_rows(small_kb: int, big_kb: int, texts: Path | None, where: Path, repeat: int = 3) -> list[tuple[str, str]]:
    """One document of a single line, ``small_kb`` and ``big_kb`` long (varied text, no line
    breaks): the time per KB at each size, taking turns; medians."""
    if where.exists():
        strangers = [p.name for p in where.iterdir() if not re.fullmatch(r"line\d+\.txt|warm\.txt", p.name)]
        if strangers:
            raise SystemExit(f"bench: {where} holds files the benchmark did not write ({strangers[0]} …)")
        shutil.rmtree(where)
    where.mkdir(parents=True)
    rng = random.Random(3)
    bases = [b.replace("\r", "").replace("\n", "") for b in _samples(texts)]
    files = {}
    for kb in (small_kb, big_kb):
        parts, size = [], 0
        while size < kb * 1024:
            t = vary(rng.choice(bases), rng).replace("\n", "")
            parts.append(t)
            size += len(t.encode("utf-8"))
        p = where / f"line{kb}.txt"
        p.write_text("".join(parts), encoding="utf-8")
        files[kb] = p
    warm = where / "warm.txt"
    warm.write_text(bases[0][:200], encoding="utf-8")
    per: dict[int, list[float]] = {small_kb: [], big_kb: []}
    for _ in range(repeat):
        r = subprocess.run([sys.executable, "-c", LINE, str(warm), str(files[small_kb]), str(files[big_kb])],
                           capture_output=True, text=True)
        if r.returncode != 0:
            return [("one line", "failed: " + (r.stderr.strip().splitlines() or ["?"])[-1][:120])]
        a, b = (float(x) for x in r.stdout.split())
        per[small_kb].append(a / (files[small_kb].stat().st_size / 1024))
        per[big_kb].append(b / (files[big_kb].stat().st_size / 1024))
    a, b = statistics.median(per[small_kb]), statistics.median(per[big_kb])
    return [(f"one line of {small_kb} KB / {big_kb} KB: parse time per KB",
             f"{a * 1000:.2f} ms / {b * 1000:.2f} ms: {b / a:.2f}x (target <= 1.3x)")]


FORMATS_CODE = r"""
import io, sys, time
sys.path.insert(0, sys.argv[1])  # tests/: the .doc and .ofd builders the reader tests use
from docbuild import make_doc, make_ofd
from castdoc.parse import read_bytes
text = open(sys.argv[2], encoding="utf-8").read()
paras = [p.strip() for p in text.splitlines() if p.strip()]

def best(fn, n=5):
    ts = []
    for _ in range(n):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return min(ts)

# a .doc of the notice, 8 copies: one UTF-16 piece a paragraph
doc = make_doc([(p + "\r", False) for p in paras * 8])
chars = sum(len(p) for p in paras) * 8
d = best(lambda: read_bytes(doc, name="n.doc", suffix=".doc"))
# an OFD of the same text laid out as GB/T 9704 pages: 28 characters a line, 22 lines a page
rows = [p[k:k + 28] for p in paras * 8 for k in range(0, len(p), 28)]
pages = [[(25.0, 40.0 + 10 * r, t, 5.6) for r, t in enumerate(rows[k:k + 22])] for k in range(0, len(rows), 22)]
ofd = make_ofd(pages)
o = best(lambda: read_bytes(ofd, name="n.ofd", suffix=".ofd"))
print(d * 1000 / (chars / 616), o * 1000 / len(pages), len(pages))
try:
    import pypdfium2 as pdfium
    from castdoc.parse import ocr
    if not ocr.available():
        raise ImportError
except ImportError:
    print("none")
    raise SystemExit
pdf = pdfium.PdfDocument(sys.argv[3])
img = pdf[0].render(scale=200 / 72).to_pil().convert("RGB")
buf = io.BytesIO(); img.save(buf, "PDF", resolution=200)
t = time.perf_counter(); ocr._engine(); load = time.perf_counter() - t
t = time.perf_counter(); read_bytes(buf.getvalue(), name="scan.pdf", suffix=".pdf"); page = time.perf_counter() - t
print(load, page)
"""


def formats_rows() -> list[tuple[str, str]]:
    """The .doc and OFD readers' ms per page, and OCR's seconds per page of a scan."""
    notice = SAMPLES / "notice.txt"
    pdf = SAMPLES / "notice.pdf"
    if not notice.exists() or not (ROOT / "tests" / "docbuild.py").exists():
        return [(".doc / OFD readers", "no samples/notice.txt or tests/docbuild.py")]
    r = subprocess.run([sys.executable, "-c", FORMATS_CODE, str(ROOT / "tests"), str(notice), str(pdf)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return [(".doc / OFD readers", "failed: " + (r.stderr.strip().splitlines() or ["?"])[-1][:120])]
    first, second = r.stdout.strip().splitlines()[:2]
    doc_ms, ofd_ms, pages = first.split()
    rows = [(".doc reader (the sample notice x8, one page = 616 characters)", f"{float(doc_ms):.1f} ms per page"),
            (f"OFD reader (the sample notice x8 as {pages} GB/T 9704 pages)", f"{float(ofd_ms):.1f} ms per page")]
    if second == "none":
        rows.append(("OCR of a scanned page", "the ocr extra is not installed (pip install 'castdoc[ocr]')"))
    else:
        load, page = second.split()
        rows.append(("OCR of a scanned page (notice.pdf page 1 at 200 dpi, image only)",
                     f"{float(page):.1f} s per page (+{float(load):.1f} s to load the engine once)"))
    return rows


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 0
    import castdoc

    return {
        "cores (nproc)": str(cores),
        "CPU": cpu,
        "Python": platform.python_version(),
        "OS": platform.platform(),
        "castdoc": castdoc.__version__,
        "date": dt.date.today().isoformat(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents in the corpus (default 2000)")
    ap.add_argument("--no-write", action="store_true", help="print the results, leave bench/RESULTS.md alone")
    ap.add_argument("--skip-pdf", action="store_true", help="skip the readers' rows (PDF, .doc, OFD, OCR)")
    ap.add_argument("--corpus", default=str(CORPUS), help="folder for the generated corpus (emptied first; default bench/_corpus)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of the ceiling, the floor, -j 1 and -j 2, taking turns; medians reported (default 5)")
    ap.add_argument("--texts", help="a folder of real .txt documents to vary instead of samples/ (each copy made unique)")
    ap.add_argument("--check-docs", type=int, help="documents in the check archive (default: 500, or --docs when fewer)")
    ap.add_argument("--rss-docs", type=int, help="documents of the large --format json run (default: 5 x --docs)")
    ap.add_argument("--line-kb", type=int, help="the long line's size in KB (default 1024; 64 when --docs < 500)")
    ap.add_argument("--skip-extra", action="store_true", help="only the throughput, floor and start-up rows")
    args = ap.parse_args(argv)

    cmd = castdoc_cmd()
    corpus = Path(args.corpus)
    texts = Path(args.texts) if args.texts else None
    paths, total = build_corpus(args.docs, where=corpus, texts=texts)
    kb = total / 1024
    print(f"corpus: {len(paths)} documents, {kb:.0f} KB under {corpus}", file=sys.stderr)
    list_file = corpus.with_name(corpus.name + ".list")  # beside the corpus, not in it: castdoc would read it
    list_file.write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")

    # warm jieba's and the OS's caches once, so the first measured run is not the odd one out
    subprocess.run([*cmd, "parse", str(paths[0]), "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # The floor, -j 1 and -j 2 take turns, --repeat times: a machine that slows down for a
    # while slows all three alike, and the median of each drops an odd run out.
    floors: list[tuple[float, float, float]] = []
    samples: dict[int, list[tuple[float, int, int, float]]] = {1: [], 2: []}
    ceilings: list[float] = []
    for r in range(args.repeat):
        ceilings.append(cpu_ceiling())
        floors.append(floor(list_file))
        print(f"run {r + 1}: ceiling {ceilings[-1]:.2f}x, floor {floors[-1][0]:.2f} s", file=sys.stderr)
        for j in (1, 2):
            took, peak, rc, cpu = timed([*cmd, "parse", str(corpus), "-f", "jsonl", "-j", str(j), "--quiet"])
            samples[j].append((took, peak, rc, cpu))
            print(f"run {r + 1}: -j {j}: {took:.2f} s, peak {peak / 1024:.0f} MB, exit {rc}", file=sys.stderr)
    floor_wall = statistics.median(f[0] for f in floors)
    floor_cut = statistics.median(f[1] for f in floors)
    floor_cpu = statistics.median(f[2] for f in floors)
    cpu_j1 = statistics.median(s[3] for s in samples[1])
    runs = {j: (statistics.median(s[0] for s in got), max(s[1] for s in got), max(s[2] for s in got))
            for j, got in samples.items()}

    small = SAMPLES / "notice.txt" if (SAMPLES / "notice.txt").exists() else paths[0]
    start_rows = startup_rows(cmd, small)
    extra: list[tuple[str, str]] = []
    if not args.skip_extra:
        n_check = args.check_docs or min(500, args.docs)
        extra += check_rows(cmd, n_check, max(1, min(args.repeat, 3)), texts, corpus.with_name(corpus.name + "_archive"))
        extra += memory_rows(min(100, args.docs), args.rss_docs or 5 * args.docs, texts,
                             corpus.with_name(corpus.name + "_rss"))
        big = args.line_kb or (1024 if args.docs >= 500 else 64)
        extra += line_rows(max(1, big // 10), big, texts, corpus.with_name(corpus.name + "_line"))
    pdf_rows = [] if args.skip_pdf else pdf_share() + formats_rows()
    ceiling = statistics.median(ceilings)

    n = len(paths)
    t1, t2 = runs[1][0], runs[2][0]
    ratio = t1 / floor_wall
    rows = [
        ("documents", f"{n} ({kb:.0f} KB of UTF-8 text, {kb / n:.1f} KB each)"),
        ("runs", f"{args.repeat} of each of the ceiling, the floor, -j 1 and -j 2, taking turns; medians"),
        ("castdoc parse -j 1", f"{t1:.2f} s: {n / t1:.0f} docs/s, {kb / t1:.0f} KB/s"),
        ("castdoc parse -j 2", f"{t2:.2f} s: {n / t2:.0f} docs/s, {kb / t2:.0f} KB/s"),
        ("speed-up -j 2 / -j 1", f"{t1 / t2:.2f}x (target >= 1.7x on 2 cores)"),
        ("this machine's ceiling: 2 busy loops / 1", f"{ceiling:.2f}x (what 2 processes can gain here at best)"),
        ("bare jieba.lcut, same texts (floor)", f"{floor_wall:.2f} s end to end ({floor_cut:.2f} s cutting)"),
        ("castdoc -j 1 / floor", f"{ratio:.2f}x (target <= 1.3x); {t1 / floor_cut:.2f}x of the cutting alone"),
        ("castdoc -j 1 / floor, CPU time", f"{cpu_j1:.2f} s / {floor_cpu:.2f} s: {cpu_j1 / floor_cpu:.2f}x"),
        *start_rows,
        ("peak RSS, -j 1 (largest castdoc process)", f"{runs[1][1] / 1024:.0f} MB (target <= 300 MB per worker)"),
        ("peak RSS, -j 2 (largest castdoc process)", f"{runs[2][1] / 1024:.0f} MB"),
        *extra,
        *pdf_rows,
    ]
    if any(r[2] != 0 for r in runs.values()):
        rows.append(("note", f"exit status -j1 {runs[1][2]}, -j2 {runs[2][2]}: some documents failed"))
    mach = machine()
    width = max(len(a) for a, _ in rows)
    for a, b in rows:
        print(f"{a:<{width}}  {b}")
    mach["run"] = "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    mach["texts varied"] = str(texts) if texts else "samples/*.txt"
    mach["bytecode"] = BYTECODE
    mach["load average at the end"] = " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    if not args.no_write:
        write_results(rows, mach)
    return 0


def write_results(rows, mach) -> None:
    out = ["# castdoc benchmark results", "",
           "Made by `python bench/run.py` (see its docstring for what each row measures). "
           "Re-run it after changes that touch speed and commit the new file.", "",
           "## Machine", ""]
    out += [f"- {k}: {v}" for k, v in mach.items()]
    out += ["", "## Results", "", "| measure | result |", "| --- | --- |"]
    out += [f"| {a} | {b} |" for a, b in rows]
    (HERE / "RESULTS.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
