from __future__ import annotations

from django.db import models


class DocStatus(models.TextChoices):
    DRAFTING = "drafting", "起草中"
    COMMENTING = "commenting", "公开征求意见"
    IN_REVIEW = "in_review", "合法性审核"
    DELIBERATED = "deliberated", "集体审议通过"
    ISSUED = "issued", "已印发（未公布）"
    PUBLISHED = "published", "已公布施行"
    REPEALED = "repealed", "已废止"


class EvaluationConclusion(models.TextChoices):
    CONTINUE = "continue", "继续有效"
    REVISE = "revise", "需要修改"
    REPEAL = "repeal", "建议废止"


BEFORE_ISSUE = frozenset({DocStatus.DRAFTING, DocStatus.COMMENTING, DocStatus.IN_REVIEW, DocStatus.DELIBERATED})
