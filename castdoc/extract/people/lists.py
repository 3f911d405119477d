"""People named in lists and runs the running-text passes do not reach: a name with its
post in brackets (张建国（某某大学教授）、李红梅（省农科院研究员）), a post as a label over
names (主任：张建国; 委员：赵志刚、钱小明), a 、-list before a shared title or 同志
(张建国、李红梅、赵志刚同志), a name run on into a title (郭娜委员:), and the head of a
count after 及/和 (…及何志强等130名先进个人)."""
from __future__ import annotations

import re

from ... import nlp
from .bylines import names_in
from .cues import AFTER_DENG, PUNCT
from .patterns import positions, positions_at_end, titles_after
from .reader import Reader
from .words import ADDRESS_BEFORE, ADDRESS_FORMS, ADDRESS_NOT_SURNAME, CN_NUM, COURTESY, ORG_END, ORG_SUFFIX

_BRACKET = re.compile(r"\(([^()\n]{2,30})\)")
_PIECE = re.compile(r"[、,;]")
# a post as a label: at a line's or a clause's start, with its colon (主任:, 副组长:)
_LABEL_COLON = re.compile(r"\s*:\s*")
# what may stand before a name that opens a list entry
_ENTRY_BEFORE = set("、,:;\n(") | {" "}
# 委员 after a name is a title where the name ends there: 郭娜委员:, 王建民委员、
_MEMBER = re.compile(r"委员(?=[:,、。;\s)]|$)")
# joins before the head of a counted list: 及何志强等130名
_JOIN = "及和与暨"


def bracketed(r: Reader) -> None:
    """张建国(北京理工大学教授): the post in brackets right after the name is its role."""
    t = r.t
    for m in _BRACKET.finditer(t):
        p = m.start()
        inner = m.group(1)
        if r.c.in_furniture(p) or not (positions_at_end().search(inner) or inner[-1] in ORG_END or ORG_SUFFIX.search(inner)):
            continue
        i = _name_before(r, p)
        if i is None:
            continue
        roles = []
        a = m.start(1)
        for pm in [*_PIECE.finditer(inner), None]:
            b = m.start(1) + (pm.start() if pm else len(inner))
            if b > a and positions_at_end().search(t[a:b]):
                roles.append((a, b))
            a = b + 1
        r.add(i, p, roles)
        _listed_after_bracket(r, m.end())


def _listed_after_bracket(r: Reader, j: int) -> None:
    """一等奖:邵志新(北京理工大学)、温丽娜;二等奖:…: bare names listed after a bracketed one."""
    t = r.t
    while t[j:j + 1] == "、":
        hit = r.name_at(j + 1, strong=True, min_strength=3)
        if not hit or t[hit[0]:hit[0] + 1] not in ";,。、\n(" or not _whole_name(r, j + 1, hit[0]):
            return
        r.add(j + 1, hit[0])
        j = hit[0]


def _name_before(r: Reader, p: int) -> int | None:
    """The start of a whole name ending at ``p`` that opens an entry (after 、 , : or a line
    start), else None."""
    t = r.t
    for L in (3, 2, 4):
        i = p - L
        if i < 0 or not (i == 0 or t[i - 1] in _ENTRY_BEFORE or i in r.c.gaps or t[i - 1] in PUNCT or i in r.c.bounds):
            continue
        s = r.surname_len(i, strong=True)
        if not s or not 1 <= L - s <= 2 or any(k in r.c.gaps for k in range(i + 1, p)):
            continue
        hit = r.name_after(i, s, True, 1)
        if hit and hit[0] == p:
            return i
    return None


