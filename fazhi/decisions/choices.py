from __future__ import annotations

from django.db import models


class Stage(models.TextChoices):
    """Where a decision stands: the next step to take (条例第十条至第三十七条)."""

    LAUNCH = "launch", "决策启动"
    DRAFTING = "drafting", "拟订方案"
    PARTICIPATION = "participation", "公众参与"
    EXPERT = "expert", "专家论证"
    RISK = "risk", "风险评估"
    LEGALITY = "legality", "合法性审查"
    DISCUSSION = "discussion", "集体讨论决定"
    DECISION = "decision", "作出决定"
    PARTY_REPORT = "party_report", "向党委请示报告"
    PUBLICATION = "publication", "决策公布"
    ARCHIVING = "archiving", "立卷归档"
    EVALUATION = "evaluation", "决策后评估"
    DONE = "done", "已完成"


class MeetingKind(models.TextChoices):
    EXECUTIVE = "executive", "政府常务会议"
    PLENARY = "plenary", "政府全体会议"
    PARTY = "party", "党委会议"


OPTIONAL_STEPS = frozenset({Stage.EXPERT, Stage.RISK, Stage.PARTY_REPORT, Stage.EVALUATION})
