"""People: names vouched for by their context, with the roles the text attaches to them."""
from __future__ import annotations

import pytest

from castdoc.extract import people
from castdoc.pipeline import documents_from_raw
from castdoc.types import RawText
from conftest import doc_of


_doc = doc_of


def _people(text: str) -> dict[str, list[str]]:
    return {p.name: list(p.roles) for p in people.extract(_doc(text), {})}


CASES = [
    # a position right before the name: the words back to the clause start are the role
    ("3月2日,中国科协科普部副部长李卫东率调研组来我市调研。", {"李卫东": ["中国科协科普部副部长"]}),
    ("省科协党组成员、专职副主席陈建平出席会议并讲话。", {"陈建平": ["省科协党组成员", "专职副主席"]}),
    ("市科协党组成员、学会部部长、二级调研员黄晓东参加活动。", {"黄晓东": ["市科协党组成员", "学会部部长", "二级调研员"]}),
    ("区科技局(科协)党组书记、局长(主席)孙志刚讲话。", {"孙志刚": ["区科技局(科协)党组书记", "局长(主席)"]}),
    # several people in one clause, each with its own role
    (
        "市委副书记刘海涛、市政府副市长郑丽娟,市科协主席吴建国等出席。",
        {"刘海涛": ["市委副书记"], "郑丽娟": ["市政府副市长"], "吴建国": ["市科协主席"]},
    ),
    # one title shared by a list
    ("中国工程院院士钱学林、罗振华、高德明出席论坛。",
     {"钱学林": ["中国工程院院士"], "罗振华": ["中国工程院院士"], "高德明": ["中国工程院院士"]}),
    # the role stops at a preposition; the name stops where the next word starts
    ("会议由市科协副主席马晓峰主持。", {"马晓峰": ["市科协副主席"]}),
    ("省科协副主席周楠及有关同志参加调研。", {"周楠": ["省科协副主席"]}),
    ("中国科协国际联络部副部长王庆林率领调研组一行莅临。", {"王庆林": ["中国科协国际联络部副部长"]}),
    ("在市科协党组书记、主席石红、副主席敬兴华陪同下,调研组参观了科技馆。",
     {"石红": ["市科协党组书记", "主席"], "敬兴华": ["副主席"]}),
    # titles after the name
    ("会上,何志远副主席强调,要大力弘扬科学家精神。", {"何志远": ["副主席"]}),
    ("周立群院士作了主旨报告。", {"周立群": ["院士"]}),
    ("9月11日,习近平总书记出席座谈会并发表重要讲话。", {"习近平": ["总书记"]}),
    ("欧阳明远研究员介绍了项目进展。", {"欧阳明远": ["研究员"]}),
    # no title, but the context says these are people
    ("会议由马晓峰主持,王建华等20名代表参加。", {"马晓峰": [], "王建华": []}),
    ("学习李四光、竺可桢等老一辈科学家的爱国精神。", {"李四光": [], "竺可桢": []}),
    ("座谈会上,李明远表示,将全力支持科技工作者。", {"李明远": []}),
    # bylines and contacts
    ("本报讯(记者 林小雨 通讯员 许文博)近日,省科协召开会议。", {"林小雨": ["记者"], "许文博": ["通讯员"]}),
    ("会议取得圆满成功。\n作者:区科协宣传部 陈思远\n摄影:陈思远\n责任编辑:杨柳青",
     {"陈思远": ["作者", "摄影"], "杨柳青": ["责任编辑"]}),
    ("各单位要抓好落实,确保活动取得实效。(郑一鸣)", {"郑一鸣": []}),
    ("请于5月20日前报送。\n联系人:赵德明、孙小红\n联系电话:020-87654321", {"赵德明": [], "孙小红": []}),
    ("联系人:省科协学会部 李晓明 13800138000", {"李晓明": []}),
    # traditional characters, and pinyin glosses inside names and titles
    ("市科協黨組成員、科普部部長黃振華參加活動。", {"黃振華": ["市科協黨組成員", "科普部部長"]}),
    ("市科(ke)協(xie)主(zhu)席(xi)李(li)明(ming)華出席(xi)了儀式。", {"李(li)明(ming)華": ["市科(ke)協(xie)主(zhu)席"]}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:14] for c in CASES])
