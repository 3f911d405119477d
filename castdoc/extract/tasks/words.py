"""The genre's vocabulary as the task rules read it: heading markers, the kinds of document,
the words that end a unit's name, the labels of a notice's closing lines.

To be replaced by imports from castdoc.vocab (the one home of this vocabulary) once it is
there: every name below is asked for by the other task modules through this module only,
so the swap is this one file. The cues by which a notice asks (要, 请, 报送 …) are the
task rules' own and live in ``cues``.
"""
from __future__ import annotations

import re

# the kinds of document (``doc.structure.kind``)
NOTICE = "notice"
BULLETIN = "bulletin"

# the item marker a line starts with: l1 一、 l2 (一) l3 1. l4 (1) l5 一是
MARKER = re.compile(
    r"^(?:(?P<l1>[一二三四五六七八九十]{1,3}[、.])|(?P<l2>\([一二三四五六七八九十]{1,3}\))"
    r"|(?P<l3>\d{1,2}(?:[.、](?!\d)|\.(?=(?:19|20)\d{2}年)))|(?P<l4>\(\d{1,2}\))"
    r"|(?P<l5>[一二三四五六七八九十]{1,2}是))\s*"
)
ENUMERATED = re.compile(r"[一二三四五六七八九十]{1,2}是")  # 一是…, 二是… (MARKER's l5)
NEXT_ENUMERATED = re.compile(r"(?<=[。;])[一二三四五六七八九十]{1,2}是")  # the next one, inside a paragraph

# what the name of a unit, an office or a group of people ends in: a request's subject
HEADS = (
    "单位", "部门", "学会", "协会", "研究会", "委员会", "科协", "组织", "同志", "人员", "个人", "者", "领导", "学院",
    "委员", "机关", "局", "委", "厅", "处", "室", "办", "中心", "基地", "站点", "团队", "会员", "专家", "代表", "干部",
    "党员", "学校", "高校", "企业", "分会", "会", "部", "社", "院", "所", "校", "人", "群众", "教师", "学生", "家长",
    "馆", "集团", "公司", "政府", "党委", "支部", "小组", "组", "团", "队",
    "员", "員", "选手", "選手", "主席", "书记", "秘书长", "主任", "院长", "校长", "部长", "局长", "处长", "馆长", "站长", "会长", "理事长",
    "書記", "秘書長", "院長", "校長", "部長", "局長", "處長", "館長", "站長", "會長", "理事長",
    "單位", "部門", "學會", "協會", "研究會", "委員會", "科協", "組織", "人員", "個人", "領導", "學院", "委員", "機關",
    "廳", "辦", "團隊", "會員", "專家", "幹部", "黨員", "學校", "企業", "會", "館", "組", "團", "隊",
)
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
ISSUER_FIRST = tuple("我本省市区區县縣中")  # what ISSUER_LIKE can start with: keep the two in step
ISSUER_SELF = re.compile(r"(?:我|本)[会會厅廳局办辦部校院处處]")  # (anywhere in a clause)

# the labels of a notice's closing lines (特此通知, 附件, 联系人…), where its requests are over
CLOSING = re.compile(r"^(?:特此|附件|附表|附:|\d{1,2}[.、]?\s*[联聯]系)")
# a clause that turns to the issuer's own business: contacts, 我厅…
OTHER_BUSINESS = re.compile(r"^(?:[联聯]系|电话|電話|邮箱|郵箱|我[厅廳办辦会會局部])")
