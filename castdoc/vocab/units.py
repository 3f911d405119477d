"""How the names of units end (科协, 学会, 办公室 …), for the stages that must tell a unit from
a person or a phrase.

The lists differ on purpose: each is what its reader has been tuned on, and widening one
to another's would change what it finds.
"""
from __future__ import annotations

import re

# A unit's name at the end of a string: a signer, a bulletin's source (structure).
ORG_SUFFIX = re.compile(
    r"(?:会|協|协|局|部|厅|廳|委|室|处|處|院|校|办|辦|中心|组|組|社|馆|館|站|所|团|團|府|政府|公司|集团|大学|学院|联合会|研究会|秘书处|司|署|科|队|隊)$"
)
# The last characters of a unit before a name (people): 发展规划处王明. 中心 counts as its
# two characters, like the others, one at a time; 台 and 报 (电视台, 日报) join the units here.
ORG_END = "室部局处会协社站台报院校委办厅馆司组团所中心"
# What a unit or person named as the subject of a request ends with (tasks): units,
# offices, people and their posts, simplified and traditional.
ACTOR_HEADS = (
    "单位", "部门", "学会", "协会", "研究会", "委员会", "科协", "组织", "同志", "人员", "个人", "者", "领导", "学院",
    "委员", "机关", "局", "委", "厅", "处", "室", "办", "中心", "基地", "站点", "团队", "会员", "专家", "代表", "干部",
    "党员", "学校", "高校", "企业", "分会", "会", "部", "社", "院", "所", "校", "人", "群众", "教师", "学生", "家长",
    "馆", "集团", "公司", "政府", "党委", "支部", "小组", "组", "团", "队", "社区", "街道", "乡镇", "镇",
    "员", "員", "选手", "選手", "主席", "书记", "秘书长", "主任", "院长", "校长", "部长", "局长", "处长", "馆长", "站长", "会长", "理事长",
    "書記", "秘書長", "院長", "校長", "部長", "局長", "處長", "館長", "站長", "會長", "理事長",
    "單位", "部門", "學會", "協會", "研究會", "委員會", "科協", "組織", "人員", "個人", "領導", "學院", "委員", "機關",
    "廳", "辦", "團隊", "會員", "專家", "幹部", "黨員", "學校", "企業", "會", "館", "組", "團", "隊", "社區", "鄉鎮", "鎮",
)
# Words that, right after a name, make it part of a unit's name (named): 某某联盟 is no platform.
ORG_AFTER = ("联合会", "协会", "学会", "研究会", "委员会", "办公室", "管理处", "联盟")
