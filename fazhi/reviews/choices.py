from __future__ import annotations

from django.db import models


class SubjectKind(models.TextChoices):
    CONTRACT = "contract", "合同协议"
    NORMATIVE = "normative", "行政规范性文件"
    ENFORCEMENT = "enforcement", "重大执法决定"
    DECISION = "decision", "重大行政决策"
    OTHER = "other", "其他事项"


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "待审查"
    IN_REVIEW = "in_review", "审查中"
    CONCLUDED = "concluded", "已出具意见"
    WITHDRAWN = "withdrawn", "已撤回"


class Opinion(models.TextChoices):
    APPROVED = "approved", "通过"
    APPROVED_WITH_CHANGES = "approved_with_changes", "修改后通过"
    REJECTED = "rejected", "不予通过"


PASSING_OPINIONS = frozenset({Opinion.APPROVED, Opinion.APPROVED_WITH_CHANGES})
OPEN_STATUSES = frozenset({ReviewStatus.PENDING, ReviewStatus.IN_REVIEW})
