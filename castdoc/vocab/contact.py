"""The contact lines of a notice: 联系人, 电话, 邮箱, and the values they label."""
from __future__ import annotations

import re

# A phone as offices write one: (0571)87654321, 0571-8765-4321, +86-10-68571234, 87654321转8012,
# 139 1234 5678, 400-123-4567.
PHONE = re.compile(
    r"(?<![\d-])(?:"
    r"(?:\+?86\s*[-－—]?\s*(?:\(0?\d{2,3}\)|0?\d{2,3})\s*[-－—]?\s*|\(0\d{2,3}\)\s*[-－—]?\s*|0\d{2,3}\s*[-－—]\s*|0\d{2,3}\s)"
    r"(?:\d{7,8}|\d{3,4}[-－\s]\d{4})"
    r"|\d{7,8}"
    r")(?:\s*[-－转]\s*\d{1,5})?(?!\d)"
    r"|(?<![\d-])(?:\+?86\s*[-－—]?\s*)?1[3-9]\d(?:\d{8}|[-\s]\d{4}[-\s]\d{4})(?!\d)"
    r"|(?<![\d-])[48]00\s*[-－]?\s*\d{3}\s*[-－]?\s*\d{4}(?!\d)"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
PHONE_LABEL = re.compile(r"电话|電話|手机|手機|联系方式|聯繫方式|聯系方式|热线|熱線|Tel|座机|咨询|联系\s*[:：]|聯繫\s*[:：]")
EMAIL_WORD = re.compile(r"邮箱|信箱|E-?mail", re.I)
CONTACT_WORDS = r"联系人|聯繫人|聯系人|联络人|聯絡人"
# A name after the label ends before the next label, punctuation or a digit.
CONTACT_NAME = (r"[\u4e00-\u9fff·]{2,4}?(?=$|[\s,，、;；:：/()（）]|联系|聯繫|电话|電話|手机|手機|邮箱|郵箱|电子|電子|地址|传真|"
                r"E-?mail|邮编|QQ|微信|座机|办公|\d)")
CONTACT_NAMES = re.compile(
    rf"(?:{CONTACT_WORDS})(?:及(?:联系)?电话|及联系方式)?\s*[:：]?\s*(?P<names>{CONTACT_NAME}(?:\s*[、,，/]\s*{CONTACT_NAME})*)", re.I)
# What CONTACT_NAME also takes that is no name.
NOT_NAME = {"电话", "電話", "联系", "方式", "邮箱", "手机", "地址", "传真", "老师"}
# What a line that holds a contact holds: a PHONE_LABEL, a CONTACT_NAMES label, an EMAIL's @,
# or an EMAIL_WORD (each match of which, case-blind, holds 箱 or an a).
CONTACT_HINT = re.compile(PHONE_LABEL.pattern + "|" + CONTACT_WORDS + "|@|箱|a|A")
# What marks a web site's own header or footer block (主办, ICP, 联系我们): the phones and
# addresses around it are the site's, not a contact for the document's business.
SITE_BLOCK = re.compile(
    r"ICP|公网安备|公網安備|公安备案|網站標識碼|网站标识码|版权所有|版權所有|Copyright|技术支持|技術支持|"
    r"^主办(?:单位)?\s*[:：]|^承办(?:单位)?\s*[:：]|违法和不良信息|違法和不良信息|建议使用|分辨率|浏览器|^联系我们\s*$|^聯繫我們\s*$",
    re.I,
)
# a site's contact box: 联系我们 alone on its line, the label lines under it are the site's
SITE_CONTACT_BOX = re.compile(r"^(?:联系我们|聯繫我們)\s*$")