def post_labels(r: Reader) -> None:
    """主任:张建国 / 组长:王伟,副组长:李明、赵强: a post as a label, opening a line or a
    clause, over the names after its colon."""
    t = r.t
    for m in positions().finditer(t):
        if not r.starts_clause(m.start()) or r.c.in_furniture(m.start()):
            continue
        colon = _LABEL_COLON.match(t, m.end())
        if not colon:
            continue
        stop = colon.end()
        while stop < len(t) and stop - colon.end() < 40 and t[stop] not in "\n;。,":
            stop += 1
        names_in(r, colon.end(), stop, (), "text", [m.span()])


def shared_titles(r: Reader) -> None:
    """张建国、李红梅、赵志刚同志 / 王建民、刘晓东委员: the names of a 、-list before a title
    share it (the last name is found by ``titled``, or here for 委员)."""
    t = r.t
    for m in [*titles_after().finditer(t), *_MEMBER.finditer(t)]:
        p = m.start()
        if r.c.in_furniture(p):
            continue
        role = t[m.start():m.end()]
        roles = [(m.start(), m.end())] if role not in COURTESY else []
        members = []
        end = p
        while True:
            i = _name_before(r, end)
            if i is None:
                break
            members.append((i, end))
            if i == 0 or t[i - 1] != "、":
                break
            end = i - 1
        if not members:
            continue
        if role.startswith("委员") and len(members) == 1 and not r.plausible(*members[0]):
            continue  # 委员 alone after a single name: only where the tagger agrees it is one
        if len(members) == 1 and t[members[0][0]:p] not in r.found and not role.startswith("委员"):
            continue  # a single name before a title: ``titled`` judges it
        for a, b in members:
            r.add(a, b, roles)


def counted_after_join(r: Reader) -> None:
    """…先进集体及何志强等130名先进个人: the head of a counted list after 及/和/与."""
    t = r.t
    for m in AFTER_DENG.finditer(t):
        p = m.start()
        for L in (3, 2, 4):
            i = p - L
            if i < 1 or t[i - 1] not in _JOIN:
                continue
            s = r.surname_len(i, strong=False)
            if not s or not 1 <= L - s <= 2:
                continue
            hit = r.name_after(i, s, False, 2)
            if hit and hit[0] == p and r.name_word(t[i:p], s):
                r.add(i, p)
                break


_CELL_SEP = set("、,;/|")
_NUMBER_CELL = re.compile(rf"^(?:\d{{1,3}}[.、]?|[{CN_NUM}]{{1,3}}[、.])$")
_ROW_LABEL = re.compile(r"^[^:\n]{1,12}:")


def name_rows(r: Reader) -> None:
    """Names laid out as rows: 获奖名单:张建国 李红梅 王小东 (names only, set apart by white
    space or 、), or a table row 1 张建国 北京理工大学 (a name, then a unit or a post)."""
    t = r.t
    pos = 0
    for line in t.split("\n"):
        a = pos
        pos += len(line) + 1
        if not line or len(line) > 120 or r.c.in_furniture(a):
            continue
        lab = _ROW_LABEL.match(line)
        start = a + (lab.end() if lab else 0)
        cells = _cells(r, start, a + len(line))
        if len(cells) < 2:
            continue
        cells = [_unnumbered(t, *c) for c in cells if not _NUMBER_CELL.match(t[c[0]:c[1]])]
        names = [c for c in cells if _whole_name(r, *c)]
        if len(names) >= 2 and len(names) == len(cells):
            for x, y in names:
                r.add(x, y)
        elif len(names) >= 2 and len(names) == len(cells) - 1 and cells[0] not in names and cells[0][1] - cells[0][0] <= 10:
            # 一等奖 邵志新 温丽娜: a label cell without its colon, then names only
            for x, y in names:
                r.add(x, y)
        elif names and cells and names[0] == cells[0] and len(cells) >= 2:
            rest = t[cells[1][0]:cells[1][1]]
            if ORG_SUFFIX.search(rest) or positions_at_end().search(rest):
                # 张建国 北京理工大学教授 / 张建国 北京理工大学 教授: the posts among the row's
                # next cells (a unit, a 职称 or 职务 column) are its roles, up to the next name
                # (张建国 北京理工大学教授;李红梅 省农科院研究员)
                for k, c in enumerate(cells):
                    if c not in names:
                        continue
                    rest = cells[k + 1:]
                    nxt = next((j for j, x in enumerate(rest) if x in names), len(rest))
                    own = rest[:min(nxt, 3)]
                    if own or k == 0:
                        r.add(*c, [x for x in own if _post_cell(t, *x)])


