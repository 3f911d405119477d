"""The words that make, bound and class the names of platforms and initiatives (named).

Heads end a name and give its class; governing verbs and predicates end it on the left;
generic words do not make a phrase a name; levels make a category of it.
"""
from __future__ import annotations

import re

PLATFORM_HEADS = (
    "平台", "基地", "工作站", "服务站", "论坛", "嘉年华", "创新中心", "孵化器", "众创空间", "分库", "思想库", "大赛", "竞赛",
    "挑战赛", "博览会", "展览会", "科技周", "活动周", "科普周", "科普网", "科技网", "科协网", "科技小院", "科学城",
    "科创中心", "活动中心", "网站", "信息网", "代表大会",
)
# Heads of events: their year and round belong to the name (2025年某某论坛, 第七届某某博览会);
# a standing thing's do not (2019年某某工作站 is the station of that year's list).
EVENT_HEADS = ("代表大会", "论坛", "嘉年华", "大赛", "竞赛", "挑战赛", "博览会", "展览会", "科技周", "活动周", "科普周")
# Levels that make a category of what follows (省级院士专家工作站: any station of that level).
LEVEL_WORDS = ("国家级", "省级", "市级", "县级", "区级", "地市级", "部级")
INITIATIVE_HEADS = ("规划纲要", "计划纲要", "行动计划", "计划", "工程", "行动", "战略", "专项", "倡议")
# Heads that make a quoted phrase a name though they are too loose for unquoted text.
QUOTED_HEADS = ("研究院", "中心", "馆", "站", "科技园", "产业园", "科学园", "节", "联盟", "书屋", "课堂", "讲堂", "学堂", "大讲堂", "沙龙", "讲坛", "项目",
                "活动")
# What may follow a quotation and make it a name: “A”“B”等品牌, “X”学习宣传活动, “X”试点市.
CATEGORY = re.compile(
    r"(?:等|两大|三大|系列|重点)?(?:[\u4e00-\u9fff]{0,4}?)(?P<cat>品牌活动|品牌|平台|主题活动|系列活动|活动|计划|工程|行动|项目|"
    r"试点|建设|大赛|比赛|竞赛|论坛|专项|志愿服务|工作站|基地|评选)"
)
GOVERN_QUOTED = ("实施", "开展", "启动", "举办", "推进", "服务", "建设", "打造", "推动", "加入", "落实", "参与", "创建", "争创",
                 "承办", "深化", "融入", "助力")
SLOGAN = re.compile(r"[一二三四五六七八九十两]+(?:个|项|条|种|轮|抓|到|心|为|联|型|大|化|要|不)|[一二三四五六七八九十百千万]+$")
NOT_NAME_AFTER = re.compile(r"精神|理念|要求|号召|口号|称号|荣誉|奖|主题|这一主题|方式|过程|时期|期间|以来|栏")
ABBREV_BEFORE = ("简称", "下称", "简称为", "以下简称")
# Words that govern a name from the left, or end it there: the name starts after them.
GOVERN = frozenset(
    "加强 建设 打造 推进 推动 实施 开展 落实 参观 来到 调研 考察 走访 利用 依托 参与 举办 承办 组织 设立 成立 授予 授于 "
    "授牌 认定 入选 申报 推荐 支持 发挥 服务 围绕 深化 完善 启动 召开 前往 参加 听取 出席 了解 深入 积极 进一步 大力 "
    "全面 努力 着力 加快 做好 抓好 共建 搭建 构建 培育 创建 争创 进入 入驻 落户 携手 联合 对接 包括 成为 作为 通过 "
    "借助 用好 办好 建好 管好 筹建 评选 表彰 命名 挂牌 揭牌 获批 获评 获得 荣获 评为 列为 纳入 实地 先后 首先 随后 "
    "一行 组织召开 举行 视察 考评 评估 下载 登录 访问 关注 发布 转发 印发 介绍 讲解 参加了 调研了 暨 及其 以及".split()
)
# Words that make a clause of what would be a name: a modal, a copula, a predicate (海智基地要
# 充分发挥平台作用, 名单详见某某网站). A name stops at them on either side.
PREDICATE = frozenset("要 应 应当 须 需 需要 必须 将 会 能 可 是 为 把 被 让 使 向 充分发挥 建立 新建 详见 见".split())
GOVERN = GOVERN | PREDICATE
GENERIC = frozenset(
    "国际 国内 创新 创业 创新创业 服务 科技 科普 海智 学会 技术 公共 综合 示范 教育 成果 转化 成果转化 科技成果转化 孵化 "
    "离岸 人才 海外 企业 产业 工作 专家 院士 院士专家 青少年 科学 研究 发展 交流 合作 数字化 智慧 网络 信息 资源 共享 "
    "国家 国家级 省级 市级 县级 全国 地方 基层 重点 重要 优秀 先进 高端 新型 现代 一流 区域 城市 乡村 农村 社区 "
    "学术 科学技术 知识 文化 健康 管理 平台 基地 中心 体系 网络化 志愿 志愿服务 科技志愿服务 开放 协同 融合 高校 "
    "学会服务 咨询 决策 决策咨询 智库 思想库 科技思想库 科普教育 科普教育基地 试点 品牌 项目 行动 计划 工程 战略 "
    "新 大 小 总 多 各类 有关 相关 主要 其他 联合 公益 社会 公众 全民 科学素质 能力 提升 质量 高质量 发展战略 "
    "活动 年度 本年度 会议 建设 组织 单位 部门 站点 网站 官网 人民 代表 会员 职工 党员 特色 示范性 优质 体验 实践 代表大会 全国代表大会 人民代表大会 会员代表大会".split()
)
STOP_TAGS = ("p", "c", "r", "d", "y", "e", "o", "f", "a", "ad", "an", "ag", "z", "zg", "i", "uj", "ul", "uz", "uv",
             "ud", "ug")
COLLECTIVE = ("全省", "全市", "全区", "全县", "全镇", "各", "本", "该", "我", "其", "这", "此", "一批", "一个", "首个", "多个",
              "每个", "相关", "有关", "上述")
PLAN_TITLE_HEADS = ("规划纲要", "计划纲要", "行动计划", "发展战略")
PLACE_ENDS = frozenset("省市县区镇乡村湾港岛州山")  # jieba tags a lone 县 or 湾 zg, as it does 的地得
