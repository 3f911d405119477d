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
are copied back from the text as read, each task with its Mention there.

The modules: ``paragraphs`` (the body's items and headings), ``sentences`` (sentences and
clauses), ``notice`` and ``bulletin`` (where each kind asks), ``actor`` (who is asked),
``filters`` (what only looks like a request), ``candidate`` (how far a task's text
reaches), ``deadline``, ``fields`` (detail, deliverable, contact, section); ``words`` holds
the genre's vocabulary, ``cues`` the words by which a request is made.
"""
from __future__ import annotations

from ...types import Task
from .actor import actor_at, inherit_actors
from .bulletin import bulletin_tasks
from .deadline import Dates
from .filters import exhortation
from .fields import as_read, contact, deliverable, detail, section, task_id
from .notice import notice_tasks
from .paragraphs import paragraphs
from .words import BULLETIN

__all__ = ["actor_at", "extract", "task_id"]


def extract(doc, found) -> tuple[Task, ...]:
    text = doc.view.text
    paras = paragraphs(doc)
    if doc.structure.kind == BULLETIN:
        cands = bulletin_tasks(text, paras)
    else:
        cands = notice_tasks(text, paras)
    cands = inherit_actors(cands, [p.implied for p in paras])
    # (what the earlier extractors found is read here only)
    dates = Dates(found.dates if found is not None else (), doc, paras)
    starts = [c.start for c in cands]
    tasks: list[Task] = []
    seen: set[str] = set()
    for k, c in enumerate(cands):
        mention = as_read(doc, c.start, c.end)
        value = mention.value
        if len(value) < 4 or exhortation(value):
            continue
        tid = task_id(doc.source.sha256, doc.source.article, value)
        if tid in seen:
            continue
        seen.add(tid)
        rs, re_ = doc.view.raw_span(c.start, c.end)
        p = paras[c.sentence.para]
        para = doc.view.raw_span(p.start, p.end)
        deadline, when, relative = dates.deadline(c, value, (rs, re_), para)
        nxt = starts[k + 1] if k + 1 < len(starts) else None
        actor = (as_read(doc, *c.actor).value or None) if c.actor else None
        tasks.append(Task(
            id=tid,
            text=value,
            actor=actor,
            actor_source=c.actor_source if actor else None,
            deadline=deadline,
            deadline_time=when,
            deadline_relative=relative,
            detail=detail(doc, c, nxt, p),
            deliverable=deliverable(value),
            contact=contact(found.contacts if found is not None else (), rs),
            section=section(doc, rs, para),
            start=rs,
            end=re_,
            mention=mention,
        ))
    return tuple(tasks)
