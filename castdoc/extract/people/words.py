"""The genre's vocabulary as the people rules read it: what a unit's name ends in, the
roles of a byline, the labels of a named field, forms of address.

The shared part comes from castdoc.vocab (the one home of the genre's vocabulary); the
other people modules ask for these through this module only. The cues by which a name is known (等, 表示, 一行 …) are the people rules' own and
live in ``cues``.
"""
from __future__ import annotations

import re

# what the name of a unit ends in (市科协办公室, 组织部): a unit before a name, or a role
from ...vocab import CN_NUM, ORG_END, ORG_SUFFIX  # noqa: E402

# the roles a byline names (记者 胡宇芬, 作者:市科协办公室 许燕); 文/图 … name no role
from ...vocab import BYLINE_ROLES  # noqa: E402
NO_ROLE_BYLINES = ("文/图", "图/文", "文图", "图文", "文/", "图/")
BYLINE_PAPERS = ("本报", "本刊", "本网")  # 本报记者 …: the paper itself, before a byline role

# a labelled field naming a person (联系人:邓洪军、袁宾; 签发人:张三); 联系人 names a contact
from ...vocab import PERSON_LABELS  # noqa: E402

LABELLED = re.compile(
    rf"(?P<label>{PERSON_LABELS})"
    r"(?:及(?:联系)?(?:电话|方式))?\s*:\s*"
)
CONTACT_LABEL = "联系人"

# The given part of a "name" that is really a form of address (张老师, 王主任).
ADDRESS = ("老师", "先生", "女士", "同志", "老", "总", "工", "主任", "处长", "科长", "部长", "局长", "书记", "教授")
# the given part of a placeholder name in templates and examples (王某某)
PLACEHOLDER = "某某"
# the forms of address that, after a surname alone, name one person (陈老师, 王主任)
ADDRESS_FORMS = ("老师", "先生", "女士", "主任", "处长", "科长", "部长", "局长", "书记", "教授", "院长", "校长", "会长", "秘书长")
# what may stand right before such a surname (请与陈老师联系, 由王主任主持)
ADDRESS_BEFORE = set("请与由向和及同据经")
# surnames that are prepositions before a form of address (向老师请教, 于书记处)
ADDRESS_NOT_SURNAME = set("向于和与对给为被把从跟同")
# verbs of an appointment, before the name they give a post (任命韦振宇为…, 免去韦振宇的…职务)
APPOINT_VERBS = ("任命", "聘任", "聘请", "推选", "选举", "增补", "提名", "免去", "选聘", "委任")
# the levels of government a unit's name opens with (县工商联, 省人大常委会), one character
ADMIN_LEVELS = ("省", "市", "县", "区", "镇", "乡", "村", "州", "盟", "旗")
# the conjunctions inside a unit's name (人力资源和社会保障局, 住房和城乡建设局)
UNIT_JOINS = ("和", "与")
# forms of address that name no role (王庆林同志)
COURTESY = ("同志", "先生", "女士")

# what a position word can open with (常务副主席, 专职副主席, 名誉会长)
POSITION_PREFIXES = ("常务", "专职", "兼职", "驻会", "执行", "名誉", "第一", "副")
# the position words that stand after a bare name as a title (张亿锋副主席), not these
NOT_TITLES = ("委员", "秘书", "科员", "干事", "负责人", "主要负责人", "记者", "通讯员", "责任编辑", "联络员", "召集人",
              "专家", "助理", "人大代表", "党代表", "专员", "技术员", "讲解员", "辅导员", "指导员")
TITLE_PREFIXES = ("常务", "专职", "第一", "副")
TITLE_EXTRA = ("同志", "先生", "女士", "博士")
