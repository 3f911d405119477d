"""The words by which a notice asks and a bulletin reports an ask, shared by the modules
that find tasks and those that measure them (each module keeps the cues only it reads)."""
from __future__ import annotations

import re

from ...vocab import alternation, any_of

DIRECTIVE = re.compile(
    # the look-ahead (every directive's first character) lets re skip the other places fast
    r"(?=[请請必务務须須需要应應希望确確可负負])"
    r"(?:(?P<qing>(?<![申邀提聘呈报報宴延回])[请請](?![示求柬假教问問]))"
    r"|(?P<xu>必须|必須|务必|務必|务须|務須|(?<![必务務无無])[须須](?!知)|(?<![所必无無急亟])需(?![要求知]))"
    r"|(?P<yao>(?<![需重主只纲綱提扼机機必想简簡首紧緊摘概纪紀不])要(?![求点點素闻聞件害领領义義务務紧緊览覽是]))"
    r"|(?P<ying>应当|應當|应该|應該|(?<![响響适適相反对對供回效呼答感顺順报報])[应應](?![用急届屆邀聘对對变變征徵运運]))"
    r"|(?P<xiwang>希望)"
    r"|(?P<yaoqiu>(?<![的按照据需])要求)"
    r"|(?P<wang>(?<![希期盼展渴观觀眺仰声聲名威失众眾厚])望(?=各|全体|全體|你|贵|貴|广大|廣大|有关|有關|相关|相關))"
    r"|(?P<quebao>确保|確保)"
    r"|(?P<ke>(?<![即也不许許认認])可(?![能见見靠爱愛喜怕惜谓謂是观觀]))"
    r"|(?P<fuze>负责|負責)(?!人|同志))"
)
# the directives that stand right after their subject (各单位要…, 须…, 应…)
MODAL = ("yao", "xu", "ying")
# label items: 参会人员:… 推荐办法:… 联系方式
ITEM_LABEL = re.compile(r"[^,。;:!?()《》“”]{2,10}(?::|$)")
# 并将…, 同时请…: a clause that starts a new request
NEW_PART = re.compile(r"(?:[并並]|同[时時]|另)[将將于於请請]")
# sending something in: what a reporting deadline and a deliverable belong to
SUBMIT_WORDS = ("报送", "報送", "上报", "上報", "报至", "報至", "报到", "提交", "发送", "發送", "送交", "寄送",
                "报名", "報名", "推荐", "推薦", "申报", "申報", "填写", "填寫", "填报", "填報", "告知", "反馈", "反饋",
                "交至", "报给", "報給", "送至", "送达", "送達", "发至", "發至", "传至", "傳至", "上传", "上傳")
SUBMIT = any_of(SUBMIT_WORDS)
# what a leader asked, in a bulletin's report (冯日光要求…, 他强调…)
SPEECH_WORDS = ("强调", "強調", "要求", "指出", "提出", "希望", "号召", "號召", "勉励", "勉勵", "叮嘱", "叮囑", "寄语",
                "寄語", "嘱托", "囑託", "指示", "鼓励", "鼓勵")
SPEECH = re.compile(f"(?P<v>{alternation(SPEECH_WORDS)})")
# what a speaker said of themselves (表示, 认为): not an assignment
STATEMENT = any_of(("表示", "認為", "认为"))
# what only exhorts (GOLD-FORMAT: 希望…再接再厉、再立新功, 要以…为榜样, 争做…者): no task
EXHORTATION = re.compile(
    r"再接再厉|再接再厲|珍惜荣誉|珍惜榮譽|再立新功|再创佳绩|再創佳績|再创辉煌|再創輝煌|再创新功|再創新功|再铸辉煌|再鑄輝煌|"
    r"戒骄戒躁|戒驕戒躁|为榜样|為榜樣|争做|爭做|争当|爭當"
)
