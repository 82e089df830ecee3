"""其他数据: figures the township's report states that come from other systems (the service centre's
case volume, staff numbers, …), each recorded once with the document it comes from. (Rule-of-law funds are
the governance app's own ledger, 法治建设经费.)"""
from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Record


class Metric(models.TextChoices):
    """What a figure is. SERVICE_CENTRE_CASES is an indicator of the same key (summed over the year's records,
    compared across townships); every other figure is one sentence of the report per record."""

    SERVICE_CENTRE_CASES = "service_centre_cases", "便民服务中心窗口办件量"
    ONLINE_SERVICE_CASES = "online_service_cases", "网上办理政务服务事项"
    HOTLINE_CASES = "hotline_cases", "12345热线等群众诉求办理"
    RULE_OF_LAW_STAFF = "rule_of_law_staff", "法治工作专（兼）职人员"
    # 政府信息公开年报表二 (fazhi/disclosure/annual_report.py): decisions no module of this system records.
    LICENSING_DECISIONS = "licensing_decisions", "行政许可处理决定（政务服务平台）"
    COERCION_DECISIONS = "coercion_decisions", "行政强制决定"
    DISCLOSURE_FEES = "disclosure_fees", "收取政府信息公开信息处理费"
    OTHER = "other", "其他（自行命名）"


class Placement(models.TextChoices):
    """Where a figure's sentence goes in the annual report (see THEME_OF)."""

    ORGANISATION = "organisation", "一、主要举措和成效：组织领导、考核与保障"
    ADMINISTRATION = "administration", "一、主要举措和成效：依法行政"
    SERVICE = "service", "一、主要举措和成效：政务服务"
    SUPERVISION = "supervision", "一、主要举措和成效：接受监督"
    STUDY = "study", "一、主要举措和成效：学法用法"
    PUBLICITY = "publicity", "一、主要举措和成效：普法"
    DISPUTES = "disputes", "一、主要举措和成效：矛盾纠纷化解"
    DUTIES = "duties", "三、第一责任人履职情况"
    OTHER = "other", "五、其他需要报告的事项"


# Named metrics: the unit the figure must be given in, the fixed place of its sentence in the report (where the
# seed reports state it) and its default wording; only figures named by the clerk (OTHER) go where she chooses.
METRIC_UNIT = {
    Metric.SERVICE_CENTRE_CASES: "件", Metric.ONLINE_SERVICE_CASES: "件", Metric.HOTLINE_CASES: "件",
    Metric.RULE_OF_LAW_STAFF: "人", Metric.LICENSING_DECISIONS: "件", Metric.COERCION_DECISIONS: "件",
    Metric.DISCLOSURE_FEES: "元",
}
# Counts of decisions: 表二 prints whole numbers.
WHOLE_NUMBER_METRICS = frozenset({Metric.LICENSING_DECISIONS, Metric.COERCION_DECISIONS})
METRIC_PLACEMENT = {
    Metric.SERVICE_CENTRE_CASES: Placement.SERVICE, Metric.ONLINE_SERVICE_CASES: Placement.SERVICE,
    Metric.HOTLINE_CASES: Placement.SERVICE, Metric.RULE_OF_LAW_STAFF: Placement.ORGANISATION,
    Metric.LICENSING_DECISIONS: Placement.SERVICE, Metric.COERCION_DECISIONS: Placement.ADMINISTRATION,
    Metric.DISCLOSURE_FEES: Placement.OTHER,
}

METRIC_PHRASE = {
    Metric.ONLINE_SERVICE_CASES: "网上办理政务服务事项{数值}件", Metric.HOTLINE_CASES: "办理12345热线等群众诉求{数值}件",
    Metric.RULE_OF_LAW_STAFF: "配备法治工作专（兼）职人员{数值}人",
    Metric.LICENSING_DECISIONS: "作出行政许可决定{数值}件", Metric.COERCION_DECISIONS: "作出行政强制决定{数值}件",
    Metric.DISCLOSURE_FEES: "收取政府信息公开信息处理费{数值}元",
}

# The report theme (fazhi/reports/compose.py THEMES) whose 【数据：…】 marker a placement joins.
THEME_OF = {
    Placement.ORGANISATION: "组织保障", Placement.ADMINISTRATION: "依法行政", Placement.SERVICE: "政务服务",
    Placement.SUPERVISION: "人大监督", Placement.STUDY: "学法用法", Placement.PUBLICITY: "普法",
    Placement.DISPUTES: "矛盾纠纷", Placement.DUTIES: "第一责任人", Placement.OTHER: "其他事项",
}


class OtherFigure(Record):
    """One named figure for one period, with its source. The year's figure of a known metric is the sum of
    its records dated in the year (enter the whole year once, or each quarter/half-year)."""

    stated_on = models.DateField("数据截至日期", help_text="数据所属期间的最后一天，如全年数据填12月31日")
    metric = models.CharField("数据项", max_length=32, choices=Metric.choices)
    name = models.CharField("数据名称", max_length=60, blank=True, help_text="“其他（自行命名）”时必填，如：农村法律服务站接待群众")
    value = models.DecimalField("数值", max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    unit = models.CharField("单位", max_length=10, help_text="如：件、万元、人")
    phrase = models.CharField(
        "报告表述", max_length=120, blank=True,
        help_text="报告中的句子，用 {数值} 标出数字的位置，如：农村法律服务站全年接待群众{数值}人次；"
                  "不填则用该数据项的默认表述（自行命名的为“名称+数值+单位”）。办件量按指标表述，不用此栏",
    )
    placement = models.CharField(
        "写入报告位置", max_length=16, choices=Placement.choices, default=Placement.ADMINISTRATION,
        help_text="“其他（自行命名）”的数据写入所选位置；已列明的数据项写入报告的固定位置（办件量在政务服务，人员在组织保障）",
    )
    source_system = models.CharField("来源系统或单位", max_length=80, help_text="如：省一体化政务服务平台、镇财政所")
    source_document = models.CharField("来源文件", max_length=120, help_text="统计报表、决算表等的名称或文号；文件可在记录页上传")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "其他数据"
        ordering = ["-stated_on", "-id"]

    def __str__(self) -> str:
        return f"{self.stated_on} {self.title}"

    @property
    def title(self) -> str:
        return self.name or self.get_metric_display()
