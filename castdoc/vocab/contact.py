"""The contact lines of a notice: 联系人, 电话, 邮箱, and the values they label."""
from __future__ import annotations

import re

PHONE = re.compile(
    r"(?<![\d-])(?:\(0\d{2,3}\)\s*|0\d{2,3}\s*[-－—]\s*|0\d{2,3}\s)?\d{7,8}(?:\s*[-－转]\s*\d{1,5})?(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
PHONE_LABEL = re.compile(r"电话|電話|手机|手機|联系方式|聯繫方式|热线|熱線|Tel|座机|咨询")
EMAIL_WORD = re.compile(r"邮箱|信箱|E-?mail", re.I)
CONTACT_WORDS = r"联系人|聯繫人|联络人|聯絡人"
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
