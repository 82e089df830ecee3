"""Enumerations of the enforcement app (行政执法). Statuses are compared as members, never as raw strings."""
from __future__ import annotations

from decimal import Decimal

from django.db import models


class OfficerKind(models.TextChoices):
    OFFICER = "officer", "执法人员（持行政执法证）"
    AUXILIARY = "auxiliary", "执法辅助人员"


class EquipmentKind(models.TextChoices):
    VEHICLE = "vehicle", "执法车辆"
    BODY_CAMERA = "body_camera", "执法记录仪"
    OTHER = "other", "其他执法装备"


class ItemCategory(models.TextChoices):
    PENALTY = "penalty", "行政处罚"
    INSPECTION = "inspection", "行政检查"
    COERCION = "coercion", "行政强制"
    OTHER = "other", "其他行政执法"


class PartyKind(models.TextChoices):
    CITIZEN = "citizen", "公民"
    ORGANISATION = "organisation", "法人或者其他组织"


class CaseSource(models.TextChoices):
    INSPECTION = "inspection", "监督检查发现"
    COMPLAINT = "complaint", "投诉、举报"
    ASSIGNED = "assigned", "上级交办"
    TRANSFERRED = "transferred", "其他机关移送"
    OTHER = "other", "其他"


class CaseStatus(models.TextChoices):
    """Where an ordinary-procedure penalty case stands (行政处罚法第五十四条至第七十二条).

    Transitions (each by one service, each written to the timeline):
    INVESTIGATING --告知(44)--> DEFENCE --听证申请(64)--> HEARING --听证(64、65)--> DEFENCE
    DEFENCE --陈述申辩已复核或书面放弃(45)--> DECIDING
    DEFENCE/DECIDING --送法制审核(58)--> LEGAL_REVIEW --审核通过--> DECIDING
    DEFENCE/DECIDING --决定(57、59、60、62)--> SERVING --送达(61)--> EXECUTING --执行(66—72)--> CLOSED(结案归档)
    """

    INVESTIGATING = "investigating", "调查取证"
    DEFENCE = "defence", "告知后陈述申辩"
    HEARING = "hearing", "听证"
    LEGAL_REVIEW = "legal_review", "法制审核"
    DECIDING = "deciding", "审查决定"
    SERVING = "serving", "决定送达"
    EXECUTING = "executing", "处罚执行"
    CLOSED = "closed", "结案归档"


OPEN_STATUSES = frozenset(set(CaseStatus) - {CaseStatus.CLOSED})
DECIDED_STATUSES = frozenset({CaseStatus.SERVING, CaseStatus.EXECUTING, CaseStatus.CLOSED})


class PenaltyKind(models.TextChoices):
    """行政处罚法第九条."""

    WARNING = "warning", "警告、通报批评"
    FINE = "fine", "罚款"
    CONFISCATION = "confiscation", "没收违法所得、没收非法财物"
    PERMIT = "permit", "暂扣许可证件、降低资质等级"
    REVOKE = "revoke", "吊销许可证件"
    RESTRICT = "restrict", "限制开展生产经营活动、责令停产停业、责令关闭、限制从业"


# 听证 (第六十三条): these kinds qualify whatever the amount; fines and confiscations from 较大数额 up.
HEARING_KINDS = frozenset({PenaltyKind.PERMIT, PenaltyKind.REVOKE, PenaltyKind.RESTRICT})
# "较大数额" is set by provincial or ministerial rules; these are the common provincial figures, used as defaults.
LARGE_AMOUNT = {PartyKind.CITIZEN: Decimal("10000"), PartyKind.ORGANISATION: Decimal("100000")}
# The weight of each kind, to refuse a heavier decision than the one announced (第四十五条第二款).
SEVERITY = {PenaltyKind.WARNING: 1, PenaltyKind.FINE: 2, PenaltyKind.CONFISCATION: 3, PenaltyKind.PERMIT: 4,
            PenaltyKind.RESTRICT: 5, PenaltyKind.REVOKE: 6}


class ReviewGround(models.TextChoices):
    """行政处罚法第五十八条第一款: decisions that must pass 法制审核 before the head decides."""

    PUBLIC_INTEREST = "public_interest", "（一）涉及重大公共利益的"
    MAJOR_RIGHTS_HEARING = "major_rights_hearing", "（二）直接关系当事人或者第三人重大权益，经过听证程序的"
    COMPLEX = "complex", "（三）案件情况疑难复杂、涉及多个法律关系的"
    BY_LAW = "by_law", "（四）法律、法规规定应当进行法制审核的其他情形"


class EvidenceKind(models.TextChoices):
    INQUIRY = "inquiry", "询问笔录"
    INSPECTION = "inspection", "现场检查（勘验）笔录"
    SAMPLING = "sampling", "抽样取证"
    REGISTRATION = "registration", "先行登记保存"
    DOCUMENTS = "documents", "调取书证、物证"
    AUDIOVISUAL = "audiovisual", "视听资料、电子数据"


class ServiceMethod(models.TextChoices):
    DIRECT = "direct", "直接送达"
    LEFT = "left", "留置送达"
    POST = "post", "邮寄送达"
    ELECTRONIC = "electronic", "电子送达（当事人同意）"
    ENTRUSTED = "entrusted", "委托送达"
    PUBLIC_NOTICE = "public_notice", "公告送达"


class RemedyKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION = "litigation", "行政诉讼"


class RemedyResult(models.TextChoices):
    PENDING = "pending", "审理中"
    UPHELD = "upheld", "维持（驳回）"
    CHANGED = "changed", "变更"
    ANNULLED = "annulled", "撤销或确认违法"
    WITHDRAWN = "withdrawn", "申请人撤回"


OVERTURNED = frozenset({RemedyResult.CHANGED, RemedyResult.ANNULLED})


class SimplePenaltyKind(models.TextChoices):
    WARNING = "warning", "警告"
    FINE = "fine", "罚款"


# 简易程序 (第五十一条): ≤200元 for a citizen, ≤3000元 for an organisation, or a warning.
SIMPLE_LIMIT = {PartyKind.CITIZEN: Decimal("200"), PartyKind.ORGANISATION: Decimal("3000")}
