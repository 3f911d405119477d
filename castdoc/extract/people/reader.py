"""The passes that find people where the text vouches for them: after a position word,
before a title, before 等 with a count or a speech verb, in a 、-list after such a name.

One Reader per document gathers what the passes find (``found``, by clean name); bylines
and labelled contacts are read by ``bylines`` with the same Reader."""
from __future__ import annotations

from dataclasses import dataclass, field

from .cues import AFTER_DENG, AGENT_MARK_WORDS, AGENT_MARKS, SPEAKER_LEADS, BYLINE_ROLE, CONTEXT_NEXT, FOLLOW_CHARS, FOLLOW_WORDS, PUNCT, SPEECH
from .names import Names
from .patterns import positions, surname_starts, titles_after
from .roles import roles_before
from .words import COURTESY, ORG_END


@dataclass
class Seen:
    """A person found so far (mutable: later passes add roles and better mentions)."""

    name: str  # clean form
    start: int  # clean offset of the mention that vouched for it
    end: int
    roles: list[tuple[int, int]] = field(default_factory=list)  # clean spans
    plain_roles: list[str] = field(default_factory=list)  # roles not taken from a span (bylines)
    source: str = "text"


class Reader(Names):
    """The passes over one document's running text, and what they have found."""

    def __init__(self, clean):
        super().__init__(clean)
        self.found: dict[str, Seen] = {}
        self.spans: list[tuple[int, int]] = []  # accepted name spans, for clause floors

    def add(self, i: int, e: int, roles=(), plain_roles=(), source="text") -> Seen:
        name = self.t[i:e]
        f = self.found.get(name)
        if f is None:
            f = self.found[name] = Seen(name=name, start=i, end=e, source=source)
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
        for m in positions().finditer(t):
            i = m.end()
            if self.c.in_furniture(i) or BYLINE_ROLE.fullmatch(m.group(0)):
                continue  # 记者 林小雨 is a byline: bylines() reads it
            hit = self.name_at(i, strong=True)
            if not hit or self.joined_after_post(i):
                continue
            e, _ = hit
            roles = roles_before(t, self.spans, i, self.gaps)
            self.add(i, e, roles)
            self.list_after(e, roles)

    def joined_after_post(self, i: int) -> bool:
        """专家和港澳科技团体, 专家广东行: after a post, a rare surname that is a conjunction
        (和, 与 …) joins the next item, and a place (广东) opens an event's name, not a person's."""
        from ... import nlp

        if self.t[i] in FOLLOW_CHARS and self.sur.get(self.t[i]) != 1:
            return True
        if self.surname_len(i, strong=True) != 1:
            return False
        tag = nlp.word_tag(self.t[i:i + 2])
        # (a common surname opens names jieba reads as places too: 于洋, 秦建强)
        return tag is not None and tag.startswith("ns") and (self.sur.get(self.t[i]) != 1 or self.t[i + 2:i + 3] == "行")

    def list_after(self, e: int, roles) -> None:
        """Bare names after a name in a 、-list share its title (院士刘友梅、官春云)."""
        t = self.t
        while e < len(t) and t[e] == "、":
            hit = self.name_at(e + 1, strong=True, min_strength=2)
            if not hit or positions().match(t, e + 1):
                return
            e2, _ = hit
            if t[e2:e2 + 1] not in ("、", "等") and not t.startswith(FOLLOW_WORDS, e2) and t[e2:e2 + 1] not in PUNCT:
                return
            self.add(e + 1, e2, roles)
            e = e2

    def titled(self) -> None:
        """Names right before a title: 习近平总书记, 邓子新院士."""
        t = self.t
        for m in titles_after().finditer(t):
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
                if t[p - 1] in "和与及" and t[i:p - 1] in self.found:
                    break  # 所长袁超和副所长胡健: 和 joins two people (周忠和院士 is one)
                if not (self.plausible(i, p) or (self.starts_clause(i) and self.agent_name(i, p))):
                    continue  # (at a clause start the tagger need only open the name: 姜/nr 睿艳)
                role = m.group(0)
                roles = [(m.start(), m.end())] if role not in COURTESY else []
                self.add(i, p, roles)
                break

    def contextual(self) -> None:
        """Names before 等 + a count, or before a speech verb at a clause start."""
        t = self.t
        bounds = self.c.bounds
        for m in surname_starts().finditer(t):
            i = m.start()
            if not (i in bounds or self.starts_clause(i) or self.after_agent_mark(i)):
                continue  # a list (list_members) or a speaker opens a token or a clause
            s = self.surname_len(i, strong=False)
            if not s or not (t[i + s + 1:i + s + 2] in CONTEXT_NEXT or t[i + s + 2:i + s + 3] in CONTEXT_NEXT):
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
            if t.startswith(SPEECH, e) and (
                (self.starts_clause(i) or self.after_agent_mark(i) or t.endswith(SPEAKER_LEADS, 0, i)) and self.agent_name(i, e)
            ):
                self.add(i, e)

    def agent_name(self, i: int, e: int) -> bool:
        """After 由/据 and before a speech verb only a person or a body stands; a name the
        tagger does not read as a place or a word (梁/nr 文华/nz) is the person."""
        from ... import nlp

        if self.plausible(i, e):
            return True
        tag = nlp.word_tag(self.t[i:e])
        if tag is not None and not tag.startswith("nr"):
            return False
        if self.t[e - 1] in ORG_END or self.t[e - 1] in "学业":
            return False  # 由东方大学主持: a body
        s = self.surname_len(i, strong=True)
        a, b = self.clause(i)
        # the surname opens a name (梁/nr) or stands alone (郑/ns 立新): not inside a longer word
        # (after 由/据 a token starting at the surname is enough: 由/江力/主持, not 由于)
        marked = self.after_agent_mark(i)
        toks = nlp.pos_cut(self.t[a:b])
        if tag is None and {a + off for _, _, off in toks} >= {i, e}:
            return True  # the tagger cuts at both ends (徐洋/ns 芳/nr 院士): the name is its own words
        return any(
            (a + off == i and (tg.startswith("nr") or len(w) == s or (marked and a + off + len(w) <= e)))
            or (marked and a + off == i - 1 and a + off + len(w) == e and tg.startswith("nr"))  # 由钟刚/nr
            for w, tg, off in toks
        )

    def after_agent_mark(self, i: int) -> bool:
        """由/据 open the clause before the name: 会议由梁文华主持, 据郑立新介绍 (the mark
        itself opens a clause or follows a subject: 会议由, not 理由)."""
        t = self.t
        if i < 1 or t[i - 1] not in AGENT_MARKS:
            return False
        return i == 1 or t[i - 2] in PUNCT or t[i - 2] not in AGENT_MARK_WORDS

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
