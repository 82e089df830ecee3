"""The annual rule-of-law report (法治政府建设年度报告) of one township for one year.

Only what staff write is stored: the header (主送机关, 标题, 署名, 成文日期) and the
narrative of each statutory section. A blank narrative means "use the composed
default". Figures are never stored: the composer computes them from the ledgers
every time the report is shown or exported, so they are always current.
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from fazhi.core.models import OrgKind, Record

# The narrative fields in document order; their verbose names are the labels shown to staff.
NARRATIVE_FIELDS: tuple[str, ...] = (
    "intro_text", "measures_text", "shortcomings_text", "duties_text", "plans_text", "other_text",
)

_BLANK_MEANS_DEFAULT = "留空则使用系统生成的默认稿。"


class AnnualReport(Record):
    year = models.PositiveIntegerField("报告年度")
    addressee = models.CharField("主送机关", max_length=100, help_text="如：县委、县政府")
    title = models.CharField("标题", max_length=120)
    signature = models.CharField("署名（发文机关）", max_length=120, help_text="如：中共某镇委员会　某镇人民政府")
    dated = models.DateField("成文日期", default=timezone.localdate)
    intro_text = models.TextField("开头语", blank=True, help_text=_BLANK_MEANS_DEFAULT)
    measures_text = models.TextField("一、主要举措和成效", blank=True, help_text=_BLANK_MEANS_DEFAULT)
    shortcomings_text = models.TextField("二、存在的不足和原因", blank=True, help_text=_BLANK_MEANS_DEFAULT)
    duties_text = models.TextField("三、第一责任人履职情况", blank=True, help_text=_BLANK_MEANS_DEFAULT)
    plans_text = models.TextField("四、下一年度工作安排", blank=True, help_text=_BLANK_MEANS_DEFAULT)
    other_text = models.TextField(
        "五、其他需要报告的事项", blank=True, help_text="选填；留空则报告中不出现本部分。"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法治政府建设年度报告"
        ordering = ["-year", "organisation__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], condition=Q(voided_at__isnull=True),
                name="reports_one_live_report_per_org_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.organisation}{self.year}年度报告"

    def clean(self) -> None:
        super().clean()
        if self.organisation_id and self.organisation.kind != OrgKind.TOWNSHIP:
            raise ValidationError({"organisation": "年度报告按乡镇（街道）编制"})
        if self.dated and self.year and self.dated.year < self.year:
            raise ValidationError({"dated": "成文日期不能早于报告年度"})


class SuggestionDecision(models.Model):
    """What staff decided about a shortcoming the data suggested: adopted (stays in section 二, and section 四
    proposes its remedy) or rejected (left out of the default text). Kept per township and year, so it
    holds before the report is first saved; every change is in the history."""

    ACCEPTED, REJECTED = "accepted", "rejected"

    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("报告年度")
    title = models.CharField("提示的不足", max_length=100)
    decision = models.CharField("处理", max_length=16, choices=[(ACCEPTED, "采纳"), (REJECTED, "不采纳")])
    decided_at = models.DateTimeField("时间", auto_now=True)
    decided_by = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "不足提示的处理"
        constraints = [models.UniqueConstraint(fields=["organisation", "year", "title"], name="reports_one_decision_per_suggestion")]