def test_people_and_roles(text, expected):
    assert _people(text) == expected


NOT_PEOPLE = [
    "大力弘扬科学家精神,推动海智工作高质量发展,高度重视人才工作。",
    "深入学习贯彻习近平新时代中国特色社会主义思想和邓小平理论,认真研读《习近平谈治国理政》第三卷。",
    "常务副主席会议审议通过了年度工作要点。",
    "院长信箱:office@example.cn,市长热线:12345。",
    "省科协主席团成员及各市科协主席、秘书长参加培训。",
    "高校科协、企业科协要加强组织建设,文化科普工作要常抓不懈。",
]


@pytest.mark.parametrize("text", NOT_PEOPLE, ids=[t[:10] for t in NOT_PEOPLE])
def test_no_person_where_none_is_named(text):
    assert _people(text) == {}


def test_doctrine_mentions_do_not_count_but_the_person_does():
    text = "学习习近平新时代中国特色社会主义思想。习近平总书记指出,科技创新要面向世界科技前沿。"
    (p,) = people.extract(_doc(text), {})
    assert (p.name, p.roles, p.mentions) == ("习近平", ("总书记",), 1)
    assert text[p.first:p.first + 3] == "习近平"


def test_mentions_first_offset_and_source():
    text = "  市科协主席吴建国出席。\n吴建国指出,要做好科普工作。\n记者 林小雨"
    got = {p.name: p for p in people.extract(_doc(text), {})}
    assert got["吴建国"].mentions == 2
    assert text[got["吴建国"].first:got["吴建国"].first + 3] == "吴建国"
    assert got["吴建国"].source == "text"
    assert got["林小雨"].source == "byline"


def test_spans_are_exact_in_the_raw_text():
    text = "省科协党组成员、专职副主席 陈建平 出席。\n联系人:赵德明"
    for p in people.extract(_doc(text), {}):
        assert text.startswith(p.name, p.first), p


def test_each_person_carries_the_mention_of_its_first_occurrence():
    text = "吴建国指出,要做好科普工作。\n市科协主席吴建国出席。\n联系人:赵德明"
    got = people.extract(_doc(text), {})
    assert {p.name for p in got} == {"吴建国", "赵德明"}
    for p in got:
        assert p.mention.start == p.first and p.mention.text == text[p.mention.start:p.mention.end] == p.name


def test_runs_through_the_pipeline():
    from castdoc.pipeline import parse_text

    (rec,) = parse_text("本报讯 5月6日,市科协党组书记、主席吴建国调研科普工作。")
    assert [(p.name, p.roles) for p in rec.people] == [("吴建国", ("市科协党组书记", "主席"))]


def test_corpus_people_score(shared):
    """On the corpus: the people and roles rows of castdoc-eval, computed in-process."""
    import yaml

    tp = fp = fn = 0
    for gold_path in sorted((shared / "corpus").glob("*.gold.yaml")):
        txt = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        golds = gold if isinstance(gold, list) else [gold]
        docs = documents_from_raw(RawText(text=txt.read_text(encoding="utf-8"), format="txt"), path=str(txt), sha256="0")
        for g, d in zip(golds, docs):
            want = {x["name"] for x in g.get("people") or []}
            got = {p.name for p in people.extract(d, {})}
            tp += len(want & got)
            fp += len(got - want)
            fn += len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.9, (tp, fp, fn)


