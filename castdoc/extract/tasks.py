"""Action items: who must do what by when.

Notices ask in a few set ways: a directive (各单位要…, 请…, 须…, 务必…, 应…, 希望…), a
numbered item whose subject is a recipient (一、各全省学会填写并报送…), a duty handed
over (由…负责…), a request to report (请于…前报送…). Bulletins report what a leader
asked of whom (冯日光要求省科协合作交流部…, 他强调,科协组织要…, 希望广大科技工作者…).

A task's text is the directive clause as written, with the clauses that belong to it and
no more than a reader needs (long sentences run on into purposes and manners; those go to
``detail``). The actor is the explicit subject; a bare 要… after an explicit one in the
same paragraph inherits it. The deadline is the task's own (于…前, 截止…), else the one
its paragraph states, else the document's single reporting deadline for a reporting
task, else the meeting day for what attendees must do.

Works on the normalised view (one pattern for full- and half-width punctuation); texts
are copied back from the text as read.
"""
from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace

from ..lines import BOILERPLATE, LABEL, is_colophon, is_date_line, is_image_file, split_outside
from ..types import DateValue, Task
from ..vocab import ACTOR_HEADS as HEADS  # the subject of a request: units, offices, people
from ..vocab import ENUMERATED as _ENUMERATED
from ..vocab import NEXT_ENUMERATED as _NEXT_ENUMERATED
from ..vocab import TASK_MARKER as MARKER

