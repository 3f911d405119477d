"""The genre's vocabulary as the task rules read it: heading markers, the kinds of document,
the words that end a unit's name, the labels of a notice's closing lines.

The shared part comes from castdoc.vocab (the one home of the genre's vocabulary); what
is the task rules' own reading of it stays here. The other task modules ask for both
through this module only. The cues by which a notice asks (要, 请, 报送 …) are the
task rules' own and live in ``cues``.
"""
from __future__ import annotations

import re

# the kinds of document (``doc.structure.kind``)
NOTICE = "notice"
BULLETIN = "bulletin"

# the item marker a line starts with: l1 一、 l2 (一) l3 1. l4 (1) l5 一是; 一是…, 二是… inside a paragraph
from ...vocab import ENUMERATED, NEXT_ENUMERATED  # noqa: E402
from ...vocab import TASK_MARKER as MARKER  # noqa: E402

# what the name of a unit, an office or a group of people ends in: a request's subject
from ...vocab import ACTOR_HEADS as HEADS  # noqa: E402
# after 各 a place word alone names the units there (各市, 各县)
PLACES = "地市县区省縣區"
# the unit words among HEADS that name a body, not a person (…单位, …科协, …中心), with an
# optional short gloss in brackets: (…) after the name
STRONG_HEAD = re.compile(
    r"(?:单位|單位|部门|部門|学会|學會|协会|協會|研究会|研究會|委员会|委員會|科协|科協|学院|學院|机关|機關|局|厅|廳|处|處|办|辦|"
    r"室|中心|学校|學校|高校|企业|企業|分会|分會|部|集团|集團|公司|政府|党委|黨委|支部)(?:\([^()]{1,6}\))?$"
)

# the issuer speaking of itself (我会, 本厅, 省科协): its own undertakings are not tasks
ISSUER_LIKE = re.compile(r"^(?:我|本)[会會厅廳局办辦部校院处處委中所]|^(?:省|市|区|區|县|縣|中国|中國)科协$|^(?:省|市|区|區|县|縣|中国|中國)科協$")
# in a bulletin a leader may ask 县科协 to act: only 我…/本… speak of the speaker's own body there
SPEAKER_LIKE = re.compile(r"^(?:我|本)[会會厅廳局办辦部校院处處委中所]")
ISSUER_FIRST = tuple("我本省市区區县縣中")  # what ISSUER_LIKE can start with: keep the two in step
ISSUER_SELF = re.compile(r"(?:我|本)[会會厅廳局办辦部校院处處]")  # (anywhere in a clause)

# the labels of a notice's closing lines (特此通知, 附件, 联系人…), where its requests are over
CLOSING = re.compile(r"^(?:特此|附件|附表|附:|\d{1,2}[.、]?\s*[联聯]系)")
# a clause that turns to the issuer's own business: contacts, 我厅…
OTHER_BUSINESS = re.compile(r"^(?:[联聯]系|电话|電話|邮箱|郵箱|我[厅廳办辦会會局部])")
# a web page's notes to its readers (转载请注明出处, 点击此处查看全文): no request of the notice
WEB_NOTE = re.compile(r"转载声明|轉載聲明|转载请注明|轉載請註明|如需转载|如需轉載|查看全文|點擊此處|点击此处|点击这里|點擊這裏")
