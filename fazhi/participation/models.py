"""Public comment periods on drafts (decisions, normative documents) and the comments received."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from fazhi.core.models import Record


class CommentPeriod(Record):
    subject_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    title = models.CharField("征求意见稿标题", max_length=200)
    draft_text = models.TextField("草案全文")
    explanation = models.TextField("起草说明", blank=True)
    opens_on = models.DateField("开始日期")
    closes_on = models.DateField("截止日期")
    short_reason = models.CharField("期限少于法定天数的说明", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "征求意见"
        ordering = ["-opens_on", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return self.title

    @property
    def days(self) -> int:
        """Calendar days the draft is open for comment, both ends included."""
        return (self.closes_on - self.opens_on).days + 1

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on and not self.is_void

    @property
    def is_open(self) -> bool:
        return self.is_open_on(timezone.localdate())


class CommentStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "已公开"
    REJECTED = "rejected", "不予公开"


class PublicComment(Record):
    """A comment from the public. Shown on the portal only after a clerk approves it."""

    period = models.ForeignKey(CommentPeriod, on_delete=models.PROTECT, related_name="comments", verbose_name="征求意见")
    author_name = models.CharField("署名", max_length=50, blank=True)
    contact = models.CharField("联系方式", max_length=100, blank=True)
    text = models.TextField("意见内容")
    status = models.CharField("审核状态", max_length=16, choices=CommentStatus.choices, default=CommentStatus.PENDING)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="审核人"
    )
    moderated_at = models.DateTimeField("审核时间", null=True, blank=True)
    moderation_note = models.CharField("审核说明", max_length=200, blank=True)
    adopted = models.BooleanField("是否采纳", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "公众意见"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:30]