# ---------------------------------------------------------------- vocabulary
# label items: 参会人员:… 推荐办法:… 联系方式
ITEM_LABEL = re.compile(r"[^,。;:!?()《》“”]{2,10}(?::|$)")
DIRECTIVE = re.compile(
    # the look-ahead (every directive's first character) lets re skip the other places fast
    r"(?=[请請必务務须須要应應希望确確可负負])"
    r"(?:(?P<qing>(?<![申邀提聘呈报報宴延回])[请請](?![示求柬假教问問]))"
    r"|(?P<xu>必须|必須|务必|務必|务须|務須|(?<![必务務无無])[须須](?!知))"
    r"|(?P<yao>(?<![需重主只纲綱提扼机機必想简簡首紧緊摘概纪紀不])要(?![求点點素闻聞件害领領义義务務紧緊览覽是]))"
    r"|(?P<ying>应当|應當|应该|應該|(?<![响響适適相反对對供回效呼答感顺順报報])[应應](?![用急届屆邀聘对對变變征徵运運]))"
    r"|(?P<xiwang>希望)"
    r"|(?P<yaoqiu>(?<![的按照据需])要求)"
    r"|(?P<wang>(?<![希期盼展渴观觀眺仰声聲名威失众眾厚])望(?=各|全体|全體|你|贵|貴|广大|廣大|有关|有關|相关|相關))"
    r"|(?P<quebao>确保|確保)"
    r"|(?P<ke>(?<![即也不许許认認])可(?![能见見靠爱愛喜怕惜谓謂是观觀]))"
    r"|(?P<fuze>负责|負責)(?!人|同志))"
)
# a 请 that only points somewhere: not a task
TRIVIAL_QING = re.compile(r"[请請](?:下载|查阅|参阅|登录|关注|见|详见|浏览|访问|点击|参见|联系|咨询|拨打|致电|留意)|[请請](?:参照|按照|參照)[^,。]*(?:办理|辦理|执行|執行)$")
# reported speech inside a notice (强调科技创新必须坚持…) is not a request to the recipients
NOTICE_SPEECH = re.compile(r"强调|強調|指出|阐释|阐明|表示")
_HEAD_END = re.compile(
    # the look-ahead for a head word's first character only lets re skip the other places fast
    rf"(?=[{''.join(sorted({h[0] for h in HEADS} | set('地市县区省縣區')))}])"
    rf"(?:{'|'.join(sorted(HEADS, key=len, reverse=True))}|(?<=各)[地市县区省縣區])(?:\([^()]{{1,6}}\))?$"
)
# words that cannot sit inside a subject: verbs, prepositions, adverbs
_NOT_IN_ACTOR = re.compile(
    # the look-ahead (every word's first character) lets re skip the other places fast
    r"(?=[0-9,:;“”。《》一上不並为主举也了于介从以依促做健充共具出切创創加务动努動務协協参參及发召可向吸围圍在均坚培堅"
    r"報填增学學安完对将將對就尽已希带帮帶幫并应建开引弘強强從必應打把报拓拥持指按推提擁支於是服根沒没深激為率由發的盡督"
    r"确確积積突組結繼组结继联聚聯能自至舉落表要討認請认讨请負貫负贯进通邀都配開陪須须高鼓])"
    r"(?:(?<![主重需纲綱必只首概紧緊摘提])要|须|須|应|應|请|請|将|將|把|对|對|在|于|於|就|按|根据|根據|结合|結合|围绕|圍繞|通过|通過|向|从|從|为|為|以|认真|認真|"
    r"尽快|盡快|及时|及時|积极|積極|高度|进一步|負責(?!人|同志)|负责(?!人|同志)|填写|填寫|报送|報送|上报|上報|推荐|推薦|提交|开展|開展|做好|加强|加強|"
    r"贯彻|貫徹|落实|落實|学习(?!小组)|學習|是|的|了|持有|具有|拥有|擁有|没有|沒有|可|能|不|已|自行|至少|要求|希望|强调|強調|按照|参照|依据|并|並|也|都|均|"
    r"切实|切實|继续|繼續|充分|努力|坚持|堅持|主动|主動|提前|共同|一定|务必|務必|必须|必須|指出|表示|介绍|介紹|率|带领|帶領|陪同|"
    r"参加|參加|出席|召开|召開|举办|舉辦|组织(?!部)(?=.)|組織(?!部)(?=.)|由|鼓励|鼓勵|引导|引導|支持|推动|推動|促进|促進|"
    r"动员|動員|邀请|邀請|指导|指導|督促|安排|讨论|討論|提高|激励|激勵|培养|培養|服务|服務|协助|協助|配合|帮助|幫助|"
    r"吸引|联系|聯繫|带动|帶動|确定|確定|突出|聚焦|发挥|發揮|提升|增强|增強|弘扬|弘揚|打造|深化|拓展|完善|建立|健全|创新|創新|"
    r"[0-9]|,|。|;|:|“|”|《|》)"
)
_SEPARATOR = re.compile(r"、|和|及|与|與|以及|或")
_LEAD = re.compile(
    r"(?:会后|會後|会前|會前|届时|屆時|同时|同時|另外|此外|下一步|今后|今後|目前|随后|隨後|最后|最後|其中|"
    r"[^,]{1,24}?(?:前|后|後|内|內|期间|期間|之际|時|时))(?=[\u4e00-\u9fff])"
)
_CONDITION = re.compile(r"^(?:凡|如|若|如果|对于|對於)|(?:后|後|时|時)$")
# the issuer's own commitments (省科协将…) are not tasks for the recipients
ISSUER_LIKE = re.compile(r"^(?:我|本)[会會厅廳局办辦部校院处處委中所]|^(?:省|市|区|區|县|縣|中国|中國)科协$|^(?:省|市|区|區|县|縣|中国|中國)科協$")
_ISSUER_FIRST = tuple("我本省市区區县縣中")  # what ISSUER_LIKE can start with: keep the two in step
SPEECH = re.compile(r"(?P<v>强调|強調|要求|指出|提出|希望|号召|號召|勉励|勉勵|叮嘱|叮囑|寄语|寄語|嘱托|囑託|指示|鼓励|鼓勵)")
_SPEECH_NOUN_BEFORE = ("的", "部署", "工作", "相关", "有关", "具体", "总体", "基本", "严格", "相關", "有關", "具體", "總體")
_WISH = {"希望", "号召", "號召", "勉励", "勉勵", "鼓励", "鼓勵", "寄语", "寄語"}
STATEMENT = re.compile(r"表示|認為|认为")
SUBMIT = re.compile(
    r"报送|報送|上报|上報|报至|報至|报到|提交|发送|發送|送交|寄送|报名|報名|推荐|推薦|申报|申報|填写|填寫|填报|填報|告知|"
    r"反馈|反饋|交至|报给|報給|送至|送达|送達|发至|發至|传至|傳至|上传|上傳"
)
ATTEND = re.compile(r"会前|會前|会上|會上|参会|參會|与会|與會|入场|入場|报到|報到|出席会议|参加会议|會場|会场|赛场|賽場|到场|到場|到达|到達")
IMPERATIVE_START = re.compile(r"(?:按时|按時|及时|及時|尽快|盡快)")
NEW_PART = re.compile(r"(?:[并並]|同[时時]|另)[将將于於请請]")
DELIVERABLES = re.compile(
    r"回执|回執|报名表|報名表|申报表|申報表|推荐表|推薦表|汇总表|匯總表|信息表|反馈表|反饋表|审议单|審議單|提名表|名单|名單|"
    r"汇报材料|匯報材料|申报材料|申報材料|推荐材料|推薦材料|总结|總結|报告|報告|论文|論文|作品|方案|电子版|電子版|材料"
)
# patterns the helpers below use on every clause, compiled once
_CLOSING = re.compile(r"^(?:特此|附件|附表|附:|\d{1,2}[.、]?\s*[联聯]系)")
_NOT_COUNTED = re.compile(r"[\s“”\"'《》]")
_GE_LIST = re.compile(r"各[\u4e00-\u9fff]{1,6}(?=、|和|及)")
_YOU = re.compile(r"由(?![于於此衷来來])")
_DUTY = re.compile(r"将|將|负责|負責")
_COMMITMENT = re.compile(r"(?:我|本)[会會厅廳局办辦部校院处處]|将|將")
_OTHER_BUSINESS = re.compile(r"^(?:[联聯]系|电话|電話|邮箱|郵箱|我[厅廳办辦会會局部])")
_AS_FOLLOWS = re.compile(r"如下\s*:?$")
_BY_START = re.compile(r"(?:并|並|同时|同時)?由")  # used with match(text, pos)
_SPACES = re.compile(r"\s+")
_COMMA_OR_DE = re.compile(r"[,的]")
_IN_CHARGE = re.compile(r"负责|負責")
_PERIOD_WORD = re.compile(r"期|时间|時間|日期")
_TITLED_FORM = re.compile(r"《([^《》]{2,40}(?:表|单|單|书|書|报告|報告|总结|總結|材料|名单|名單))》")
_FINAL = "。!?;…"
TEXT_SOFT = 30  # a task keeps taking clauses while shorter than this …
TEXT_CAP = 60  # … and while the next clause keeps it within this


