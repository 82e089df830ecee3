"""重大行政决策: the year's catalog and each decision with the facts of every step (《重大行政决策程序暂行条例》,
which townships apply by reference, 第四十二条)."""
from __future__ import annotations

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from fazhi.core.models import Record
from fazhi.decisions.choices import MeetingKind, Stage


class DecisionCatalog(Record):
    """决策事项目录 (条例第三条第三款): published after the Party committee at the same level agrees."""

    year = models.PositiveIntegerField("年度")
    title = models.CharField("目录名称", max_length=200)
    party_approved_on = models.DateField("党委同意日期", null=True, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "重大行政决策事项目录"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], condition=models.Q(voided_at__isnull=True),
                                    name="decisions_one_catalog_per_org_year"),
        ]

    def __str__(self) -> str:
        return self.title


class MajorDecision(Record):
    catalog = models.ForeignKey(DecisionCatalog, verbose_name="所属目录", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="decisions")
    off_catalog_reason = models.CharField("未列入目录的理由", max_length=300, blank=True)
    title = models.CharField("决策事项", max_length=200)
    summary = models.TextField("事项概要", blank=True)
    lead_unit = models.CharField("承办单位", max_length=100)
    planned_on = models.DateField("计划完成时间", null=True, blank=True)
    stage = models.CharField("当前环节", max_length=16, choices=Stage.choices, default=Stage.LAUNCH)

    launched_on = models.DateField("启动日期", null=True, blank=True)
    launch_basis = models.TextField("启动依据", blank=True)
    drafted_on = models.DateField("方案拟订日期", null=True, blank=True)
    options_considered = models.TextField("备选方案与论证", blank=True)
    consulted_units = models.TextField("征求意见的单位", blank=True)
    participation_done_on = models.DateField("公众参与完成日期", null=True, blank=True)
    comments_adoption = models.TextField("公众意见采纳情况", blank=True)
    hearing_held_on = models.DateField("听证会日期", null=True, blank=True)
    hearing_participants_published_on = models.DateField("听证参加人名单公布日期", null=True, blank=True)
    hearing_materials_sent_on = models.DateField("听证材料送达日期", null=True, blank=True)
    hearing_summary = models.TextField("听证情况", blank=True)
    expert_reviewed_on = models.DateField("专家论证日期", null=True, blank=True)
    experts = models.TextField("论证专家", blank=True)
    expert_skip_reason = models.CharField("不进行专家论证的理由", max_length=300, blank=True)
    expert_skipped_on = models.DateField("说明不进行专家论证的日期", null=True, blank=True)
    risk_assessed_on = models.DateField("风险评估日期", null=True, blank=True)
    risk_assessor = models.CharField("风险评估单位", max_length=100, blank=True)
    risk_conclusion = models.TextField("风险评估结论", blank=True)
    risk_skip_reason = models.CharField("不进行风险评估的理由", max_length=300, blank=True)
    risk_skipped_on = models.DateField("说明不进行风险评估的日期", null=True, blank=True)
    passing_review = models.ForeignKey("reviews.LegalityReview", verbose_name="合法性审查", null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    discussed_on = models.DateField("集体讨论日期", null=True, blank=True)
    meeting_kind = models.CharField("会议类型", max_length=16, choices=MeetingKind.choices, blank=True)
    chair = models.CharField("主持人", max_length=50, blank=True)
    attendees = models.TextField("出席人员", blank=True)
    chief_spoke_last = models.BooleanField("行政首长最后发表意见", default=False)
    dissent = models.TextField("不同意见", blank=True)
    chief_differs_reason = models.TextField("行政首长决定与多数意见不一致的理由", blank=True)
    party_reported_on = models.DateField("向党委请示报告日期", null=True, blank=True)
    party_skip_reason = models.CharField("未向党委请示报告的理由", max_length=300, blank=True)
    party_skipped_on = models.DateField("说明未向党委请示报告的日期", null=True, blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_text = models.TextField("决定内容", blank=True)
    doc_number = models.CharField("决定文号", max_length=40, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    publication_channel = models.CharField("公布载体", max_length=100, blank=True)
    adoption_explanation = models.TextField("公众和专家意见采纳说明", blank=True)
    archived_on = models.DateField("归档日期", null=True, blank=True)
    archive_number = models.CharField("档号", max_length=60, blank=True)
    evaluated_on = models.DateField("后评估日期", null=True, blank=True)
    evaluator = models.CharField("评估单位", max_length=100, blank=True)
    evaluation_trigger = models.CharField("评估原因", max_length=200, blank=True)
    evaluation_conclusion = models.TextField("评估结论", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "重大行政决策"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "stage"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("decision_detail", args=[self.pk])