LIST_CASES = [
    # 姓名(单位职务) runs: the post in brackets is the role
    ("评审专家为:张建国(北京理工大学教授)、李红梅(省农科院研究员)、赵志刚(某公司总工程师)。",
     {"张建国": ["北京理工大学教授"], "李红梅": ["省农科院研究员"], "赵志刚": ["某公司总工程师"]}),
    ("会议邀请了孙立群(市科协副主席)作报告。", {"孙立群": ["市科协副主席"]}),
    # a post as a label over names
    ("专家委员会组成如下:\n主任:钱文涛\n副主任:周晓梅\n委员:吴志远、郑海燕、冯丽",
     {"钱文涛": ["主任"], "周晓梅": ["副主任"], "吴志远": ["委员"], "郑海燕": ["委员"], "冯丽": ["委员"]}),
    # a 、-list before 同志 or a title shares it; 委员 run on after a name
    ("授予何振东、蒋丽华、沈志刚同志“优秀科技工作者”称号。", {"何振东": [], "蒋丽华": [], "沈志刚": []}),
    ("会上,王建民委员、刘晓东常委分别发言。", {"王建民": ["委员"], "刘晓东": ["常委"]}),
    ("陈晓燕委员:\n请于5月1日前反馈意见。", {"陈晓燕": ["委员"]}),
    # the head of a count after 及
    ("对某某市人民政府等86个先进集体及何志强等130名先进个人予以通报表扬。", {"何志强": []}),
    # a unit in brackets after the name: a person, with no post to report
    ("一等奖:邵志新(北京理工大学)、温丽娜(省农科院)", {"邵志新": [], "温丽娜": []}),
    # names laid out as rows: set apart by white space, or a table row with a unit
    ("获奖名单:邵志新 温丽娜 蔡文博", {"邵志新": [], "温丽娜": [], "蔡文博": []}),
    ("获奖名单\n1  邵志新  北京理工大学\n2  温丽娜  省农科院", {"邵志新": [], "温丽娜": []}),
    ("一、 总体 要求\n文化 科技 卫生", {}),
    # names listed among others with 、, no title or count: jieba's tagger vouches for them
    ("调研组一行深入企业,邵志新、温丽娜、蔡文博参加调研。", {"邵志新": [], "温丽娜": [], "蔡文博": []}),
    ("调研组深入企业,看望了邵志新、温丽娜、蔡文博,听取意见。", {"邵志新": [], "温丽娜": [], "蔡文博": []}),
    ("要建立科学、文明、健康的生活方式。", {}),
    # posts of villages and works the lexicon once lacked
    ("村党支部书记、村长邵志新,红星机械厂厂长温丽娜陪同调研。", {"邵志新": ["村党支部书记", "村长"], "温丽娜": ["红星机械厂厂长"]}),  # 文明: an everyday word jieba also tags as a name
    ("评选“金点子”、“好建议”活动。", {}),
]


@pytest.mark.parametrize("text,expected", LIST_CASES, ids=[c[0][:12] for c in LIST_CASES])
def test_people_in_lists_and_runs(text, expected):
    assert _people(text) == expected


def test_credit_lines_keep_their_labels_as_written():
    # 审批/审核/编辑 credit lines of a web page, in traditional characters: the roles as written
    assert _people("會議取得圓滿成功。\n(審批:龐立新 審核:屠文海 編輯:鄒曉紅)") == {
        "龐立新": ["審批"], "屠文海": ["審核"], "鄒曉紅": ["編輯"]}
    assert _people("簽發人:龐立新") == {"龐立新": ["簽發人"]}