@dataclass(frozen=True, slots=True)
class _Cand:
    s: int  # view offsets of the task text
    e: int
    sent: tuple[int, int]  # the sentence it sits in
    para: int  # paragraph index
    actor: tuple[int, int] | None  # view span of the subject
    actor_source: str | None
    bare: bool  # a directive with no subject of its own (要…): may inherit the actor


# ---------------------------------------------------------------- entry point
def extract(doc, found) -> tuple[Task, ...]:
    text = doc.view.text
    paras = _paragraphs(doc)
    if doc.structure.kind == "bulletin":
        cands = _bulletin(text, paras)
    else:
        cands = _notice(text, paras)
    cands = _inherit_actors(cands, paras)
    dates = _Dates(found.dates if found is not None else (), doc)
    starts = [c.s for c in cands]
    tasks: list[Task] = []
    seen: set[str] = set()
    for k, c in enumerate(cands):
        value = _value(doc, c.s, c.e)
        if len(value) < 4:
            continue
        tid = task_id(doc.source.sha256, doc.source.article, value)
        if tid in seen:
            continue
        seen.add(tid)
        rs, re_ = doc.view.raw_span(c.s, c.e)
        para = doc.view.raw_span(paras[c.para].s, paras[c.para].e)
        deadline, when = dates.deadline(c, value, (rs, re_), para)
        nxt = starts[k + 1] if k + 1 < len(starts) else None
        actor = (_value(doc, *c.actor) or None) if c.actor else None
        tasks.append(Task(
            id=tid,
            text=value,
            actor=actor,
            actor_source=c.actor_source if actor else None,
            deadline=deadline,
            deadline_time=when,
            detail=_detail(doc, c, nxt, paras),
            deliverable=_deliverable(value),
            contact=_contact(found.contacts if found is not None else (), rs),
            section=_section(doc, rs, para),
            start=rs,
            end=re_,
        ))
    return tuple(tasks)


DETAIL_MAX = 1000  # characters of an item kept as a task's detail


def _detail(doc, c: _Cand, next_start: int | None, paras: list[_Para]) -> str | None:
    """The rest of the task's sentence; for a numbered item, the rest of the item."""
    text = doc.view.text
    p = paras[c.para]
    start = c.e
    while start < len(text) and text[start] in ",;。 ":
        start += 1
    is_item = bool(p.marker) or bool(_ENUMERATED.match(text, c.s, c.s + 3))
    end = min(p.e, start + DETAIL_MAX) if is_item else c.sent[1]
    if is_item:
        nxt = _NEXT_ENUMERATED.search(text[start:end])  # (a slice: the look-behind stops at start)
        if nxt:
            end = start + nxt.start()
    if next_start is not None and next_start >= start:
        end = min(end, next_start)
    if end - start < 4:
        return None
    return _value(doc, start, end) or None


