"""Platforms and initiatives a document names.

Three ways in, all on the clean text (glosses out, traditional folded):

- quoted names: “科创中国”, 广东“海智计划”, “广东科普嘉年华”; a quote is a name when it ends
  in a head word (…平台, …计划), when a category follows it (“A”“B”等品牌, “X”学习宣传活动),
  or when an implementing verb governs it (服务“一带一路”). A quote followed by more of
  the name (“1+N”学会服务能力提升计划示范行动) gives the whole name. Slogans
  (“四个意识”, “三轮”), lists, themes, days, honours and abbreviations (以下简称“讲科普”)
  are not names;
- unquoted names ending in a head word: from the head, jieba's words are taken leftwards
  while they read as part of a name (places, organisations, field words, a parenthesis
  such as (深圳)) and the name stops at a governing verb or a function word (加强, 前往,
  的, 和). A name needs one distinctive word (not only 国际创新创业服务平台), must not be
  a collective (全省…, 各…) and must end the noun phrase (海智基地工作座谈会 is a meeting);
- names the genre knows (lexicon platforms.txt, initiatives.txt) wherever they stand on
  their own.

Document titles in 《》 are not platforms, but a quoted name inside one counts.
"""
from __future__ import annotations

import functools
import re

from .. import nlp
from ..types import Named
from ..vocab import ORG_AFTER
from ..vocab.named import (
    ABBREV_BEFORE,
    CATEGORY,
    COLLECTIVE,
    EVENT_HEADS,
    GENERIC,
    GOVERN,
    GOVERN_QUOTED,
    INITIATIVE_HEADS,
    LEVEL_WORDS,
    NOT_NAME_AFTER,
    PLACE_ENDS,
    PLAN_TITLE_HEADS,
    PLATFORM_HEADS,
    PREDICATE,
    QUOTED_HEADS,
    SLOGAN,
    STOP_TAGS,
)
from ._tokens import Clean, clean_of



@functools.cache
def _heads_re() -> re.Pattern:
    heads = sorted(PLATFORM_HEADS + INITIATIVE_HEADS, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, heads)))


@functools.cache
def _heads_at_end_re() -> re.Pattern:
    return re.compile(f"(?:{_heads_re().pattern})$")


def _category(head: str) -> str:
    return "initiative" if head in INITIATIVE_HEADS or head in ("项目", "活动") else "platform"


_NAME_RUN = re.compile(r"(?:(?![的和与及等])[\u4e00-\u9fff\w()]){0,25}")
_TITLE = re.compile(r"《[^《》\n]{1,80}》")
_QUOTE = re.compile(r"[“\"「『][^“”\"「」『』\n]{1,60}[”\"」』]")
_LIST_PUNCT = re.compile(r"[、,;。:!?]")
_NUMBERS = re.compile(r"[\d.+\-%]+")
_X_ZHI_X = re.compile(r"..之.")
_HONOUR = re.compile(r"先进|优秀|称号|标兵|模范")
_THEME_BEFORE = re.compile(r"主题(?:为|是)?[—\-:]*$")
_CLAUSE_PUNCT = re.compile(r"[,。;:!?、]")
_PAREN_PLACE = re.compile(r"\((?!以下|下称|简称)[\u4e00-\u9fff]{1,12}\)")  # (深圳), (三亚某某研究院): a host
_PERIOD_END = re.compile(r"\((?:\d{4}\s*[-—–~至]\s*\d{4}|\d{4})年?\)$")
_ENUM_START = re.compile(r"(?:\(?[一二三四五六七八九十\d]{1,3}[)、.])")
_LEADING_YEAR = re.compile(r"(?:\d{4}(?:-\d{4})?年度?|\d{4}年)")
_YEAR = re.compile(r"\d{4}")
_YEAR_OR_ORDINAL = re.compile(r"(?:\d{4}年度?|第[一二三四五六七八九十\d]+[届期批次]|\d{4})")
_YEAR_WORD = re.compile(r"\d{4}年度?")
_QUOTE_MARKS = re.compile(r"[“”\"「」『』]")