# a row's number run on into its first cell: 1.张建国, 2、李红梅, (3)赵志刚
_NUMBER_PREFIX = re.compile(rf"(?:\d{{1,3}}[.、]|[{CN_NUM}]{{1,3}}、|[(]\d{{1,3}}[)])")


def _unnumbered(t: str, a: int, b: int) -> tuple[int, int]:
    m = _NUMBER_PREFIX.match(t, a, b)
    return (m.end(), b) if m and m.end() < b else (a, b)


def _post_cell(t: str, a: int, b: int) -> bool:
    """A table cell that is a post (教授, 副院长, 北京理工大学教授), not a unit alone."""
    return b - a <= 30 and bool(positions_at_end().search(t[a:b]))


def _cells(r: Reader, a: int, b: int) -> list[tuple[int, int]]:
    """Pieces of t[a:b] cut at white space (gaps) and list marks."""
    t = r.t
    out = []
    s = a
    for k in range(a, b + 1):
        if k == b or t[k] in _CELL_SEP or (k in r.c.gaps and k > s):
            if k > s:
                out.append((s, k))
            s = k + 1 if k < b and t[k] in _CELL_SEP else k
    return out


def _whole_name(r: Reader, a: int, b: int) -> bool:
    """t[a:b] is one name and nothing more (a surname and one or two characters)."""
    s = r.surname_len(a, strong=True)
    if not s or not 1 <= b - a - s <= 2 or r.t[b - 1] in ORG_END or r.t[b - 2:b] == "大学":
        return False  # 东方大学: a unit's cell
    return r.name_word(r.t[a:b], s)




_QUOTES = set("“”‘’\"'「」『』")
_WORD_FREQ = 300  # a two-character "name" jieba counts this often is an everyday word


_CLAUSE_END = re.compile(r"[,，。;；:：!！?？\n]")


def _tagged_near_lists(t: str):
    """jieba's tagged words of the clauses that hold a 、 (the tagger is slow: a long text
    is tagged only where a list can stand), offsets into ``t``."""
    start = 0
    for m in _CLAUSE_END.finditer(t + "\n"):
        end = m.start()
        if "、" in t[start:end]:
            for w, tag, off in nlp.pos_cut(t[start:end]):
                yield w, tag, start + off
        start = m.end()


def set_apart(r: Reader) -> None:
    """A name listed among others: set apart by punctuation, a 、 on one side at least
    (…、邵志新、…, 邵志新、温丽娜), where jieba's tagger reads a person's name; not inside quotes
    (“金点子”), not an everyday word jieba also tags as a name (文明), and not running into a
    name already found (娄璞 文/图)."""
    t = r.t
    taken = [(a, b) for a, b in r.spans]
    toks = list(_tagged_near_lists(t))
    _tagged_pairs(r, toks, taken)
    for w, tag, off in toks:
        if not tag.startswith("nr") or not 2 <= len(w) <= 4 or w in r.found:
            continue
        e = off + len(w)
        s = r.surname_len(off, strong=True)
        if not s or not r.starts_clause(off) or r.end_strength(e) < 3 or r.c.in_furniture(off):
            continue
        if "、" not in (t[off - 1:off], t[e:e + 1]):
            continue  # a 、-list's item: a name listed among others
        if t[off - 1:off] in _QUOTES or t[e:e + 1] in _QUOTES or not r.name_word(w, s):
            continue
        if len(w) == 2 and (nlp.table().freq(w) or 0) > _WORD_FREQ:
            continue  # 文明, 高明: everyday words jieba also tags as names
        if any(a < e and off < b for a, b in taken):
            continue
        r.add(off, e)
        _list_around(r, off, e)