def task_id(sha256: str, article: int, text: str) -> str:
    """Stable across runs: the same task of the same file keeps its id."""
    norm = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    return hashlib.sha256(f"{sha256}\x1f{article}\x1f{norm}".encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------- text layout
@dataclass(frozen=True, slots=True)
class _Para:
    s: int
    e: int
    marker: str | None  # the item marker the paragraph starts with
    level: int
    label: bool  # 参会人员:… — a label item, not a request
    under_label: bool  # an item under a label heading (二、会议内容:)
    heading: bool  # a heading line, not a paragraph
    skip_rules: bool  # under a heading about eligibility (资格, 条件 …)
    implied: tuple[int, int] | None = None  # the subject a heading above names (（一）各市科协要…)


def _paragraphs(doc) -> list[_Para]:
    """Body paragraphs; lines broken inside a sentence (page ends) are joined softly."""
    text = doc.view.text
    body = doc.structure.body
    start = doc.view.index_of(body.start) if body is not None else 0
    # (start, end, item marker) per paragraph. A joined paragraph keeps its first line's
    # marker match: that line is 40 characters or more and ends in no space, so a match at
    # its start (a few characters) reads the same there as in the joined text.
    merged: list[tuple[int, int, re.Match | None]] = []
    pos = 0
    for part in text.split("\n"):
        a, b = pos, pos + len(part)
        pos = b + 1
        if b <= start:
            continue
        a = max(a, start)
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if not seg:
            continue
        a += lead
        b = a + len(seg)
        m = MARKER.match(seg)
        if merged and not m:
            pa, pb, pm = merged[-1]
            if pb - pa >= 40 and text[pb - 1] not in _JOIN_STOP and not _furniture(text[pa:pb]):
                merged[-1] = (pa, b, pm)
                continue
        merged.append((a, b, m))
    out: list[_Para] = []
    stack: list[tuple[int, bool, bool, tuple[int, int] | None]] = []  # (level, label heading, eligibility, subject)
    for a, b, m in merged:
        t = text[a:b]
        if _furniture(t):
            continue
        if m:
            level = int(m.lastgroup[1])  # the one group l1 … l5 that matched
            rest = t[m.end():]
            item = level < 5
        else:
            level = 0
            rest = t
            item = False
        heading = item and len(rest) <= 45 and not _STOPS.search(rest)
        label = item and not heading and bool(ITEM_LABEL.match(rest))
        if item:
            while stack and stack[-1][0] >= level:
                stack.pop()
        if stack:
            under_label = any(lab for _, lab, _, _ in stack)
            skip_rules = any(elig for _, _, elig, _ in stack)
            implied = next((act for _, _, _, act in reversed(stack) if act), None)
        else:
            under_label = skip_rules = False
            implied = None
        if heading:
            is_label = len(rest.rstrip(":")) <= 8 or rest.endswith(":")
            elig = bool(_ELIGIBILITY.search(rest))
            hs = a + m.end()
            d = DIRECTIVE.search(text, hs, b)
            span = _np_prefix(text, hs, d.start()) if d and d.lastgroup in ("yao", "xu", "ying") else None
            act = _clean_actor(text, span) if span else None
            stack.append((level, is_label, elig, act))
        out.append(_Para(s=a, e=b, marker=m.group(0) if m else None, level=level, label=label,
                         under_label=under_label, heading=heading, skip_rules=skip_rules, implied=implied))
    return out


_JOIN_STOP = _FINAL + ":"  # a line ending in one of these is not joined to the next
_STOPS = re.compile("[。!?;]")  # a heading has none of these
_ELIGIBILITY = re.compile(r"资格|資格|条件|條件|范围|範圍|对象|對象|标准|標準|原则|原則")


def _furniture(t: str) -> bool:
    return bool(
        LABEL.match(t) or is_colophon(t) or is_date_line(t) or BOILERPLATE.match(t) or is_image_file(t)
        or _CLOSING.match(t)
    )


_SENTENCE_MARKS = re.compile(f"[(《“)》”{re.escape(_FINAL)}]")  # all _sentences looks at
_CLAUSE_MARKS = re.compile(r"[(《“\[)》”\],]")  # all _clauses looks at


def _split_outside(text: str, a: int, b: int, marks: re.Pattern, seps: str) -> list[tuple[int, int]]:
    """Pieces of text[a:b] cut at ``seps`` that stand outside brackets and quotes."""
    return split_outside(text, a, b, seps, "(《“[", ")》”]", marks)


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    for s, e in _split_outside(text, a, b, _SENTENCE_MARKS, _FINAL):
        rest = text[s:e].lstrip()
        if rest:  # leading spaces left out, blank pieces dropped
            out.append((e - len(rest), e))
    return out


def _clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in _split_outside(text, a, b, _CLAUSE_MARKS, ",") if e > s]


def _len(text: str) -> int:
    return len(_NOT_COUNTED.sub("", text))


# ---------------------------------------------------------------- subjects
def actor_at(text: str, pos: int, limit: int | None = None) -> tuple[int, int] | None:
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