class _Finder:
    def __init__(self, clean: Clean):
        self.c = clean
        self.t = clean.text
        self.titles = self._spans(_TITLE)
        self.quotes = self._spans(_QUOTE)
        self.found: dict[str, dict] = {}
        self.covered: list[tuple[int, int]] = []

    def _spans(self, pattern: re.Pattern) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(self.t)]

    @staticmethod
    def _inside(i: int, j: int, spans) -> bool:
        return any(a <= i and j <= b for a, b in spans)

    def add(self, name_spans: list[tuple[int, int]], category: str, kind: str, quoted: bool, weight: int = 2) -> None:
        """Record a name; a better reason (weight: 1 a governing verb, 2 a head or category,
        3 the lexicon) decides its category when several find it."""
        clean_name = "".join(self.t[a:b] for a, b in name_spans)
        if len(clean_name) < 2:
            return
        value = "".join(self.c.value(a, b, gloss=True) for a, b in name_spans)
        start, end = name_spans[0][0], name_spans[-1][1]
        self.covered.append((start, end))
        f = self.found.get(clean_name)
        if f is None:
            self.found[clean_name] = {"name": value, "category": category, "kind": kind, "start": start,
                                      "quoted": quoted, "weight": weight}
            return
        if start < f["start"]:
            f["start"] = start
        f["quoted"] = f["quoted"] or quoted
        if weight > f["weight"]:
            f.update(category=category, kind=kind, weight=weight)

    # ------------------------------------------------------------- quotes
    def quoted(self) -> None:
        t = self.t
        abbrevs = set()
        chain: list[tuple[int, int]] = []  # adjacent quotations: “A”“B”“C”等品牌
        for qs, qe in self.quotes:
            a, b = qs + 1, qe - 1
            content = t[a:b]
            if self.c.in_furniture(qs):
                continue
            if t[max(0, qs - 5):qs].endswith(ABBREV_BEFORE):
                abbrevs.add(content)
                continue
            cont = self._continuation(qe)
            if cont is not None and not _LIST_PUNCT.search(content):
                c_end, c_head = cont
                self.add([(a, b), (qe, c_end)], _category(c_head), c_head, True)
                chain = []
                continue  # “3+1”基层…行动: the quotation is the start of a name, not one
            linked = chain and t[chain[-1][1] + 1:qs] in ("", "、", "和", "与", "及")
            chain = chain + [(a, b)] if linked else [(a, b)]
            if not self._quote_ok(content, qe):
                chain = []
                continue
            head = _ends_with_head(content)
            cat = CATEGORY.match(t, qe)
            if head:
                self.add([(a, b)], _category(head), head, True)
            if cat and self._category_follows(qe, cat.end()):
                kind = cat.group("cat")
                category = "platform" if kind in ("品牌", "平台", "试点", "工作站", "基地") else _category(kind)
                for x, y in chain:
                    if t[x:y] not in abbrevs and self._quote_ok(t[x:y], y + 1):
                        self.add([(x, y)], category, "quoted", True)
            elif not head and t[max(0, qs - 2):qs] in GOVERN_QUOTED and len(content) >= 3:
                self.add([(a, b)], "initiative", "quoted", True, weight=1)
        # an abbreviation is no name anywhere in the document
        for k in [k for k in self.found if k in abbrevs]:
            del self.found[k]

    def _quote_ok(self, content: str, qe: int) -> bool:
        if len(content) < 2 or len(content) > 40:
            return False
        if _LIST_PUNCT.search(content):
            return False  # a list or a sentence, not a name
        if SLOGAN.match(content) or _NUMBERS.fullmatch(content):
            return False
        if content.endswith("日") or _X_ZHI_X.fullmatch(content):
            return False
        if _HONOUR.search(content) and not _ends_with_head(content):
            return False
        if NOT_NAME_AFTER.match(self.t, qe):
            return False
        if _THEME_BEFORE.search(self.t[max(0, qe - len(content) - 8):qe - len(content) - 1]):
            return False
        return True

    def _category_follows(self, qe: int, cat_end: int) -> bool:
        """The words between the quotation and the category word are modifiers, not a clause."""
        between = self.t[qe:cat_end]
        return not _CLAUSE_PUNCT.search(between)

    def _continuation(self, qe: int) -> tuple[int, str] | None:
        """“1+N”学会服务能力提升计划示范行动: the name goes on after the quotation."""
        t = self.t
        if t[qe:qe + 1] in ("等", "的", "和", "与", "及", "是", "为", "在", "中"):
            return None
        j = _NAME_RUN.match(t, qe).end()  # up to 25 characters of a name, not past 的和与及等
        if j > qe:
            for w, _tag, off in nlp.pos_cut(t[qe:j]):
                if w in PREDICATE:
                    j = qe + off
                    break
        best = None
        for m in _heads_re().finditer(t, qe, j):
            if m.end() in self.c.bounds and m.start() > qe:
                best = (m.end(), m.group(0))
        if best and best[0] - qe >= 3:
            return best
        return None

    # ------------------------------------------------------------- unquoted
    def titled_plans(self) -> None:
        """《全民科学素质行动规划纲要(2021-2035年)》: a plan that is published as a document
        is still the plan; its period in brackets is not part of its name."""
        t = self.t
        for a, b in self.titles:
            inner_end = b - 1
            m = _PERIOD_END.search(t, a + 1, inner_end)
            e = m.start() if m else inner_end
            name = t[a + 1:e]
            if name.endswith(PLAN_TITLE_HEADS) and len(name) >= 6 and not self.c.in_furniture(a):
                self.add([(a + 1, e)], "initiative", "titled", False)

    def unquoted(self) -> None:
        t = self.t
        for m in _heads_re().finditer(t):
            hs, he = m.span()
            if he not in self.c.bounds or self.c.in_furniture(hs):
                continue
            if self._inside(hs, he, self.titles) or self._inside(hs, he, self.quotes):
                continue
            if any(a <= hs and he <= b for a, b in self.covered):
                continue
            head = m.group(0)
            cand = self._extend(hs, he)
            if cand is None:
                continue
            s, e, words = cand
            s = self._trim_start(s, hs, head)
            name = t[s:e]
            if len(name) - len(head) < 2 or name.startswith(COLLECTIVE):
                continue
            if not _sets_apart(words):
                continue
            if t[s - 1:s] == "(" and _heads_at_end_re().search(t[max(0, s - 8):s - 1]):
                continue  # an alias in parentheses after a name: 工作站(海外海智计划工作站)
            if any(t.startswith(name + org, s2) for s2 in _find_all(t, name) for org in ORG_AFTER):
                continue  # the category in an organisation's name (…基地联合会), not a platform
            if not self._ends_phrase(e):
                continue
            self.add([(s, e)], _category(head), head, False)

    def _trim_start(self, s: int, hs: int, head: str) -> int:
        """A list's number is no part of a name ((三)某某竞赛), nor is the year of a standing
        thing or a plan (2019年某某工作站); an event keeps its year."""
        m = _ENUM_START.match(self.t, s, hs)
        if m:
            s = m.end()
        if head not in EVENT_HEADS:
            m = _LEADING_YEAR.match(self.t, s, hs)
            if m:
                s = m.end()
        return s

    def _window(self, hs: int, he: int) -> tuple[int, int]:
        t = self.t
        a = hs
        while a > 0 and hs - a < 40 and t[a - 1] not in ",。;:!?、\n“”《》":
            a -= 1
        b = he
        m = _PAREN_PLACE.match(t, he)
        if m:
            b = m.end()
        return a, b

    def _extend(self, hs: int, he: int):
        """(start, end, [(word, tag)]) of the name ending at the head, or None."""
        a, b = self._window(hs, he)
        toks = nlp.pos_cut(self.t[a:b])
        # index of the token that ends at he
        k = next((i for i, (w, tag, off) in enumerate(toks) if a + off + len(w) == he), None)
        if k is None:
            return None
        words = [(w, tag) for w, tag, _ in toks[k + 1:]]  # a parenthesis after the head
        start = a + toks[k][2]
        head_word, head_tag = toks[k][0], toks[k][1]
        if head_tag in ("nplat", "ninit"):
            words.append((head_word, head_tag))
        elif len(head_word) > he - hs:
            words.append((head_word[: len(head_word) - (he - hs)], "n"))  # 服务平台: is 服务 distinctive?
        depth = 0
        i = k - 1
        while i >= 0:
            w, tag, off = toks[i]
            if w in ("年", "年度") and i > 0 and _YEAR.fullmatch(toks[i - 1][0]):
                start = a + toks[i - 1][2]
                words.append((toks[i - 1][0] + w, "m"))
                i -= 2
                continue
            if w == ")":
                depth += 1
            elif w == "(":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and w in LEVEL_WORDS:
                break  # 省级院士专家工作站: the name (if any) starts after the level
            elif depth == 0 and not _name_part(w, tag):
                if tag == "r" or w in ("本", "该", "各", "我", "其", "此", "这", "那"):
                    return None  # 本地区科普工作计划, 该基地: a reference, not a name
                break
            start = a + off
            words.append((w, tag))
            i -= 1
        # a name does not open with a verb or a particle
        while start < hs:
            w, tag = next(((w, tag) for w, tag, off in toks if a + off == start), ("", ""))
            if w and (tag.startswith("v") and tag != "vn" and w not in GENERIC or w in ("之", "(")):
                start += len(w)
                words = [x for x in words if x != (w, tag)]
                continue
            break
        return start, b, words

    def _ends_phrase(self, e: int) -> bool:
        """The head ends the noun phrase: 海智基地工作座谈会 and 计划表 are other things."""
        t = self.t
        if e >= len(t) or t[e] in ",。;:!?、()”“》《\n 等的和与及暨":
            return True
        toks = nlp.pos_cut(t[e:e + 8])
        if not toks:
            return True
        w, tag, _ = toks[0]
        if w in ("建设", "调研", "揭牌", "授牌", "挂牌", "成立", "运营", "落地", "启动", "开展", "举办", "参观", "考察"):
            return True
        return not (tag.startswith("n") and not tag.startswith("nr") or tag in ("vn", "j"))

    # ------------------------------------------------------------- known
    def known(self) -> None:
        t = self.t
        for lex, category in (("platforms.txt", "platform"), ("initiatives.txt", "initiative")):
            for word in (*nlp.lexicon(lex), *nlp.user_words(category)):  # the office's own (castdoc.toml)
                i = t.find(word)
                while i >= 0:
                    j = i + len(word)
                    if word in self.found:
                        self.found[word].update(category=category, weight=3)
                    if not any(a <= i and j <= b and (a, b) != (i, j) for a, b in self.covered):
                        self.add([(i, j)], category, "known", t[i - 1:i] in "“\"「" and t[j:j + 1] in "”\"」", weight=3)
                        break
                    i = t.find(word, j)

    def result(self) -> tuple[tuple[Named, ...], tuple[Named, ...]]:
        plain = _QUOTE_MARKS.sub("", self.t)
        plat, init = [], []
        for clean_name, f in sorted(self.found.items(), key=lambda kv: kv[1]["start"]):
            n = Named(
                name=f["name"],
                category=f["category"],
                kind=f["kind"],
                mentions=max(1, plain.count(clean_name)),
                first=self.c.raw_start(f["start"]),
                quoted=f["quoted"],
            )
            (plat if f["category"] == "platform" else init).append(n)
        return tuple(plat), tuple(init)


