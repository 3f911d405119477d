"""What is on a page without being the article: page numbers, web page furniture, and the
dateline that opens a news bulletin."""
from __future__ import annotations

import re

# A line that is nothing but a page number (normalise: the folded text, so － is - there) …
PAGE_NUMBER = re.compile(r"^\s*(?:[—–\-－]+\s*\d{1,4}\s*[—–\-－]+|第\s*\d+\s*页(?:\s*[/共]\s*\d+\s*页?)?|\d{1,3}\s*/\s*\d{1,3})\s*$")
PAGE_NUMBER_FIRST = set("—–-－第")  # with digits and white space: how a PAGE_NUMBER line starts
# … and as the PDF reader finds it in raw page lines: more forms (a bare number, 共N页, page 3,
# roman numerals), as Chinese and Western offices print them.
PDF_PAGE_NUMBER = re.compile(
    r"^[\s\u3000]*(?:[—–\-－~～―]*\s*\d{1,4}\s*[—–\-－~～―]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|(?:共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|[-—–]?\s*[ivxlc]{1,6}\s*[-—–]?)[\s\u3000]*$",
    re.I,
)

# The dateline of a news bulletin: 本报讯, 新华社北京3月1日电 …
DATELINE = re.compile(r"^(?:【[^】]{0,12}】\s*)?(?:本报讯|本報訊|本[报報]\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[讯訊电電]|本[报報]\S{0,12}?[讯訊]"
                      r"|本[报報]\S{0,8}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电電]|新[华華]社\S{0,10}[电電]|本网讯|本網訊|本刊讯|本刊訊|讯\s)")
DATELINE_FIRST = frozenset("【本新讯")  # what a DATELINE match starts with
# The date a web page shows above or below its article (year first: a faster search).
# a newspaper page's number in its masthead: 第3版, A2版
EDITION = re.compile(r"第\s*[0-9一二三四五六七八九十]{1,3}\s*版|[A-Z]?\d{1,2}\s*版")
PAGE_DATE = re.compile(r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)")

# Web page furniture: navigation, counters, share buttons, footers.
BOILERPLATE = re.compile(
    r"^(?:[•·\-*]\s*)?(?:当前位置|您当前的位置|您的位置|您现在的位置|现在位置|所在位置|位置[:：]|网站首页|首页\s*[>›»]|设为首页|加入收藏|长辈版|无障碍|"
    r"阅读次数|浏览次数|点击数|点击次数|被阅读|访问量|\[?字体|【字体|字号[:：]|扫一扫|分享到|分享[:：]|打印本页|【打印|关闭窗口|【关闭|"
    r"上一篇|下一篇|<<<|>>>|上一條|下一條|返回顶部|返回列表|版权所有|Copyright|©|ICP备|[京沪粤浙苏鲁豫鄂湘川皖闽赣冀晋辽吉黑陕甘青琼贵云藏宁新桂蒙渝津]ICP|"
    r"网站地图|联系我们\s*[|｜]|主办单位[:：]|技术支持[:：]|原文链接|责任编辑|编辑[:：]|审核[:：]|摄影[:：]|"
    r"您好,欢迎|欢迎您来到|今天是|农历|【大中小】|\[大中小\]|发布时间[:：]|发布日期[:：]|来源[:：]|信息来源[:：]|作者[:：])",
    re.I,
)
IMAGE_FILE = re.compile(r"^\S+\.(?:jpe?g|png|gif|bmp|webp)$", re.I)

# A web page's metadata line: 发布时间:… 来源:… 作者:… 浏览次数:… Labels that open such a line
# on their own (META_STRONG), and the wider set that makes one when two stand on a line (a
# 时间: or 日期: alone is also how a notice gives its meeting's time).
META_STRONG = ("发布时间", "发布日期", "发表时间", "更新时间", "信息来源", "文章来源", "稿件来源", "来源", "作者",
               "浏览次数", "阅读次数", "点击数", "点击次数", "点击量", "浏览量", "责任编辑", "编辑", "阅读", "点击")
META_LABELS = META_STRONG + ("日期", "时间", "属于", "栏目", "字号", "审核", "摄影", "供稿", "录入", "访问量")
META_LABEL = re.compile(r"[\[【(（]?\s*(?P<label>" + "|".join(sorted(META_LABELS, key=len, reverse=True)) + r")\s*[:：]")
# A navigation bar, a breadcrumb, a site's top links: the words they are made of.
NAV_WORDS = re.compile(
    r"首页|首\s页|登录|注册|繁体|简体|English|ENGLISH|无障碍|站内搜索|搜索|网站导航|网站地图|手机版|移动版|"
    r"长辈版|关怀版|联系我们|友情链接|相关链接|返回|上一版|下一版|版面导航|标题导航|语音朗读|放大|缩小|RSS|订阅|政务微博|政务微信|邮箱登录|信息公开|政府网|人民网|新华网"
)
NAV_SEPARATORS = re.compile(r"\s*(?:[|｜>›»/\\]|\s{1,})\s*")

# A pinyin gloss a converting site inserted after a character: (gong), (guān), (zhan) … The
# pattern opens with the bracket and checks the character before it behind that, so that re
# can scan for "(".
_LETTERS = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN_GLOSS = re.compile(rf"\((?<=[\u3400-\u9fff]\()[{_LETTERS}]{{1,8}}\)(?:\([{_LETTERS}]{{1,8}}\))*")