# the last character of anything _HEAD_END matches (before a final newline, which $ allows)
_HEAD_LAST = frozenset({h[-1] for h in HEADS} | set("地市县区省縣區)"))


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


def _np_prefix(text: str, a: int, b: int) -> tuple[int, int] | None:
    """A subject that fills ``text[a:b]`` (up to a few adverbs before the directive)."""
    lm = _LEAD.match(text, a, b)
    for start in ((a, lm.end()) if lm else (a,)):
        span = actor_at(text, start, b)
        if span and b - span[1] <= 4 and not _COMMA_OR_DE.search(text, span[1], b):
            return span
    return None


def _np_start(text: str, a: int, b: int, *, anchored: bool = False) -> tuple[int, int] | None:
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


_OPENER = re.compile(r"(?:各|全体|全體|所有|任何|每|广大|廣大|全省|全市|全区|全區|全县|全縣|全国|全國|有关|有關|相关|相關|参会|參會|与会|與會|申报|申報|提名|推荐|推薦|两个|兩個|本)")
_STRONG_HEAD = re.compile(
    r"(?:单位|單位|部门|部門|学会|學會|协会|協會|研究会|研究會|委员会|委員會|科协|科協|学院|學院|机关|機關|局|厅|廳|处|處|办|辦|"
    r"室|中心|学校|學校|高校|企业|企業|分会|分會|部|集团|集團|公司|政府|党委|黨委|支部)(?:\([^()]{1,6}\))?$"
)


def _looks_like_actor(s: str) -> bool:
    return bool(_OPENER.match(s) or _STRONG_HEAD.search(s))


