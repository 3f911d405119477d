"""Labels that open the parts of a notice after its 正文: 附件说明, 联系人 and 电话, 抄送,
主题词, 印发 (the 版记); and the label lines of a web page's article (来源, 作者, 记者).
"""
from __future__ import annotations

import re

# A line that opens with a label is no title, no recipient line and no continuation (lines).
LABEL = re.compile(r"^(?:附件|附表|附:|联系人|聯繫人|联系电话|联系方式|电话|電話|手机|传真|邮箱|电子邮箱|電子信箱|电子信箱|E-?mail|地址|邮编|网址|特此|主题词|抄送|抄报|印发|供稿)", re.I)
# 主题词, 抄送, 印发: the 版记, after the signature
# 某某办公室 2024年5月30日印发: who printed the notice, and when (the 版记's last line)
_PRINTED = r"(?P<unit>[^\s:：]{2,30}?)\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印[发發]"
PRINTED_BY = re.compile("^" + _PRINTED)
COLOPHON = re.compile(r"^(?:主题词|主題詞|抄送|抄报|抄報|印发|印發|共印|" + _PRINTED + ")")

# -- 附件说明 (structure): 附件: / 附件1: / 附: and the numbered names under it
ATTACH_HEAD = re.compile(r"^(?:附件下载|相关附件|附件列表|附件|附表|附)\s*(?P<n>\d{0,2}|[一二三四五六七八九十]{1,2})\s*(?:[:：]|(?<=[\d一二三四五六七八九十])\s*[.、．](?!\d))\s*")
# How the name of an attached document ends, when a list under 附件: is not numbered.
ATTACH_TITLE_END = re.compile(r"(?:表|名单|名录|办法|方案|细则|指南|通知|目录|申报书|申请书|推荐书|模板|规则|说明|清单|要求|标准|"
                              r"简章|指引|须知|计划|规划|意见|流程|程序|样式|格式|回执|承诺书|范本|大纲)(?:\(.{1,12}\))?$")
# A file's extension after an attachment's name (附件:某某办法.docx): not part of the name.
ATTACH_FILE = re.compile(r"\.(?:docx?|xlsx?|pdf|wps|et|ofd|zip|rar|7z|txt|pptx?|jpe?g|png)$", re.I)
# Items run together on the 附件 line itself: 附件:1.某某表 2.某某名单
ATTACH_INLINE_ITEM = re.compile(r"\s*(?<![\d.．])\d{1,2}\s*[.、．](?!\d)\s*")
ATTACH_ITEM = re.compile(r"^(?:\d{1,2}\s*[.、．:](?!\d{1,2}[.、])|\(\d{1,2}\)|[一二三四五六七八九十]、)\s*")
ATTACH_REF = re.compile(r"《([^《》]{2,60})》\s*\((?:详)?见?附件\s*\d{0,2}\)")  # 《X》(见附件2) in the body
# -- the same for the format rules (check), which also see 附 件 spaced out and judge the colon
ATTACH_NOTE = re.compile(r"^附\s*件\s*(?P<colon>[:])?\s*(?P<rest>.*)$")
ATTACH_NOTE_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*(?P<mark>[.、,:])?\s*(?=\S)")
ATTACH_BODY = re.compile(r"^附\s*件\s*(?P<n>\d{1,2})?\s*[:]?\s*(?P<title>.*)$")  # 附件1 over an attachment

# -- 抄送 (structure)
CC_WORDS = ("抄送", "抄报", "抄報")
CC_HEAD = re.compile(r"^(?:抄送|抄报|抄報)\s*[:：]?\s*")

# -- bulletins: the source line and the author line (structure)
_META_LABELS = r"发布时间|发布日期|发表时间|更新时间|作者|编辑|责任编辑|浏览|点击|阅读|日期|时间|字体|字号|来源|信息来源|摄影"
SOURCE_LINE = re.compile(
    rf"(?:信息来源|来源|來源|稿源|供稿单位|供稿)\s*[:：]\s*(?P<v>(?:(?!{_META_LABELS})[^\s|｜:：])+(?:\s+(?:(?!{_META_LABELS})[^\s|｜:：])+)?)"
)
AUTHOR_LINE = re.compile(r"作者\s*[:：]\s*(?P<v>[^\s|｜]+)")
# Roles of a byline as structure reads them (one alternation, 记者 王明 / 文/图 李华) …
BYLINE_ROLES_RE = r"记者|記者|通讯员|通訊員|实习生|实习记者|特约记者|编辑|作者|摄影|撰稿|文/图|文|图"
# … and as people reads them (longest first matters less there: the trie finds the longest)
BYLINE_ROLES = (
    "特约记者", "见习记者", "实习记者", "记者", "通讯员", "实习生", "作者", "摄影", "责任编辑", "责编", "编辑", "审核", "审校",
    "校对", "撰稿", "撰文", "供稿人", "供稿", "文/图", "图/文", "文图", "图文",
    "审批", "审签", "审稿", "初审", "复审", "终审", "签发",  # a web page's credit line: 审批:… 审核:… 编辑:…
    "一审", "二审", "三审", "文/", "图/",  # 一审:… 二审:…; 文/张三 图/李四 (text and photos by)
)
# Labels before a person's name whose label is the person's role (people): 主持人:李娜
PERSON_LABELS = r"联系人|签发人|主持人|主讲人|报告人|讲解人|审核人|经办人|发言人|拟稿人|承办人|发布人|报送人|填报人|撰稿人"
