"""How a 转发 notice names the document it forwards (一、 the title; 二、 the body).

- the title: 关于转发《某省科协关于开展…的通知》的通知, or without 《》:
  某区科协转发市科协关于…的通知的通知 (the forwarded title runs to the last 的 + kind);
- the body: 现将《…》(某科协发〔2024〕3号)转发给你们 / 转发你们, with the
  forwarding body's name before the 《 at times (现将省科协《关于…》转发给你们).
"""
from __future__ import annotations

import re

from .kinds import DOC_TYPES

_KIND = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
FORWARD_WORD = "转发"
# 《title》 right after 转发 in a title: 关于转发《…》的通知
TITLE_QUOTED = re.compile(r"转发(?P<issuer>[^《》]{0,30}?)《(?P<title>[^《》]{4,120})》")
# a title forwarded without 《》: 转发省科协关于…的通知的通知 -> 省科协关于…的通知
TITLE_BARE = re.compile(rf"转发(?P<title>.{{4,120}}?(?:{_KIND}))(?:的(?:{_KIND}))$")
# the body's sentence: 现将(…)《…》(…号)转发给你们 (印发给你们 issues it: no forward)
BODY = re.compile(
    r"现将(?P<issuer>[^《》,。;:\n]{0,30}?)《(?P<title>[^《》\n]{4,120})》"
    r"\s*(?:[(\[](?P<num>[^()\[\]\n]{2,40}?[号號])[)\]])?[^。\n]{0,12}?(?:转发|转给)"
)
# where the forwarded body's name ends in its title: 中国科协办公厅关于… -> 中国科协办公厅
ISSUER_BEFORE = re.compile(r"^(?P<issuer>[\u4e00-\u9fff()]{2,40}?)关于")
