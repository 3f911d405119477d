"""Who is asked: the subject of a request, found where the rules expect one.

A subject is one or more units joined by 、 和 及 与 (各市科协、各省级学会), each ending in
a head word (…单位, …科协, …者, 各市) with no verb inside. The spans are view offsets.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .words import HEADS, ISSUER_LIKE, PLACES, SPEAKER_LIKE, STRONG_HEAD

if TYPE_CHECKING:
    from .candidate import Candidate

_HEAD_END = re.compile(
    # the look-ahead for a head word's first character only lets re skip the other places fast
    rf"(?=[{''.join(sorted({h[0] for h in HEADS} | set(PLACES)))}])"
    rf"(?:{'|'.join(sorted(HEADS, key=len, reverse=True))}|(?<=各)[{PLACES}])(?:\([^()]{{1,6}}\))?$"
)
# the last character of anything _HEAD_END matches (before a final newline, which $ allows)
_HEAD_LAST = frozenset({h[-1] for h in HEADS} | set(PLACES + ")"))
# words that cannot sit inside a subject: verbs, prepositions, adverbs
_NOT_IN_ACTOR = re.compile(
    # the look-ahead (every word's first character) lets re skip the other places fast
    r"(?=[0-9,:;“”。《》一上不並为主举也了于介从以依促做健充共具出切创創加务动努動務协協参參及发召可向吸围圍在均坚培堅事预預告"
    r"報填增学學安完对将將對就尽已希带帮帶幫并应建开引弘強强從必應打把报拓拥持指按推提擁支於是服根沒没深激為率由發的盡督"
    r"确確积積突組結繼组结继联聚聯能自至舉落表要討認請认讨请負貫负贯进通邀都配開陪須须高鼓])"
    r"(?:(?<![主重需纲綱必只首概紧緊摘提])要|须|須|应|應|请|請|将|將|把|对|對|在|于|於|就|按|根据|根據|结合|結合|围绕|圍繞|通过|通過|向|从|從|为|為|以|认真|認真|"
    r"尽快|盡快|及时|及時|积极|積極|高度|进一步|負責(?!人|同志)|负责(?!人|同志)|填写|填寫|报送|報送|上报|上報|推荐|推薦|提交|开展|開展|做好|加强|加強|"
    r"贯彻|貫徹|落实|落實|学习(?!小组)|學習|是|的|了|持有|具有|拥有|擁有|没有|沒有|可|(?<![职職功智节節性技效体體产產])能(?![源力])|不|已|自行|至少|要求|希望|强调|強調|按照|参照|依据|并|並|也|都|均|"
    r"切实|切實|事先|预先|預先|告知|继续|繼續|充分|努力|坚持|堅持|主动|主動|提前|共同|一定|务必|務必|必须|必須|指出|表示|介绍|介紹|率|带领|帶領|陪同|"
    r"参加|參加|出席|召开|召開|举办|舉辦|组织(?!部)(?=.)|組織(?!部)(?=.)|由|鼓励|鼓勵|引导|引導|支持|推动|推動|促进|促進|"
    r"动员|動員|邀请|邀請|指导|指導|督促|安排|讨论|討論|提高|激励|激勵|培养|培養|服务|服務|协助|協助|配合|帮助|幫助|"
    r"吸引|联系|聯繫|带动|帶動|确定|確定|突出|聚焦|发挥|發揮|提升|增强|增強|弘扬|弘揚|打造|深化|拓展|完善|建立|健全|创新|創新|"
    r"[0-9]|,|。|;|:|“|”|《|》)"
)
_SEPARATOR = re.compile(r"、|和|及|与|與|以及|或")

Span = tuple[int, int]


def actor_at(text: str, pos: int, limit: int | None = None) -> Span | None:
    """The subject starting at ``pos``: units (…单位, …科协, …者) joined by 、 和 及 与."""
    limit = len(text) if limit is None else limit
    end = None
    p = pos
    first = True
    while p < limit:
        e = _unit(text, p, limit, first)
        if e is None:
            break
        end = e
        first = False
        sm = _SEPARATOR.match(text, e)
        if not sm or sm.end() >= limit:
            break
        if _unit(text, sm.end(), limit, False) is None:
            break
        p = sm.end()
    return (pos, end) if end is not None else None


# 各 and a few characters before 、 和 及 (各县市区、…)
_GE_LIST = re.compile(r"各[\u4e00-\u9fff]{1,6}(?=、|和|及)")


def _unit(text: str, pos: int, limit: int, first: bool) -> int | None:
    top = min(limit, pos + 25)
    stop = top
    sm = _SEPARATOR.search(text, pos, top)
    # A word that cannot sit in a subject rules out every piece that holds it together with
    # the (at most two) characters its look-ahead reads: those ends need no test at all.
    bad = _NOT_IN_ACTOR.search(text[pos:top])
    hi = min(top, pos + bad.end() + 1) if bad else top
    # the longest piece ending in a head word, with no verb inside
    for e in range(hi, pos + 1, -1):
        last = text[e - 1]
        if last not in _HEAD_LAST and (last != "\n" or text[e - 2] not in _HEAD_LAST):
            continue  # cannot end in a head word: skip the two searches
        cand = text[pos:e]
        if _HEAD_END.search(cand) and not _NOT_IN_ACTOR.search(cand):
            if sm and sm.start() < e and not _inside_parens(cand, sm.start() - pos):
                continue
            return e
    # 各县市区、…: a short 各… list head without a head word
    if first:
        m = _GE_LIST.match(text[pos:stop])
        if m and not _NOT_IN_ACTOR.search(m.group(0)):
            return pos + m.end()
    return None


def _inside_parens(s: str, k: int) -> bool:
    return s[:k].count("(") > s[:k].count(")")


# what may stand before a subject: 会后, 届时, 2015年11月26日前 …
_LEAD = re.compile(
    r"(?:会后|會後|会前|會前|届时|屆時|同时|同時|另外|此外|下一步|今后|今後|目前|随后|隨後|最后|最後|其中|"
    r"[^,]{1,24}?(?:前|后|後|内|內|期间|期間|之际|時|时))(?=[\u4e00-\u9fff])"
)
_COMMA_OR_DE = re.compile(r"[,的]")


def np_prefix(text: str, a: int, b: int) -> Span | None:
    """A subject that fills ``text[a:b]`` (up to a few adverbs before the directive)."""
    lm = _LEAD.match(text, a, b)
    for start in ((a, lm.end()) if lm else (a,)):
        span = actor_at(text, start, b) or modified_actor(text, start, b)
        if span and b - span[1] <= 4 and not _COMMA_OR_DE.search(text, span[1], b):
            return span
    return None


# what a subject's modifier cannot hold: punctuation, a directive's words, the issuer's self
_NOT_IN_MODIFIER = re.compile(r"[,。;:!?“”《》\n]|要|须|須|应|應|请|請|务必|務必|必须|必須|希望|将|將|我|本[会會厅廳局办辦部]")
_DE = re.compile(r"的")


def modified_actor(text: str, pos: int, limit: int | None = None) -> Span | None:
    """提出异议的单位或者个人, 参加下午会议的班子成员, 获得命名的科普教育基地: a subject
    whose units are picked out by a clause ending in 的 (2 to 20 characters, no directive)."""
    limit = len(text) if limit is None else limit
    top = min(limit, pos + 21)
    for m in _DE.finditer(text, pos + 2, top):
        if _NOT_IN_MODIFIER.search(text, pos, m.start()):
            return None
        head = actor_at(text, m.end(), limit)
        if head:
            return pos, head[1]
    return None


def np_start(text: str, a: int, b: int, *, anchored: bool = False) -> Span | None:
    """A subject at the start of a clause (after 会后, 2015年11月26日前 …), followed by its verb.

    ``anchored``: with no directive to lean on, the subject must look like one (各…, 全体…,
    or a unit word such as 单位, 学院, 科协), so that 突出科技工作者… is not read as one.
    """
    lm = _LEAD.match(text, a, b)
    for start in ((a, lm.end()) if lm else (a,)):
        span = actor_at(text, start, b)
        if span and span[1] < b and text[span[1]] not in "的之是将將和与及、(":
            if anchored and not _looks_like_actor(text[span[0]:span[1]]):
                continue
            return span
    return None


# how a subject with no directive to lean on opens: 各…, 全体…, 有关…
_OPENER = re.compile(r"(?:各|全体|全體|所有|任何|每|广大|廣大|全省|全市|全区|全區|全县|全縣|全国|全國|有关|有關|相关|相關|参会|參會|与会|與會|申报|申報|提名|推荐|推薦|两个|兩個|本)")


def _looks_like_actor(s: str) -> bool:
    return bool(_OPENER.match(s) or STRONG_HEAD.search(s))


def clean_actor(text: str, span: Span, *, speech: bool = False) -> Span | None:
    """The span without its edge punctuation; None for a scrap or the issuer itself
    (``speech``: a bulletin's speaker asking a body such as 县科协, where only 我会… is the
    speaker's own)."""
    a, b = span
    while a < b and text[a] in " ,、\n":
        a += 1
    while b > a and text[b - 1] in " ,、\n":
        b -= 1
    s = text[a:b].replace("\n", "")
    if len(s) < 2 or (SPEAKER_LIKE if speech else ISSUER_LIKE).search(s):
        return None
    return a, b


# 由 as "by" (not 由于, 由此): a duty handed to the subject after it
_YOU = re.compile(r"由(?![于於此衷来來])")
_DUTY = re.compile(r"将|將|负责|負責")


def by(text: str, a: int, b: int) -> Span | None:
    """由…负责 / 纸质版由…签署: the subject after 由 near the clause start."""
    m = _YOU.search(text, a, b)
    if not m or m.start() - a > 6:
        return None
    p = m.end()
    span = actor_at(text, p)
    if not span:
        return None
    clause_end = text.find(",", p)
    clause_end = len(text) if clause_end < 0 else clause_end
    tail = text[span[1]:clause_end]
    if "的" in tail and not _DUTY.search(tail):
        return None  # 由省科协举办的活动: a description, not a duty
    return span


def inherit_actors(cands: list[Candidate], implied: list[Span | None]) -> list[Candidate]:
    """要强化宣传… after 全省各级科协组织要…: the same subject goes on; under a heading that
    names a subject (（一）各市科协要…), the items below it are that subject's.

    ``implied``: by paragraph, the subject a heading above it names."""
    out = []
    last: tuple[int, Span] | None = None
    for c in cands:
        para = c.sentence.para
        if c.actor and c.actor_source == "explicit":
            last = (para, c.actor)
        elif c.bare and last and last[0] == para:
            c = replace(c, actor=last[1], actor_source="inherited")
        elif c.actor is None and implied[para]:
            c = replace(c, actor=implied[para], actor_source="inherited")
        out.append(c)
    return out
