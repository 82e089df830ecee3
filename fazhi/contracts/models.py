"""Contracts and agreements the township signs: registered, reviewed through the queue, signed, watched to expiry."""
from __future__ import annotations

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from fazhi.core.models import Record


class ContractStatus(models.TextChoices):
    DRAFT = "draft", "拟签订"
    IN_REVIEW = "in_review", "合法性审查"
    SIGNED = "signed", "已签订"
    CLOSED = "closed", "已履行完毕或解除"


class ClosingKind(models.TextChoices):
    PERFORMED = "performed", "履行完毕"
    RESCINDED = "rescinded", "协商解除"
    TERMINATED = "terminated", "依法解除或终止"


class Contract(Record):
    title = models.CharField("合同名称", max_length=200)
    counterparty = models.CharField("合同相对方", max_length=200)
    handling_unit = models.CharField("承办单位", max_length=100)
    amount = models.DecimalField("合同金额（元）", max_digits=14, decimal_places=2, null=True, blank=True)
    summary = models.TextField("主要内容", blank=True)
    status = models.CharField("状态", max_length=16, choices=ContractStatus.choices, default=ContractStatus.DRAFT)
    passing_review = models.ForeignKey(
        "reviews.LegalityReview", verbose_name="合法性审查", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_on = models.DateField("签订日期", null=True, blank=True)
    starts_on = models.DateField("履行期限自", null=True, blank=True)
    ends_on = models.DateField("履行期限至", null=True, blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    closing_kind = models.CharField("办结方式", max_length=16, choices=ClosingKind.choices, blank=True)
    closing_note = models.CharField("说明", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "合同协议"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contract_detail", args=[self.pk])