def _find_all(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


_ALL_HEADS = tuple(sorted(PLATFORM_HEADS + INITIATIVE_HEADS + QUOTED_HEADS, key=len, reverse=True))


def _ends_with_head(content: str) -> str | None:
    if not content.endswith(_ALL_HEADS):  # (most quotations end in none)
        return None
    for h in _ALL_HEADS:
        if content.endswith(h) and len(content) > len(h):
            return h
    return None




def _name_part(w: str, tag: str) -> bool:
    if w in GOVERN:
        return False
    if tag == "zg" and w in PLACE_ENDS:
        return True
    if w == "之":
        return True
    if tag == "x":
        return False
    if tag in STOP_TAGS or tag.startswith("u"):
        return False
    if tag in ("m", "t"):
        return bool(_YEAR_OR_ORDINAL.fullmatch(w))
    if tag == "q":
        return len(w) >= 2
    return True  # nouns, places, organisations, vn, field words, unknown words, verbs inside a name


_ORG_WORDS = frozenset("学会 协会 科协 研究会 联合会 委员会 促进会".split())


def _sets_apart(words: list[tuple[str, str]]) -> bool:
    """What makes a name of the words before a head: a distinctive word, a place (某某湾),
    or an organisation named by its field (机械工程学会第八次会员代表大会)."""
    if any(_distinctive(w, tag) or (tag == "zg" and w in PLACE_ENDS) for w, tag in words):
        return True
    if any(w in _ORG_WORDS for w, _ in words):
        return any(len(w) >= 2 and w not in GENERIC and w not in _ORG_WORDS and tag.startswith(("n", "vn"))
                   for w, tag in words)
    return False


def _distinctive(w: str, tag: str) -> bool:
    """A word that makes a name of a generic phrase: a place, an organisation, a coined word."""
    if tag in ("x", "m", "t") and not _YEAR_WORD.fullmatch(w):
        return False
    if _YEAR_WORD.fullmatch(w):
        return True
    if w in GENERIC or len(w) < 2 and tag not in ("ns", "nr", "nz", "j"):
        return False
    if tag.startswith("v") and tag != "vn":
        return False
    if tag.startswith(("ns", "nr", "nt", "nz", "j", "eng", "nplat", "ninit")):
        return True
    # A coined word that no dictionary holds (立方汇, 鲲鹏 are words: 鲲鹏科技离岸基地 needs a
    # place or an organisation). Letting rare dictionary words count too (frequency < 5 … 100)
    # found more corpus names but as many false ones on validation, 2026-12-04.
    return w not in GENERIC and not nlp.is_word(w)


def extract(doc, found) -> tuple[tuple[Named, ...], tuple[Named, ...]]:
    f = _Finder(clean_of(doc.view))
    f.quoted()
    f.titled_plans()
    f.unquoted()
    f.known()
    return f.result()
