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
- in bylines (记者 胡宇芬, 作者:市科协办公室 许燕, (姚勇), 文/韦振宇) and contact lines (联系人:邓洪军、袁宾);
- after 由/据 before a speech verb (会议由梁文华主持, 据郑立新介绍), in table rows and 获奖名单
  lines, in appointments (任命韦振宇为…), and as a surname with a form of address (陈老师,
  王主任: a person with no role; 王某某 is a placeholder, no person).

Where a name ends is decided by what follows it (punctuation, white space in the raw text,
等/一行/出席 …, a token boundary), so 周楠及 gives 周楠 and 王庆林率领 gives 王庆林.
Rules run on the clean text (glosses out, traditional folded); names and roles are
reported as written, each person with the Mention of its first occurrence.

The modules: ``names`` (where a name stands and ends), ``roles`` (the roles before a name),
``reader`` (the passes over the running text), ``bylines`` (bylines and labelled fields),
``patterns`` (the lexicon-built patterns), ``lists`` (lists, rows, forms of address),
``appoint`` (posts given after the name); ``words`` holds the genre's vocabulary, ``cues``
the words by which the text vouches for a name.
"""
from __future__ import annotations

from ...types import Person
from .._tokens import clean_of
from .bylines import bylines, contacts
from .cues import DOCTRINE
from .appoint import appointed
from .lists import addressed, bracketed, counted_after_join, name_rows, post_labels, set_apart, shared_titles
from .reader import Reader

__all__ = ["extract"]


def extract(doc, found) -> tuple[Person, ...]:
    r = Reader(clean_of(doc.view))
    r.anchored()
    r.titled()
    bylines(r)
    contacts(r)
    r.contextual()
    bracketed(r)
    post_labels(r)
    shared_titles(r)
    counted_after_join(r)
    name_rows(r)
    set_apart(r)
    _local_names(r)
    appointed(r)
    addressed(r)
    return _people(r)


def _local_names(r: Reader) -> None:
    """Names an office listed in castdoc.toml ([lexicon] people) are people wherever they stand."""
    from ... import nlp

    for name in nlp.user_words("person"):
        if name not in r.found:
            i = r.t.find(name)
            if i >= 0:
                r.add(i, i + len(name))


def _people(r: Reader) -> tuple[Person, ...]:
    """What the passes found, in the order of first mention."""
    c = r.c
    out = []
    for f in r.found.values():
        occ = [i for i in _occurrences(r.t, f.name) if not _doctrine(r.t, i, len(f.name))]
        first = min(occ + [f.start])
        roles = [c.value(x, y) for x, y in f.roles] + f.plain_roles
        out.append(
            (
                first,
                Person(
                    name=c.value(f.start, f.end),
                    roles=tuple(dict.fromkeys(r for r in roles if r)),
                    mentions=max(1, len(occ)),
                    first=c.raw_start(first),
                    source=f.source,
                    mention=c.mention(first, first + len(f.name)),
                ),
            )
        )
    out.sort(key=lambda x: x[0])
    return tuple(p for _, p in out)


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
