"""People named in a document, with the roles the text attaches to them.

jieba's ``nr`` tag alone finds too much (弘扬, 道德) and cuts too little (冯+日光), so a
name here is a surname from the lexicon plus one or two characters, accepted only where
the text vouches for a person:

- right after a position word (副部长王庆林, 党组成员、专职副主席冯日光), the strong case:
  the words back to the clause start are the person's roles, one per 、-piece;
- right before a title (习近平总书记, 邓子新院士), before 等 with a count or a list
  (陈文明等10名), before a speech verb at a clause start (林伦表示), where jieba's tagger
  agrees the characters open a name;
- in a 、-list right after such a name (院士刘友梅、官春云): the list shares the title;
- in bylines (记者 胡宇芬, 作者:市科协办公室 许燕, (姚勇)) and contact lines (联系人:邓洪军、袁宾).

Where a name ends is decided by what follows it (punctuation, white space in the raw text,
等/一行/出席 …, a token boundary), so 周楠及 gives 周楠 and 王庆林率领 gives 王庆林.
Rules run on the clean text (glosses out, traditional folded); names and roles are
reported as written.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import nlp
from ..types import Person
from ..vocab import BYLINE_ROLES as _BYLINE_ROLES
from ..vocab import ORG_END, PERSON_LABELS
from ._tokens import Clean, clean_of

CLAUSE_END = set(",，。;；:：!！?？\n")
PUNCT = CLAUSE_END | set("、()（）《》〈〉“”\"'‘’「」『』【】[]<>/|·—-…~ ")
# Characters that do not stand inside a given name (function words, unit words of roles).
NOT_NAME = set(
    "的了是在等及或之其这那此该各每们个么呢吗吧啊着过被把让给从向对于与并而但也都就还又才即则所将已再很最更"
    "不没有会要说市省县区局厅部处委办协院校站馆社党团组室司科级届年"
)
# Single characters that end a name when they follow it (周楠及, 吴波一行, 王某在).
FOLLOW_CHARS = set("等及和与在对向为说率到赴是的也还就将把被让请同给从于作一所则称均都又已曾再并而或以由自共亦了着")
FOLLOW_WORDS = (
    "一行", "等人", "出席", "主持", "表示", "介绍", "指出", "强调", "讲话", "致辞", "陪同", "率领", "率队", "带队",
    "带领", "参加", "会见", "会谈", "看望", "慰问", "调研", "考察", "视察", "莅临", "来到", "前往", "走访", "听取",
    "简要", "详细", "代表", "同志", "先生", "女士", "认为", "希望", "要求", "提出", "回顾", "宣读", "宣布", "颁发",
    "一同", "分别", "先后", "亲自", "共同", "主讲", "发言", "报告", "解读", "总结", "通报", "传达", "部署", "汇报",
    "交流", "点评", "感谢", "签署", "授牌", "揭牌", "当选", "兼任", "担任", "荣获", "获得", "入选", "与会", "联系",
    "电话", "手机", "邮箱", "座机", "传真", "通讯员", "记者", "摄影", "责任编辑", "编辑", "审核", "文/图", "图/文",
    "作总结", "作报告", "谈到", "高度", "充分", "对此", "在致辞", "在讲话",
)
# Verbs that, at a clause start, say the name before them is a person (林伦表示).
SPEECH = (
    "表示", "指出", "强调", "介绍", "讲话", "致辞", "主持", "出席", "发言", "认为", "希望", "要求", "提出", "谈到",
    "总结", "一行", "说", "率队", "带队", "代表", "作总结", "作报告", "在致辞", "在讲话", "对此",
)
# What follows a name that contextual() reads: a list's 、, 等 (AFTER_DENG), a speech verb.
_CONTEXT_NEXT = frozenset({"、", "等", *(w[0] for w in SPEECH)})
# Nouns after 等 that say the names before it are people (陈文明等10名, 王大成、李明远等优秀科学家).
AFTER_DENG = re.compile(
    r"等(?:\d|[一二三四五六七八九十两百]+[名位人个]|人|同志|参加|出席|陪同|"
    r"[\u4e00-\u9fff]{0,4}?(?:科学家|专家|学者|院士|领导|代表|教授|老师|嘉宾|人士|先进|模范|典型|工作者))"
)
# (the look-ahead for the characters a match can start with only makes a miss quick)
BYLINE_ROLE = re.compile(
    "(?=[%s])(?:本报|本刊|本网)?(?P<role>%s)\\s*[:]?\\s*"
    % ("".join(sorted({"本", *(w[0] for w in _BYLINE_ROLES)})), "|".join(map(re.escape, _BYLINE_ROLES)))
)
LABELLED = re.compile(
    rf"(?P<label>{PERSON_LABELS})"
    r"(?:及(?:联系)?(?:电话|方式))?\s*:\s*"
)
# The given part of a "name" that is really a form of address (张老师, 王主任).
ADDRESS = ("老师", "先生", "女士", "同志", "老", "总", "工", "主任", "处长", "科长", "部长", "局长", "书记", "教授")
DOCTRINE = re.compile(r"新时代|思想|理论|谈治国理政|文选|著作")


def _word_pattern(prefixes: tuple[str, ...], words, tail: str = "") -> re.Pattern:
    """``(?:prefix)?(?:word|…)tail``, longest words first, led by a look-ahead for the
    characters a match can start with, and with the words as a trie (one alternative per
    character): the same matches, found several times faster (re otherwise tries every
    alternative at every character)."""
    words = set(words)
    first = "".join(re.escape(c) for c in sorted({w[0] for w in (*prefixes, *words)}))
    pre = "|".join(re.escape(w) for w in prefixes)
    alt = "|".join(_trie_branches(words))
    return re.compile(rf"(?=[{first}])(?:{pre})?(?:{alt}){tail}")


def _trie_branches(words) -> list[str]:
    """``w1|w2|…`` (longer words tried first) as one alternative per first character.

    The words matching at one place are prefixes of one another; in the trie each greedy
    ``(?:…)?`` tries the longer continuation before stopping, so they are tried longest
    first, as in the sorted alternation (backtracking included)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branches(node: dict) -> list[str]:
        out = []
        for ch in sorted(k for k in node if k):
            child = node[ch]
            rest = branches(child)
            if not rest:
                out.append(re.escape(ch))
                continue
            body = rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"
            out.append(re.escape(ch) + (f"(?:{body})?" if "" in child else body))
        return out

    return branches(root)