ROLE_CLASS_CASES = [
    # a table row: 序号 姓名 工作单位 职称 — the post cells are the roles; a number run on into the name cell
    ("序号\t姓名\t工作单位\t职称\n1\t韦振宇\t东湖理工学院\t教授\n2\t廖雪芬\t南山农业研究所\t研究员",
     {"韦振宇": ["教授"], "廖雪芬": ["研究员"]}),
    ("序号 姓名 单位 职务\n1 韦振宇 东湖理工学院 副院长\n2 廖雪芬 南山农业研究所 所长",
     {"韦振宇": ["副院长"], "廖雪芬": ["所长"]}),
    ("1.韦振宇 东湖理工学院 教授\n2.廖雪芬 南山农业研究所 研究员", {"韦振宇": ["教授"], "廖雪芬": ["研究员"]}),
    # after 由/据, before a speech verb: a person, not a body (由东湖理工学院主持)
    ("会议由梁文华主持。", {"梁文华": []}),
    ("据郑立新介绍,该项目已完成。", {"郑立新": []}),
    ("据悉,郑立新表示同意。", {"郑立新": []}),
    ("会议由钟刚主持,据江力介绍,活动由高林带队。", {"钟刚": [], "江力": [], "高林": []}),  # 由钟刚/nr: jieba reads 由 as a surname
    ("本次会议由东湖理工学院主持。", {}),
    ("会议由学会主持,由于种种原因延期;由全体代表表决,由常务副主席主持。", {}),
    ("根据统计,理由充分,依据充足。", {}),
    # 获奖名单 lines: a label cell without its colon; bare names after a bracketed one
    ("一等奖 韦振宇 廖雪芬", {"韦振宇": [], "廖雪芬": []}),
    ("一等奖:韦振宇(东湖大学)、廖雪芬;二等奖:邝敏(南山研究所)、钟立华",
     {"韦振宇": [], "廖雪芬": [], "邝敏": [], "钟立华": []}),
    # a two-character name ends where a follow word starts (熊林/陪同, not 熊林陪); a common
    # surname opens a name jieba also reads as a place (于洋)
    ("市科协副主席熊林陪同调研,副主席于洋深入企业。", {"熊林": ["市科协副主席"], "于洋": ["副主席"]}),
    # before a title at a clause start, the tagger need only open the name (姜/nr 睿艳)
    ("姜睿艳副主席强调,要抓好落实。", {"姜睿艳": ["副主席"]}),
    ("王牌教授团队,黄金院士工作站。", {}),
    # credit lines: 文/ 图/ name no role; 一审/二审 and …人 labels are the roles as written
    ("活动圆满结束。\n文/韦振宇 图/廖雪芬", {"韦振宇": [], "廖雪芬": []}),
    ("一审:韦振宇 二审:廖雪芬 三审:钟立华", {"韦振宇": ["一审"], "廖雪芬": ["二审"], "钟立华": ["三审"]}),
    ("填报人:韦振宇 联系电话:12345678", {"韦振宇": ["填报人"]}),
    # 和 between two people before a post is a join, not the end of a name
    ("东湖研究所所长袁超和副所长胡健出席。", {"袁超": ["东湖研究所所长"], "胡健": ["副所长"]}),
    ("周忠和院士作报告。", {"周忠和": ["院士"]}),
    # a speaker after a word that opens the clause without a comma
    ("会上林伦表示,要抓好落实。", {"林伦": []}),
    # two names jieba tags as names on both sides of a 、 are people wherever the pair stands
    ("本次大赛石晨昊、姚涵秀获得一等奖。", {"石晨昊": [], "姚涵秀": []}),
    ("要发扬团结、友爱、互助精神,弘扬科学、民主、创新风尚。", {}),
    # the pair's list goes on before it; a surname cut apart before a tagged name opens a longer one
    ("调研组看望了谢英秀、付佳华、汪佳欣,听取意见。", {"谢英秀": [], "付佳华": [], "汪佳欣": []}),
    ("调研组看望了邹玉龙、闫雪、薛涛,听取意见。", {"邹玉龙": [], "闫雪": [], "薛涛": []}),
    # a name at a clause start before a title that the tagger cuts at both ends
    ("徐洋芳院士、唐宁教授出席。", {"徐洋芳": ["院士"], "唐宁": ["教授"]}),
    # a placeholder is not a person
    ("副市长王某某出席。", {}),
    # a surname with a form of address is a person, with no role
    ("请与陈老师联系。", {"陈老师": []}),
    ("联系人:省科协学会部 韦老师,电话:0371-12345678", {"韦老师": []}),
    ("会上,钟主任介绍了工作情况。", {"钟主任": []}),
    # GOLD-FORMAT: a surname with an honorific that picks out one person is a person
    ("请与张老师联系。联系人:王主任", {"张老师": [], "王主任": []}),
    ("班主任要关心学生,同学们向老师致敬。", {}),
    # rows of a name and a post, several to a line: each post stays with its own name
    ("评审专家:韦振宇 东湖理工学院教授;廖雪芬 南山农业研究所研究员",
     {"韦振宇": ["东湖理工学院教授"], "廖雪芬": ["南山农业研究所研究员"]}),
    ("韦振宇  东湖大学  教授\n廖雪芬  南山农科院  研究员", {"韦振宇": ["教授"], "廖雪芬": ["研究员"]}),
    # posts set apart by white space or a comma, a post's bracketed note, posts the lexicon once lacked
    ("县委常委 组织部长 贺建明出席会议。", {"贺建明": ["县委常委", "组织部长"]}),
    ("县委常委,组织部长贺建明出席会议。", {"贺建明": ["县委常委", "组织部长"]}),
    ("出席会议的有:副县长韦振宇,县科协主席廖雪芬。", {"韦振宇": ["副县长"], "廖雪芬": ["县科协主席"]}),
    ("科普部副部长(主持工作)韦振宇出席。", {"韦振宇": ["科普部副部长(主持工作)"]}),
    ("市科协理事、东湖公司副总经理韦振宇发言,科技特派员廖雪芬、特级教师邝敏参加。",
     {"韦振宇": ["市科协理事", "东湖公司副总经理"], "廖雪芬": ["科技特派员"], "邝敏": ["特级教师"]}),
    # a conjunction or a place after a post opens no name
    ("组织院士专家和港澳科技团体开展“科技专家广东行”活动。", {}),
    # appointments: the post after 为/任 (or 的 … 职务) is the role
    ("经研究,决定任命韦振宇同志为市科协副主席、党组成员。", {"韦振宇": ["市科协副主席", "党组成员"]}),
    ("廖雪芬同志任市科协副主席。", {"廖雪芬": ["市科协副主席"]}),
    ("免去韦振宇的市科协秘书长职务。", {"韦振宇": ["市科协秘书长"]}),
    ("市科协主席韦振宇出席。韦振宇为大家讲解,韦振宇任务繁重。", {"韦振宇": ["市科协主席"]}),
    # the post ending a role counts even where jieba runs it into the word before (农场主/任, 学会部/长)
    ("红星农场主任韦振宇、市科协学会部长廖雪芬出席。", {"韦振宇": ["红星农场主任"], "廖雪芬": ["市科协学会部长"]}),
    ("东方县政协副主席、县工商联主席韦振宇出席。", {"韦振宇": ["东方县政协副主席", "县工商联主席"]}),
    # 和 inside a unit's name stays in the role; not 和 between two units, nor the sentence's words
    ("县人力资源和社会保障局副局长、县科协副主席韦振宇出席。", {"韦振宇": ["县人力资源和社会保障局副局长", "县科协副主席"]}),
    ("市住房和城乡建设局党组书记廖雪芬出席。", {"廖雪芬": ["市住房和城乡建设局党组书记"]}),
    ("省科技厅和省科协党组书记韦振宇出席。", {"韦振宇": ["省科协党组书记"]}),
    # a run of posts goes on past a piece whose first words are a unit's that jieba reads as verbs
    ("中国工程院院士、某大学教授廖雪芬讲话。", {"廖雪芬": ["中国工程院院士", "某大学教授"]}),
    ("副县长、会议邀请的东湖大学教授韦振宇讲话。", {"韦振宇": ["东湖大学教授"]}),
    # the full name is known: the form of address is the same person
    ("市科协韦振宇主任出席。会后,韦主任接受采访。", {"韦振宇": ["主任"]}),
]


@pytest.mark.parametrize("text,expected", ROLE_CLASS_CASES, ids=[c[0][:12] for c in ROLE_CLASS_CASES])
def test_people_in_tables_after_marks_and_by_address(text, expected):
    assert _people(text) == expected