def _list_around(r: Reader, off: int, e: int) -> None:
    """The other members of the 、-list that holds t[off:e]: 看望了邵志新、温丽娜、蔡文博."""
    t = r.t
    b = off
    while b > 0 and t[b - 1] == "、":
        a = _name_before(r, b - 1)
        if a is None or t[a:b - 1] in r.found:
            break
        r.add(a, b - 1)
        b = a
    r.list_after(e, [])


def _listable(r: Reader, w: str, tag: str, off: int) -> bool:
    """A token jieba tags as a name that can be a listed person: a surname opens it, it is
    not an everyday word, not in quotes or page furniture."""
    t = r.t
    if not tag.startswith("nr") or not 2 <= len(w) <= 4 or r.c.in_furniture(off):
        return False
    s = r.surname_len(off, strong=True)
    if not s or not r.name_word(w, s) or t[off - 1:off] in _QUOTES or t[off + len(w):off + len(w) + 1] in _QUOTES:
        return False
    return not (len(w) == 2 and (nlp.table().freq(w) or 0) > _WORD_FREQ)


def _tagged_pairs(r: Reader, toks, taken) -> None:
    """本次大赛石晨昊、姚涵秀获得一等奖 / 为高鹏斌、毛俊泽颁发证书: two names jieba tags as
    names on both sides of a 、, the second ended by punctuation or a follow word, are people
    wherever the pair stands."""
    t = r.t
    for (w0, _, o0), (w1, g1, o1), (sep, _, _), (w2, g2, o2) in zip([("", "", -1), *toks], toks, toks[1:], toks[2:]):
        if sep != "、" or o1 + len(w1) + 1 != o2 or r.end_strength(o2 + len(w2)) < 2:
            continue
        if len(w0) == 1 and o0 + 1 == o1 and r.surname_len(o0, strong=True):
            continue  # 邹/玉龙: the surname stands apart before it, the name is longer
        if not (_listable(r, w1, g1, o1) and _listable(r, w2, g2, o2)):
            continue
        if any(a < o2 + len(w2) and o1 < b for a, b in taken):
            continue
        r.add(o1, o1 + len(w1))
        r.add(o2, o2 + len(w2))
        _list_around(r, o1, o2 + len(w2))


# a surname and a form of address (陈老师, 王主任): a person, with no role (honorifics are not roles)
_ADDRESSED = re.compile("(?=.(?:%s))" % "|".join(ADDRESS_FORMS))


def addressed(r: Reader) -> None:
    """陈老师, 王主任: a common surname with a form of address picks out one person where it
    stands as a whole (after punctuation, a unit or 请/与/由, before punctuation or a
    speech word), and no full name found opens with that surname (王建国主任 … 王主任)."""
    t = r.t
    for m in _ADDRESSED.finditer(t):
        i = m.start()
        form = next(f for f in ADDRESS_FORMS if t.startswith(f, i + 1))
        e = i + 1 + len(form)
        if r.sur.get(t[i]) != 1 or t[i] in ADDRESS_NOT_SURNAME or r.c.in_furniture(i):
            continue
        before = t[i - 1] if i else "\n"
        if not (i == 0 or before in PUNCT or i in r.c.gaps or before in ORG_END or before in ADDRESS_BEFORE):
            continue
        if r.end_strength(e) < 2 or any(k in r.c.gaps for k in range(i + 1, e)):
            continue
        word = t[i:e]
        tag = nlp.word_tag(word)
        if tag is not None and not tag.startswith("nr"):
            continue  # 班主任: an everyday word
        if word in r.found or any(n.startswith(t[i]) and n != word for n in r.found):
            continue
        r.add(i, e)