_POSITION_PREFIXES = ("常务", "专职", "兼职", "驻会", "执行", "名誉", "第一", "副")


@functools.cache
def _positions() -> re.Pattern:
    return _word_pattern(_POSITION_PREFIXES, nlp.lexicon("positions.txt"), r"(?:\([^()\n]{1,6}\))?")


@functools.cache
def _end_word_starts() -> frozenset[str]:
    """The characters a FOLLOW_WORDS word or a position (``_positions``) can start with."""
    words = (*FOLLOW_WORDS, *_POSITION_PREFIXES, *nlp.lexicon("positions.txt"))
    return frozenset(w[0] for w in words if w)


@functools.cache
def _titles_after() -> re.Pattern:
    """Titles that may follow a bare name (张亿锋副主席, 邓子新院士, 王庆林同志)."""
    words = [w for w in nlp.lexicon("positions.txt") if w not in ("委员", "秘书", "科员", "干事", "负责人", "主要负责人",
                                                                   "记者", "通讯员", "责任编辑", "联络员", "召集人")]
    words += ["同志", "先生", "女士", "博士"]
    return _word_pattern(("常务", "专职", "第一", "副"), words)


@functools.cache
def _surname_starts() -> re.Pattern:
    """The characters at which ``surname_len(i, strong=False)`` can be non-zero: the first
    character of a two-character surname, or a common one-character surname."""
    sur = nlp.surnames()
    chars = {w[0] for w in sur if len(w) == 2} | {w for w, cls in sur.items() if len(w) == 1 and cls == 1}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@functools.cache
def _positions_at_end() -> re.Pattern:
    return re.compile(_positions().pattern + "$")


_BYLINE_PARENS = re.compile(r"\(([^()\n]{2,40})\)")
_SIGNATURE = re.compile(r"\(([^()\n]{2,4})\)\s*$")
_LIST_SEP = re.compile(r"[、兼]")


