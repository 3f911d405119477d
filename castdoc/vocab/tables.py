"""The labels of table columns and cells: contact tables and tables of duties.

Offices put contacts in a table (联系人 | 电话 | 邮箱, a row for each person; or 联系人 |
王明 | 电话 | … label beside value) and work plans in a table of duties (序号 | 工作内容 |
责任单位 | 完成时限, a row for each task). A header cell is matched whole, after white
space, colons and asterisks are taken out (``*联系人：`` is 联系人).
"""
from __future__ import annotations

import re

# contact tables: column → the words that head it
CONTACT_COLUMNS = {
    "name": ("联系人", "聯繫人", "联络人", "聯絡人", "姓名", "联系人姓名", "负责人", "負責人"),
    "phone": ("电话", "電話", "联系电话", "聯繫電話", "手机", "手機", "手机号", "手机号码", "手機號碼", "办公电话", "辦公電話",
              "座机", "联系方式", "聯繫方式", "固定电话", "移动电话"),
    "email": ("邮箱", "郵箱", "电子邮箱", "電子郵箱", "电子信箱", "電子信箱", "电子邮件", "E-mail", "Email", "e-mail", "email", "EMAIL", "E-MAIL"),
    "address": ("地址", "通讯地址", "通訊地址", "联系地址", "聯繫地址", "邮寄地址", "郵寄地址"),
    "role": ("职务", "職務", "部门", "部門", "处室", "處室", "单位", "單位", "工作单位", "工作單位"),
}
# tables of duties: column → the words that head it
DUTY_COLUMNS = {
    "number": ("序号", "序號", "编号", "編號"),
    "task": ("工作内容", "工作內容", "工作任务", "工作任務", "任务", "任務", "重点任务", "重點任務", "具体任务", "具體任務",
             "任务内容", "任務內容", "工作事项", "工作事項", "主要内容", "主要任务", "主要任務", "工作措施", "具体措施", "任务分工"),
    "actor": ("责任单位", "責任單位", "牵头单位", "牽頭單位", "负责单位", "負責單位", "责任部门", "責任部門", "牵头部门",
              "牽頭部門", "承办单位", "承辦單位", "责任处室", "責任處室", "主责单位", "责任主体", "牵头处室"),
    "helper": ("配合单位", "配合部門", "配合部门", "协办单位", "協辦單位", "参与单位", "參與單位"),
    "deadline": ("完成时限", "完成時限", "完成时间", "完成時間", "时间节点", "時間節點", "时限", "時限", "完成期限",
                 "截止时间", "截止時間", "时间安排", "時間安排", "进度安排", "時間要求", "时间要求"),
}
CELL_NOISE = re.compile(r"[\s:：*＊()（）]")
NO_DEADLINE = re.compile(r"长期|長期|持续|持續|常态|常態|全年|每年|每月|每季度")


def column_of(cell: str, columns: dict[str, tuple[str, ...]]) -> str | None:
    """The column a header cell names (its label whole), or None."""
    key = CELL_NOISE.sub("", cell)
    for col, words in columns.items():
        if key in words:
            return col
    return None
