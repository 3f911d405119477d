"""The genre's vocabulary, in one place: heading markers, document kinds, the 发文字号, unit
suffixes, labels, page furniture and datelines.

Every stage that reads the genre's words imports them from here, so that a new form (a
traditional character, a kind) is added once. Where two stages need slightly different
patterns the difference is written out next to both, never hidden in a second copy;
tests/test_vocab.py keeps it so.
"""
from __future__ import annotations

from .build import alternation, any_of
from .contact import (
    CONTACT_HINT,
    CONTACT_NAME,
    CONTACT_NAMES,
    CONTACT_WORDS,
    EMAIL,
    EMAIL_WORD,
    NOT_NAME,
    PHONE,
    PHONE_LABEL,
    SITE_BLOCK,
    SITE_CONTACT_BOX,
)
from .doc_number import CITING, DOC_NUMBER, DOC_NUMBER_LOOSE, TRAILING_DOC_NUMBER
from .furniture import (
    BOILERPLATE,
    DATELINE,
    DATELINE_FIRST,
    EDITION,
    IMAGE_FILE,
    PAGE_DATE,
    PAGE_NUMBER,
    PAGE_NUMBER_FIRST,
    PDF_PAGE_NUMBER,
)
from .headings import (
    CHECK_H1,
    CHECK_H2,
    CHECK_H3,
    CHECK_H4,
    CN_NUM,
    ENUMERATED,
    HEADINGS,
    INNER_ITEM,
    LEVEL_MARK,
    NEXT_ENUMERATED,
    PARAGRAPH_START,
    PDF_PARAGRAPH_START,
    TASK_MARKER,
)
from .kinds import (
    CLOSING_KIND,
    CLOSING_KIND_ALIAS,
    DOC_TYPE_NAMES,
    DOC_TYPES,
    DOC_TYPES_TRAD,
    KIND_END,
    NON_KIND_END,
    NON_KINDS,
    NON_KINDS_OWN,
    NOTICE_PHRASES,
    NOTICE_TEXT,
    PUBLICITY_PHRASES,
    STATUTORY_KINDS,
    TITLE_END,
    TITLE_END_LAST,
    TITLE_TAIL,
    TRAILING_NOTE,
)
from .labels import (
    ATTACH_BODY,
    ATTACH_FILE,
    ATTACH_HEAD,
    ATTACH_INLINE_ITEM,
    ATTACH_ITEM,
    ATTACH_NOTE,
    ATTACH_NOTE_ITEM,
    ATTACH_REF,
    ATTACH_TITLE_END,
    AUTHOR_LINE,
    BYLINE_ROLES,
    BYLINE_ROLES_RE,
    CC_HEAD,
    CC_WORDS,
    COLOPHON,
    LABEL,
    PERSON_LABELS,
    PRINTED_BY,
    SOURCE_LINE,
)
from .tables import CONTACT_COLUMNS, DUTY_COLUMNS, NO_DEADLINE, column_of
from .units import ACTOR_HEADS, ORG_AFTER, ORG_END, ORG_SUFFIX