_GIVEN_OK: dict[str, bool] = {}  # lazily built: _Reader.given_ok by given name
_NAME_WORD: dict[str, bool] = {}  # lazily built: _Reader.name_word by surname + given name


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@dataclass
class _Found:
    name: str  # clean form
    start: int  # clean offset of the mention that vouched for it
    end: int
    roles: list[tuple[int, int]] = field(default_factory=list)  # clean spans
    plain_roles: list[str] = field(default_factory=list)  # roles not taken from a span (bylines)
    source: str = "text"


class _Reader:
    def __init__(self, clean: Clean):
        self.c = clean
        self.t = clean.text
        self.sur = nlp.surnames()
        self.gaps = clean.gaps
        self.end_starts = _end_word_starts()
        self.found: dict[str, _Found] = {}
        self.spans: list[tuple[int, int]] = []  # accepted name spans, for clause floors

    # ------------------------------------------------------------------ names
    def surname_len(self, i: int, strong: bool) -> int:
        t = self.t
        two = t[i:i + 2]
        if len(two) == 2 and self.sur.get(two):
            return 2
        cls = self.sur.get(t[i:i + 1])
        if cls and (strong or cls == 1):
            return 1
        return 0

    def end_strength(self, e: int) -> int:
        t = self.t
        if e >= len(t):
            return 3
        if e in self.gaps:
            return 4
        ch = t[e]
        if ch in PUNCT or (ch.isascii() and ch.isalnum()):
            return 3
        if ch in FOLLOW_CHARS:
            return 2
        if ch in self.end_starts and (t.startswith(FOLLOW_WORDS, e) or _positions().match(t, e)):
            return 2
        if e in self.c.bounds:
            return 1
        return 0

    def given_ok(self, given: str) -> bool:
        ok = _GIVEN_OK.get(given)
        if ok is None:  # (one or two characters: a few thousand distinct ones, asked again and again)
            ok = all(_is_cjk(ch) and ch not in NOT_NAME for ch in given) and given not in ADDRESS
            if len(_GIVEN_OK) > 100_000:
                _GIVEN_OK.clear()
            _GIVEN_OK[given] = ok
        return ok

    def name_word(self, word: str, s: int) -> bool:
        """Whether ``word``, a surname of ``s`` characters and a given name, can be a name
        wherever it stands: the given name is fit for one, and jieba does not know the whole
        as an everyday word (文化, 高度, 信箱; a name may be a place, ns, to jieba).

        Remembered by the word alone: ``s`` follows from it (2 where its first two
        characters are a surname), and such words recur across a document's candidates."""
        ok = _NAME_WORD.get(word)
        if ok is None:
            ok = self.given_ok(word[s:])
            if ok:
                tag = nlp.word_tag(word)
                ok = tag is None or tag.startswith(("nr", "ns", "nz"))
            if len(_NAME_WORD) > 100_000:
                _NAME_WORD.clear()
            _NAME_WORD[word] = ok
        return ok

    def name_at(self, i: int, strong: bool, min_strength: int = 1) -> tuple[int, int] | None:
        """(end, strength) of the best name starting at i, or None."""
        s = self.surname_len(i, strong)
        if not s:
            return None
        return self.name_after(i, s, strong, min_strength)

    def name_after(self, i: int, s: int, strong: bool, min_strength: int) -> tuple[int, int] | None:
        """``name_at`` once the surname at i is known to be ``s`` characters long."""
        t = self.t
        gaps = self.gaps
        best = None
        for g in (2, 1):
            e = i + s + g
            if e > len(t):
                continue
            word = t[i:e]
            ok = _NAME_WORD.get(word)
            if not (ok or ok is None and self.name_word(word, s)):
                continue
            if g == 2 and word[-1] in FOLLOW_CHARS:
                # 周忠和作报告 is one name, 王伟和李明 two
                if not (word[-1] == "和" and self.end_strength(e) >= 2 and not self.surname_len(e, strong=False)):
                    continue
            if gaps:
                inner = [k for k in range(i + 1, e) if k in gaps]
                if inner and not (strong and g == 1 and inner == [i + s] and self.end_strength(e) >= 3):
                    continue  # white space inside: two words, not one name (but 林 涛, padded to three)
            st = self.end_strength(e)
            if st >= min_strength and (best is None or st > best[1]):
                best = (e, st)
        return best

    def pos_supports(self, i: int, e: int) -> bool:
        """jieba's tagger agrees that t[i:e] is (or opens with) a name."""
        a, b = self.clause(i)
        toks = nlp.pos_cut(self.t[a:b])
        for k, (w, tag, off) in enumerate(toks):
            s = a + off
            if s == i:
                if tag.startswith("nr") and (s + len(w) == e or (e in self.c.bounds and s + len(w) < e)):
                    return True
                # 何/r 志远/nrfg: the surname alone is read as another word, the given name as a name
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                return (
                    len(w) == self.surname_len(i, strong=True)
                    and nxt is not None
                    and nxt[1].startswith("nr")
                    and a + nxt[2] + len(nxt[0]) == e
                )
            if s > i:
                return False
        return False

    def clause(self, i: int) -> tuple[int, int]:
        t = self.t
        a = i
        while a > 0 and i - a < 60 and t[a - 1] not in "。;!?\n":
            a -= 1
        b = i
        while b < len(t) and b - i < 60 and t[b] not in "。;!?\n":
            b += 1
        return a, b

    def starts_clause(self, i: int) -> bool:
        return i == 0 or self.t[i - 1] in PUNCT or i in self.c.gaps

    def plausible(self, i: int, e: int) -> bool:
        """A weak-context candidate: common surname, not an everyday word, tagger agrees."""
        name = self.t[i:e]
        if not (self.sur.get(name[:2]) or self.sur.get(name[0]) == 1):
            return False
        if not (self.starts_clause(i) or i in self.c.bounds):
            return False
        return self.pos_supports(i, e)

    # ------------------------------------------------------------------ roles
    def roles_before(self, ns: int) -> list[tuple[int, int]]:
        t = self.t
        floor = max((e for s, e in self.spans if e <= ns), default=0)
        k = ns - 1
        while k >= floor and t[k] not in CLAUSE_END:
            k -= 1
        seg_start = k + 1
        # an opening bracket not closed before the name opens the clause: 本报讯(记者 胡宇芬
        for br, close in (("(", ")"), ("“", "”"), ("《", "》")):
            o = t.rfind(br, seg_start, ns)
            if o >= 0 and t.find(close, o, ns) < 0:
                seg_start = o + 1
        pieces = []
        a = seg_start
        for m in _LIST_SEP.finditer(t[seg_start:ns]):
            pieces.append((a, seg_start + m.start()))
            a = seg_start + m.end()
        pieces.append((a, ns))
        roles: list[tuple[int, int]] = []
        pos_end = _positions_at_end()
        for a, b in reversed(pieces):
            if b <= a or not pos_end.search(t[a:b]):
                break
            start = self.trim_left(a, b)
            if start is None or start >= b:
                break
            roles.insert(0, (start, b))
            if start > a:
                break
        return roles

    def trim_left(self, a: int, b: int) -> int | None:
        """Start of the longest run of name-like words ending at b (the role proper)."""
        toks = nlp.pos_cut(self.t[a:b])
        start = None
        for w, tag, off in reversed(toks):
            if not _role_word(w, tag):
                break
            start = a + off
        return start

    # ------------------------------------------------------------------ passes
    def add(self, i: int, e: int, roles=(), plain_roles=(), source="text") -> _Found:
        name = self.t[i:e]
        f = self.found.get(name)
        if f is None:
            f = self.found[name] = _Found(name=name, start=i, end=e, source=source)
        elif source == "text" and f.source != "text":
            f.source = "text"
            f.start, f.end = i, e
        for r in roles:
            if self.t[r[0]:r[1]] not in {self.t[x:y] for x, y in f.roles}:
                f.roles.append(r)
        for r in plain_roles:
            if r not in f.plain_roles:
                f.plain_roles.append(r)
        self.spans.append((i, e))
        return f

    def anchored(self) -> None:
        t = self.t
        for m in _positions().finditer(t):
            i = m.end()
            if self.c.in_furniture(i) or BYLINE_ROLE.fullmatch(m.group(0)):
                continue  # 记者 林小雨 is a byline: bylines() reads it
            hit = self.name_at(i, strong=True)
            if not hit:
                continue
            e, _ = hit
            roles = self.roles_before(i)
            self.add(i, e, roles)
            self.list_after(e, roles)

    def list_after(self, e: int, roles) -> None:
        """Bare names after a name in a 、-list share its title (院士刘友梅、官春云)."""
        t = self.t
        while e < len(t) and t[e] == "、":
            hit = self.name_at(e + 1, strong=True, min_strength=2)
            if not hit or _positions().match(t, e + 1):
                return
            e2, _ = hit
            if t[e2:e2 + 1] not in ("、", "等") and not t.startswith(FOLLOW_WORDS, e2) and t[e2:e2 + 1] not in PUNCT:
                return
            self.add(e + 1, e2, roles)
            e = e2

    def titled(self) -> None:
        """Names right before a title: 习近平总书记, 邓子新院士."""
        t = self.t
        for m in _titles_after().finditer(t):
            p = m.start()
            if self.c.in_furniture(p):
                continue
            for L in (4, 3, 2):
                i = p - L
                if i < 0:
                    continue
                s = self.surname_len(i, strong=False)
                if not s or not (1 <= L - s <= 2) or not self.given_ok(t[i + s:p]):
                    continue
                if any(k in self.c.gaps for k in range(i + 1, p)):
                    continue
                if not self.plausible(i, p):
                    continue
                role = m.group(0)
                roles = [(m.start(), m.end())] if role not in ("同志", "先生", "女士") else []
                self.add(i, p, roles)
                break

    def contextual(self) -> None:
        """Names before 等 + a count, or before a speech verb at a clause start."""
        t = self.t
        bounds = self.c.bounds
        for m in _surname_starts().finditer(t):
            i = m.start()
            if not (i in bounds or self.starts_clause(i)):
                continue  # a list (list_members) or a speaker opens a token or a clause
            s = self.surname_len(i, strong=False)
            if not s or not (t[i + s + 1:i + s + 2] in _CONTEXT_NEXT or t[i + s + 2:i + s + 3] in _CONTEXT_NEXT):
                continue  # no name here is followed by 、, 等 or a speech verb
            if self.c.in_furniture(i):
                continue
            hit = self.name_after(i, s, False, 2)
            if not hit:
                continue
            e, _ = hit
            name = t[i:e]
            if name in self.found:
                continue
            # a 、-list ending in 等 + people: every member counts
            members = self.list_members(i, e)
            if members:
                last_e = members[-1][1]
                if AFTER_DENG.match(t, last_e) and any(self.plausible(a, b) for a, b in members):
                    for a, b in members:
                        self.add(a, b)
                    continue
            if self.starts_clause(i) and t.startswith(SPEECH, e) and self.plausible(i, e):
                self.add(i, e)

    def list_members(self, i: int, e: int) -> list[tuple[int, int]]:
        """The names of a 、-list whose first member is t[i:e] (each member a whole name), or []."""
        t = self.t
        if not (self.starts_clause(i) or i in self.c.bounds):
            return []
        out = [(i, e)]  # the first member opens the list with a common surname; later ones may be rarer
        while t[e:e + 1] == "、":
            hit = self.name_at(e + 1, strong=True, min_strength=2)
            if not hit:
                return []
            out.append((e + 1, hit[0]))
            e = hit[0]
        return out

    def bylines(self) -> None:
        t = self.t
        pos = 0
        for line in t.split("\n"):
            a, b = pos, pos + len(line)
            pos = b + 1
            parts = []
            if len(line) <= 60:
                parts.append((a, b))
            for m in _BYLINE_PARENS.finditer(line):
                if BYLINE_ROLE.search(m.group(1)):
                    parts.append((a + m.start(1), a + m.end(1)))
            for x, y in parts:
                self.byline_part(x, y)
            # a closing signature in parentheses: ...。(姚勇)
            m = _SIGNATURE.search(line)
            if m and (m.start() == 0 or line[m.start() - 1] in "。!?”"):
                i, e = a + m.start(1), a + m.end(1)
                hit = self.name_at(i, strong=True, min_strength=3)
                if hit and hit[0] == e:
                    self.add(i, e, source="byline")

    def byline_part(self, a: int, b: int) -> None:
        t = self.t
        marks = list(BYLINE_ROLE.finditer(t, a, b))
        if not marks:
            return
        if marks[0].start() != a and t[marks[0].start() - 1] not in PUNCT and marks[0].start() not in self.c.gaps:
            if not t[a:marks[0].start()].endswith(("本报", "本刊", "本网")):
                return
        for k, m in enumerate(marks):
            role = m.group("role")
            end = marks[k + 1].start() if k + 1 < len(marks) else b
            plain = [] if role in ("文/图", "图/文", "文图", "图文") else [role]
            self.names_in(m.end(), end, plain, "byline")

    def names_in(self, a: int, b: int, plain_roles, source: str) -> None:
        """Names listed in t[a:b] (after an optional unit: 市科协办公室 许燕), 、/space-separated."""
        t = self.t
        j = a
        while j < b:
            ok_start = j == a or t[j - 1] in "、,/ " or j in self.c.gaps or t[j - 1] in ORG_END
            hit = self.name_at(j, strong=True, min_strength=2) if ok_start else None
            if hit and hit[0] <= b:
                e = hit[0]
                self.add(j, e, plain_roles=plain_roles, source=source)
                j = e
                while j < b and t[j] in "、,/ ":
                    j += 1
                continue
            if t[j].isascii() and t[j].isalnum():
                return  # a phone number or an address: the names are over
            j += 1

    def contacts(self) -> None:
        """Labelled names: 联系人:邓洪军、袁宾; 签发人:张三; 主持人:李娜 (the label is the role)."""
        t = self.t
        for m in LABELLED.finditer(t):
            if m.start() and t[m.start() - 1] not in PUNCT and m.start() not in self.c.gaps:
                if m.group("label") != "联系人":
                    continue  # a label opens a line or a field; 发展规划处联系人 still counts
            e = m.end()
            stop = e
            while stop < len(t) and stop - e < 30 and t[stop] != "\n":
                stop += 1
            label = m.group("label")
            if label == "联系人":
                self.names_in(e, stop, (), "contact")
            else:
                self.names_in(e, stop, (label,), "text")

    # ------------------------------------------------------------------ output
    def people(self) -> tuple[Person, ...]:
        out = []
        for f in self.found.values():
            occ = [i for i in _occurrences(self.t, f.name) if not _doctrine(self.t, i, len(f.name))]
            first = min(occ + [f.start])
            roles = [self.c.value(x, y) for x, y in f.roles] + f.plain_roles
            out.append(
                (
                    first,
                    Person(
                        name=self.c.value(f.start, f.end),
                        roles=tuple(dict.fromkeys(r for r in roles if r)),
                        mentions=max(1, len(occ)),
                        first=self.c.raw_start(first),
                        source=f.source,
                    ),
                )
            )
        out.sort(key=lambda x: x[0])
        return tuple(p for _, p in out)