def _clean_actor(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    a, b = span
    while a < b and text[a] in " ,、\n":
        a += 1
    while b > a and text[b - 1] in " ,、\n":
        b -= 1
    s = text[a:b].replace("\n", "")
    if len(s) < 2 or ISSUER_LIKE.search(s):
        return None
    return a, b


# ---------------------------------------------------------------- notices
def _notice(text: str, paras: list[_Para]) -> list[_Cand]:
    out: list[_Cand] = []
    for k, p in enumerate(paras):
        if p.heading or p.skip_rules:
            continue
        a = p.s + (len(p.marker) if p.marker and p.level < 5 else 0)
        if p.label:
            lab = ITEM_LABEL.match(text, a, p.e)  # 申报方式:请… — the task starts after the label
            a = lab.end() if lab else a
        item = bool(p.marker) and p.level < 5 and not p.label and not p.under_label
        sents = _sentences(text, a, p.e)
        for n, (ss, se) in enumerate(sents):
            stxt = text[ss:se]
            if n == 0 and p.marker and p.level < 5 and len(sents) > 1 and len(stxt) <= 15 and "," not in stxt:
                continue  # （二）确保质量。…: the item's own heading
            if stxt.startswith("(") and stxt.rstrip(")").count("(") <= stxt.count(")"):
                continue  # an aside in parentheses
            if p.level == 5 and n == 0 or _ENUMERATED.match(stxt):
                # 一是…: an enumerated line of work is a task in itself
                span = _np_start(text, ss + 2, se, anchored=True)
                actor = _clean_actor(text, span) if span else None
                d = DIRECTIVE.match(text, ss + 2)
                e = _extend(text, _clauses(text, ss, se), 0, ss)
                out.append(_Cand(s=ss, e=e, sent=(ss, se), para=k, actor=actor,
                                 actor_source="explicit" if actor else None,
                                 bare=actor is None and bool(d and d.lastgroup in ("yao", "xu", "ying"))))
                continue
            out.extend(_sentence_tasks(text, ss, se, k, item=item, notice=True))
    return out


def _sentence_tasks(text: str, ss: int, se: int, para: int, *, item: bool, notice: bool) -> list[_Cand]:
    clauses = _clauses(text, ss, se)
    out: list[_Cand] = []
    i = 0
    free = 0  # clauses before this one are taken by an earlier task
    while i < len(clauses):
        ca, cb = clauses[i]
        got = _directive_task(text, clauses, i, free, ss, se, para, notice=notice)
        if got is None and item and not out and not _CONDITION.match(text[ca:cb]) and not text.startswith("拟", ca):
            span = _np_start(text, ca, cb, anchored=True)
            if span and not DIRECTIVE.search(text, ca, cb):
                actor = _clean_actor(text, span)
                if actor:
                    e = _extend(text, clauses, i, span[0])
                    got = (_Cand(s=span[0], e=e, sent=(ss, se), para=para, actor=actor, actor_source="explicit",
                                 bare=False), _clause_index(clauses, e))
        if got is None and notice:
            by = _by(text, ca, cb)
            if by and _clean_actor(text, by):
                e = _extend(text, clauses, i, ca)
                got = (_Cand(s=ca, e=e, sent=(ss, se), para=para, actor=_clean_actor(text, by),
                             actor_source="explicit", bare=False), _clause_index(clauses, e))
        if got is None and i == 0 and notice and IMPERATIVE_START.match(text, ca):
            e = _extend(text, clauses, 0, ca)
            got = (_Cand(s=ca, e=e, sent=(ss, se), para=para, actor=None, actor_source=None, bare=False), _clause_index(clauses, e))
        if got is None and out and NEW_PART.match(text, ca) and i > 0 and out[-1].e < ca:
            e = _extend(text, clauses, i, ca)
            got = (_Cand(s=ca, e=e, sent=(ss, se), para=para, actor=None, actor_source=None, bare=False), _clause_index(clauses, e))
        if got is None:
            i += 1
            continue
        cand, last = got
        out.append(cand)
        i = max(last + 1, i + 1)
        free = i
    return out


def _clause_index(clauses, e: int) -> int:
    for k, (a, b) in enumerate(clauses):
        if a <= e <= b:
            return k
    return len(clauses) - 1


def _directive_task(text, clauses, i, free, ss, se, para, *, notice: bool):
    ca, cb = clauses[i]
    for m in DIRECTIVE.finditer(text, ca, cb):
        kind = m.lastgroup
        dpos, dend = m.start(), m.end()
        if notice and NOTICE_SPEECH.search(text, ss, dpos):
            return None
        if kind == "qing" and TRIVIAL_QING.match(text, dpos, cb):
            continue
        actor = None
        start = ca
        bare = False
        if _quoted(text, ss, dpos):
            continue  # “要广泛动员…”的要求: a quotation, not this notice's request
        if kind in ("qing", "xiwang", "wang", "yaoqiu"):
            span = actor_at(text, dend, cb)
            if span:
                actor = span
            elif kind == "yaoqiu":
                continue  # 按照…要求: a noun, not a request
        if actor is None:
            span = _np_prefix(text, ca, dpos)
            if span:
                actor = span
                start = span[0]
            elif kind in ("ke", "fuze") and not _by(text, ca, dpos):
                span = None
            elif text[ca:dpos].strip() == "" and kind in ("yao", "xu", "ying"):
                bare = True
        by = _by(text, ca, dpos) if actor is None else None
        if by:
            actor = by
        if actor is None and not bare:
            # the subject stated at the head of the sentence: 各单位…的情况,请…
            for j in range(free, i):
                ja, jb = clauses[j]
                if _CONDITION.search(text[ja:jb]):
                    continue
                span = _np_start(text, ja, jb, anchored=True)
                by = None if span else _by(text, ja, jb)
                if span or by:
                    actor = span or by
                    start = span[0] if span else ja
                    break
        if kind in ("ke", "fuze") and actor is None:
            continue
        if kind == "quebao" and text[ca:dpos].strip():
            continue
        if start == ca and i > free and _CONDITION.search(text[clauses[i - 1][0]:clauses[i - 1][1]]):
            start = clauses[i - 1][0]
        if actor is not None and _clean_actor(text, actor) is None and ISSUER_LIKE.search(text[actor[0]:actor[1]]):
            return None  # 省科协要…, 我会将…: the issuer's own undertaking
        actor = _clean_actor(text, actor) if actor else None
        if actor is None and _commitment(text, ca, dpos):
            return None
        if actor is None and text.startswith(("如", "若"), ss, se):  # 如…, 若…, 如果…
            return None
        e = _extend(text, clauses, i, start)
        first = _clause_index(clauses, start)
        return (_Cand(s=start, e=e, sent=(ss, se), para=para, actor=actor,
                      actor_source="explicit" if actor else None, bare=bare and actor is None), max(_clause_index(clauses, e), first, i))
    return None


def _quoted(text: str, a: int, pos: int) -> bool:
    before = text[a:pos]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def _by(text: str, a: int, b: int) -> tuple[int, int] | None:
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


def _commitment(text: str, a: int, b: int) -> bool:
    return bool(_COMMITMENT.search(text, a, b))


def _extend(text: str, clauses, i: int, start: int) -> int:
    """The end of a task that starts at ``start`` in clause ``i``: as many clauses as belong."""
    e = clauses[i][1]
    cur = _len(text[start:e])  # kept up to date as clauses join (_len adds up over pieces)
    for k in range(i + 1, len(clauses)):
        a, b = clauses[k]
        piece = text[a:b]
        # any one of these ends the task; the cheap ones are asked first
        if cur >= TEXT_SOFT and (cur + _len(piece) > TEXT_CAP or NEW_PART.match(piece)):
            break
        if _OTHER_BUSINESS.match(piece) or _AS_FOLLOWS.search(piece):
            break
        if _commitment_start(piece) or _starts_new_task(text, a, b):
            break
        cur += _len(text[max(start, e):b])
        e = b
    return e


def _commitment_start(piece: str) -> bool:
    if not piece.startswith(_ISSUER_FIRST):
        return False  # no issuer named first: skip looking for a subject
    span = actor_at(piece, 0)
    return bool(span and piece[span[1]:span[1] + 1] in "将將" and ISSUER_LIKE.search(piece[:span[1]]))


def _starts_new_task(text: str, a: int, b: int) -> bool:
    """A clause with a subject and a directive of its own (每市务必…, 并由主提名人将…)."""
    m = DIRECTIVE.search(text, a, b)
    if m and _np_prefix(text, a, m.start()):
        return True
    if _BY_START.match(text, a, b) and _by(text, a, b):
        return True
    return False


# ---------------------------------------------------------------- bulletins
def _bulletin(text: str, paras: list[_Para]) -> list[_Cand]:
    out: list[_Cand] = []
    for k, p in enumerate(paras):
        speaking = False
        for ss, se in _sentences(text, p.s, p.e):
            s = text[ss:se]
            if STATEMENT.search(s) and not SPEECH.search(s):
                speaking = False
                continue
            got = _speech_task(text, ss, se, k)
            if got is not None:
                out.append(got)
                speaking = True
                continue
            if SPEECH.search(s):
                speaking = not STATEMENT.search(s)
                continue
            if speaking:
                # 他强调,…。广大科技工作者要…: the speech goes on
                m = DIRECTIVE.search(text, ss, se)
                if m and m.lastgroup in ("yao", "xu", "ying"):
                    span = _np_prefix(text, ss, m.start())
                    if not span and m.start() == ss and out and out[-1].para == k and out[-1].actor:
                        e = _extend(text, _clauses(text, ss, se), 0, ss)
                        out.append(_Cand(s=ss, e=e, sent=(ss, se), para=k, actor=None, actor_source=None,
                                         bare=True))
                        continue
                    if span:
                        e = _extend(text, _clauses(text, ss, se), 0, ss)
                        out.append(_Cand(s=span[0], e=e, sent=(ss, se), para=k, actor=_clean_actor(text, span),
                                         actor_source="explicit", bare=False))
                        continue
            speaking = False
    return out


def _speech_task(text: str, ss: int, se: int, para: int) -> _Cand | None:
    for m in SPEECH.finditer(text, ss, se):
        v = m["v"]
        if m.start() == ss or text[max(ss, m.start() - 4):m.start()].endswith(_SPEECH_NOUN_BEFORE):
            continue
        clauses = _clauses(text, ss, se)
        i = _clause_index(clauses, m.end())
        if STATEMENT.search(text, clauses[max(0, i - 1)][0], m.start()):
            return None  # 表示,…要…: what the speaker will do, not an assignment
        after = m.end()
        while after < se and text[after] in ",: ":
            after += 1
        if v in _WISH:
            span = actor_at(text, after, se)
            actor = _clean_actor(text, span) if span else None
            if actor is None and not DIRECTIVE.search(text, after, se):
                return None  # 并希望悉心梳理…: a wish with no one named to carry it out
            ci = _clause_index(clauses, after)
            e = _extend(text, clauses, ci, after)
            return _Cand(s=after, e=e, sent=(ss, se), para=para, actor=actor,
                         actor_source="explicit" if actor else None, bare=False)
        if v in ("要求",) and after == m.end():
            span = actor_at(text, after, se)
            if span and span[1] < se and text[span[1]] not in ",的":
                start = clauses[i][0]
                e = _extend(text, clauses, i, start)
                return _Cand(s=start, e=e, sent=(ss, se), para=para, actor=_clean_actor(text, span),
                             actor_source="explicit", bare=False)
        # 强调,…,海智基地要…: the first clause after the verb with a subject and a directive
        for j in range(_clause_index(clauses, after), len(clauses)):
            a, b = clauses[j]
            a = max(a, after)
            d = DIRECTIVE.search(text, a, b)
            if d and d.lastgroup in ("yao", "xu", "ying"):
                span = _np_prefix(text, a, d.start())
                if span:
                    e = _extend(text, clauses, j, span[0])
                    return _Cand(s=span[0], e=e, sent=(ss, se), para=para,
                                 actor=_clean_actor(text, span), actor_source="explicit", bare=False)
        return None
    return None


# ---------------------------------------------------------------- after finding
def _inherit_actors(cands: list[_Cand], paras: list[_Para]) -> list[_Cand]:
    """要强化宣传… after 全省各级科协组织要…: the same subject goes on; under a heading that
    names a subject (（一）各市科协要…), the items below it are that subject's."""
    out = []
    last: tuple[int, str] | None = None
    for c in cands:
        if c.actor and c.actor_source == "explicit":
            last = (c.para, c.actor)
        elif c.bare and last and last[0] == c.para:
            c = replace(c, actor=last[1], actor_source="inherited")
        elif c.actor is None and paras[c.para].implied:
            c = replace(c, actor=paras[c.para].implied, actor_source="inherited")
        out.append(c)
    return out


class _Dates:
    """The document's dates, sorted, with what a task's deadline is looked up in."""

    def __init__(self, dates, doc) -> None:
        self.doc = doc
        self.dates = sorted(dates, key=lambda d: d.mention.start)
        self.starts = [d.mention.start for d in self.dates]
        self.meeting = next((d for d in self.dates if d.role == "event"), None)
        ends = {d.end for d in self.dates if d.role == "deadline"}
        # one reporting deadline for the whole document applies to every reporting task
        self.single = next((d for d in self.dates if d.role == "deadline"), None) if len(ends) == 1 else None

    def within(self, a: int, b: int) -> list[DateValue]:
        return self.dates[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]

    def deadline(self, c: _Cand, value: str, span: tuple[int, int], para: tuple[int, int]) -> tuple:
        day, when = self._day(c, value, span, para)
        if day is not None and when is None:
            # 请于12月20日前报送…;截止时间为12月20日下午5:00: the clock time stated elsewhere
            when = next((d.time for d in self.dates if d.role == "deadline" and d.end == day and d.time), None)
        return day, when

    def _day(self, c: _Cand, value: str, span: tuple[int, int], para: tuple[int, int]) -> tuple:
        if not self.dates:
            return None, None
        view = self.doc.view
        sent = view.raw_span(*c.sent)
        own = [d for d in self.within(*sent) if d.role == "deadline"]
        if own:
            return own[0].end, own[0].time
        submit = bool(SUBMIT.search(value))
        if self.doc.structure.kind == "notice":
            # a deadline its paragraph states: for what follows it, or for what is to be sent in
            for d in self.within(*para):
                if (d.role == "deadline" or (d.start != d.end and d.role != "event" and _period(view.raw, d))) and (
                        d.mention.start < span[0] or submit):
                    return d.end, d.time
        if self.meeting is not None and ATTEND.search(value):
            return self.meeting.start, self.meeting.time
        if submit and self.single is not None and not _IN_CHARGE.search(value):
            return self.single.end, self.single.time
        return None, None


def _period(raw: str, d: DateValue) -> bool:
    """公示期为…至…, 征集时间:…至…: a span that closes a window for acting."""
    before = raw[max(0, d.mention.start - 8):d.mention.start]
    return bool(_PERIOD_WORD.search(before))


def _deliverable(value: str) -> str | None:
    if not SUBMIT.search(value):
        return None
    m = _TITLED_FORM.search(value)
    if m:
        return m.group(1)
    m = DELIVERABLES.search(value)
    return m.group(0) if m else None


def _contact(found_contacts, raw_pos: int) -> str | None:
    contacts = [c for c in found_contacts if c.name] or [c for c in found_contacts if c.phone or c.email]
    if not contacts:
        return None
    after = [c for c in contacts if c.first >= raw_pos]
    c = min(after, key=lambda c: c.first) if after else max(contacts, key=lambda c: c.first)
    return c.name or c.phone or c.email


def _section(doc, raw_pos: int, para: tuple[int, int]) -> tuple[str, ...]:
    """The heading path above the task; the task's own numbered item shows as its marker."""
    para_start = para[0]
    best = None
    for s in doc.structure.sections:
        if s.level == 5 and not para[0] <= s.start < para[1]:
            continue  # 一是… inside another paragraph does not govern this one
        if s.start <= raw_pos < s.end and (best is None or s.start >= best.start):
            best = s
    if best is None:
        return ()
    path = tuple(best.path)
    if path and best.start in (para_start, raw_pos):
        path = path[:-1] + (best.marker.strip(),)
    return path


def _value(doc, a: int, b: int) -> str:
    """The text as read behind view[a:b], soft line joins taken out."""
    text = doc.view.text
    while a < b and text[a] in " ,":
        a += 1
    while b > a and text[b - 1] in " ,。;":
        b -= 1
    parts = []
    pos = a
    while pos < b:
        nl = text.find("\n", pos, b)
        end = b if nl < 0 else nl
        if end > pos:
            parts.append(doc.view.mention(pos, end).value)
        pos = end + 1
    return "".join(parts).strip()