def _role_word(w: str, tag: str) -> bool:
    if w in nlp.lexicon("positions.txt") or w in nlp.lexicon("orgs.txt"):
        return True
    if w in "()“”\"·":
        return True
    if tag == "x" or tag in ("p", "c", "r", "d", "t", "y", "e", "o", "q") or tag.startswith("u"):
        return False
    if w.endswith(tuple(ORG_END)) and len(w) >= 2:
        return True
    if tag.startswith("n") or tag in ("j", "b", "eng", "vn", "s", "nz"):
        return w not in ("一行", "同志", "人员", "代表", "领导", "同时", "会上")
    if tag == "m":
        return bool(re.fullmatch(r"第?[一二三四五六七八九十\d]+[级届]?", w)) and w not in ("一",)
    if tag == "f":  # 南方科技大学, 中部战区: a direction inside a name, not 期间 or 以上
        return len(w) >= 2 and w not in ("之间", "期间", "以上", "以下", "之后", "之前", "以来", "当中", "之中", "其中", "中间", "以后")
    return False


def _occurrences(text: str, name: str) -> list[int]:
    out = []
    i = text.find(name)
    while i >= 0:
        out.append(i)
        i = text.find(name, i + len(name))
    return out


def _doctrine(text: str, i: int, n: int) -> bool:
    """A name used in a doctrine's or a book's title (习近平新时代…思想, 《习近平谈治国理政》)."""
    if DOCTRINE.match(text, i + n):
        return True
    open_ = text.rfind("《", max(0, i - 30), i)
    return open_ >= 0 and text.find("》", open_, i) < 0


def extract(doc, found) -> tuple[Person, ...]:
    clean = clean_of(doc.view)
    r = _Reader(clean)
    r.anchored()
    r.titled()
    r.bylines()
    r.contacts()
    r.contextual()
    return r.people()
