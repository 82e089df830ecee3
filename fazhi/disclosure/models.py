"""政府信息公开: applications (依申请公开), proactive releases (主动公开), appeals, the annual report.

Statutory rules live in ``deadlines.py`` (the clock) and ``services.py`` (the transitions);
the models hold what happened, and history keeps every change.
"""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import HardDeleteForbidden, Organisation, Record
from fazhi.disclosure.choices import (
    AppealKind, AppealOutcome, ApplicantType, Channel, ConsultationKind, ConsultationOpinion, Delivery, EventKind,
    ReleaseCategory, RequestStatus, Result, TableItem,
)

MAX_EXTENSION_DAYS = 20  # 条例第三十三条第二款: 延长的期限最长不得超过20个工作日


class DisclosureRequest(Record):
    tracking_number = models.CharField("受理编号", max_length=40, unique=True, editable=False)
    year = models.PositiveIntegerField("编号年度", editable=False)
    sequence = models.PositiveIntegerField("年度序号", editable=False)
    channel = models.CharField("申请方式", max_length=20, choices=Channel.choices)
    received_on = models.DateField("收到申请日期", help_text="按条例第三十一条确定：当面提交为提交之日，邮寄为签收之日，传真、网上为双方确认之日")
    submitted_at = models.DateTimeField("登记时间", auto_now_add=True)
    applicant_type = models.CharField("申请人类型", max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField("申请人姓名/名称", max_length=100)
    id_number = models.CharField("身份证件号码/统一社会信用代码", max_length=40, blank=True)
    contact = models.CharField("联系电话", max_length=40)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    description = models.TextField("所需政府信息的名称、文号或便于查询的其他特征性描述")
    delivery = models.CharField("获取信息的方式", max_length=20, choices=Delivery.choices, default=Delivery.PAPER_POST)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="承办人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField("办理状态", max_length=24, choices=RequestStatus.choices, default=RequestStatus.RECEIVED)
    # 补正 (第三十条): one notice listing every item, with a reasonable deadline for the applicant.
    correction_requested_on = models.DateField("补正通知日期", null=True, blank=True)
    correction_items = models.TextField("需补正的事项", blank=True)
    correction_deadline = models.DateField("补正期限", null=True, blank=True)
    correction_received_on = models.DateField("收到补正日期", null=True, blank=True)
    # 延期 (第三十三条第二款): once, at most 20 working days, approved by the head of the disclosure office.
    extension_days = models.PositiveSmallIntegerField(
        "延长工作日数", default=0, validators=[MaxValueValidator(MAX_EXTENSION_DAYS)]
    )
    extension_approved_by = models.CharField("延期批准人", max_length=50, blank=True)
    extension_approved_on = models.DateField("延期批准日期", null=True, blank=True)
    extension_reason = models.CharField("延期理由", max_length=200, blank=True)
    # 答复 / 办结
    result = models.CharField("办理结果", max_length=32, choices=Result.choices, blank=True)
    replied_on = models.DateField("答复（办结）日期", null=True, blank=True)
    reply_summary = models.TextField("答复内容摘要及理由", blank=True)
    referred_agency = models.CharField("告知的负责机关", max_length=100, blank=True)
    idempotency_key = models.CharField(max_length=64, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "依申请公开"
        ordering = ["-received_on", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year", "sequence"], name="disclosure_request_number_unique"),
            models.UniqueConstraint(
                fields=["organisation", "idempotency_key"], condition=~models.Q(idempotency_key=""),
                name="disclosure_request_idempotent",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="closed") | (models.Q(replied_on__isnull=False) & ~models.Q(result="")),
                name="disclosure_request_closed_has_result",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "received_on"]),
            models.Index(fields=["organisation", "replied_on"]),
            models.Index(fields=["organisation", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.description[:30]}"

    @property
    def is_closed(self) -> bool:
        return self.status == RequestStatus.CLOSED

    def clean(self) -> None:
        errors = {}
        if self.replied_on and self.received_on and self.replied_on < self.received_on:
            errors["replied_on"] = "答复日期不能早于收到申请日期"
        if self.correction_requested_on and self.received_on and self.correction_requested_on < self.received_on:
            errors["correction_requested_on"] = "补正通知日期不能早于收到申请日期"
        if self.correction_received_on and self.correction_requested_on and self.correction_received_on < self.correction_requested_on:
            errors["correction_received_on"] = "收到补正日期不能早于补正通知日期"
        if errors:
            raise ValidationError(errors)


class Consultation(Record):
    """征求第三方（第三十二条）或其他机关（第三十四条）意见: the time it takes is not counted (第三十三条第三款)."""

    request = models.ForeignKey(DisclosureRequest, on_delete=models.PROTECT, related_name="consultations", verbose_name="申请")
    kind = models.CharField("类别", max_length=20, choices=ConsultationKind.choices)
    party = models.CharField("征求意见对象", max_length=100)
    sent_on = models.DateField("发出征求意见日期")
    replied_on = models.DateField("收到意见日期", null=True, blank=True)
    opinion = models.CharField("意见", max_length=20, choices=ConsultationOpinion.choices, blank=True)
    notes = models.CharField("备注", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "征求意见"
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.party}"

    @property
    def is_open(self) -> bool:
        return self.replied_on is None


class DisclosureEvent(models.Model):
    """Append-only timeline of an application: who did what, when (never edited or deleted)."""

    request = models.ForeignKey(DisclosureRequest, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("事项", max_length=32, choices=EventKind.choices)
    on = models.DateField("日期")
    at = models.DateTimeField("记录时间", auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    note = models.TextField("说明", blank=True)

    class Meta:
        ordering = ["at", "id"]

    def delete(self, *args, **kwargs):
        raise HardDeleteForbidden("办理记录不得删除")


class NoticeKind(models.TextChoices):
    """The documents a township sends about an application (政府信息公开条例); the value is the URL's kind."""

    CORRECTION = "correction", "补正告知书"
    EXTENSION = "extension", "延期答复告知书"
    THIRD_PARTY = "third-party", "征求第三方意见函"
    REPLY = "reply", "政府信息公开申请答复书"


class DisclosureNotice(models.Model):
    """A notice generated for an application, kept as sent: who generated it, when, and the very file (an attachment
    of the application). Append-only; generating the same text again reuses the last record instead of adding one."""

    request = models.ForeignKey(DisclosureRequest, on_delete=models.PROTECT, related_name="notices", verbose_name="申请")
    kind = models.CharField("文书", max_length=16, choices=NoticeKind.choices)
    consultation = models.ForeignKey(
        Consultation, verbose_name="征求意见", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )
    attachment = models.ForeignKey("core.Attachment", verbose_name="文件", on_delete=models.PROTECT, related_name="+")
    text_sha256 = models.CharField("正文校验值", max_length=64)
    # 发文字号 (GB/T 9704-2012 7.2.4), taken once per notice of an application from the township's counter
    # (fazhi/disclosure/notices/issue.py): a notice generated again prints the number it was first given.
    number = models.CharField("发文字号", max_length=40, blank=True)
    number_year = models.PositiveIntegerField("发文年度", null=True, blank=True)
    number_sequence = models.PositiveIntegerField("发文顺序号", null=True, blank=True)
    created_at = models.DateTimeField("生成时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="生成人", on_delete=models.PROTECT, related_name="+",
    )

    class Meta:
        verbose_name = verbose_name_plural = "依申请公开文书"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.request.tracking_number} {self.get_kind_display()}"

    def delete(self, *args, **kwargs):
        raise HardDeleteForbidden("已生成的文书记录不得删除")


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", "3个工作日内到期"
    OVERDUE = "overdue", "已超过答复期限"
    CORRECTION_LAPSED = "correction_lapsed", "补正期限已过"
    UNASSIGNED = "unassigned", "新申请待指定承办人"


class Reminder(models.Model):
    """An in-app reminder to a clerk (and an e-mail when mail is configured). One per request, kind and due date."""

    request = models.ForeignKey(DisclosureRequest, on_delete=models.PROTECT, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="disclosure_reminders")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    due_on = models.DateField(null=True, blank=True)
    message = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["request", "user", "kind", "due_on"], name="disclosure_reminder_once"),
        ]


class DisclosureGuide(models.Model):
    """政府信息公开指南 (条例第二十二条): where and how to apply; shown on the public portal."""

    organisation = models.OneToOneField(Organisation, on_delete=models.PROTECT, related_name="disclosure_guide")
    office_name = models.CharField("受理机构", max_length=100, default="党政综合办公室（政务公开办公室）")
    address = models.CharField("办公地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    phone = models.CharField("咨询电话", max_length=40, blank=True)
    fax = models.CharField("传真", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    office_hours = models.CharField("办公时间", max_length=100, default="工作日上午8:30—12:00，下午14:30—17:30")
    notes = models.TextField("其他说明", blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开指南"

    def delete(self, *args, **kwargs):
        raise HardDeleteForbidden("公开指南不得删除")


class ProactiveRelease(Record):
    """主动公开: one piece of information released (条例第十九至二十六条)."""

    title = models.CharField("信息标题", max_length=200)
    category = models.CharField("公开类别", max_length=32, choices=ReleaseCategory.choices)
    document_number = models.CharField("文号", max_length=60, blank=True)
    formed_on = models.DateField("信息形成（变更）日期")
    published_on = models.DateField("公开日期")
    venue = models.CharField("公开载体", max_length=100, default="政府网站", help_text="如：政府网站、政务公开栏、微信公众号")
    url = models.CharField("网址", max_length=300, blank=True)
    table_item = models.CharField(
        "计入年度报告表二", max_length=32, choices=TableItem.choices, default=TableItem.NONE,
        help_text="规范性文件的制发/废止、行政许可/处罚/强制决定、行政事业性收费的公开，分别计入年报表二对应栏目",
    )
    item_count = models.PositiveIntegerField(
        "决定件数", default=1, validators=[MinValueValidator(1)], help_text="一次公开多份处理决定时填写件数"
    )
    fee_amount = models.DecimalField(
        "收费金额（万元）", max_digits=12, decimal_places=4, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    notes = models.TextField("备注", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "主动公开"
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["organisation", "published_on"])]

    def __str__(self) -> str:
        return f"{self.published_on} {self.title}"

    def clean(self) -> None:
        errors = {}
        if self.formed_on and self.published_on and self.published_on < self.formed_on:
            errors["published_on"] = "公开日期不能早于信息形成日期"
        if self.table_item == TableItem.FEE and self.fee_amount is None:
            errors["fee_amount"] = "计入“行政事业性收费”时须填写收费金额（万元）"
        if self.table_item != TableItem.FEE and self.fee_amount is not None:
            errors["fee_amount"] = "只有计入“行政事业性收费”的公开才填写收费金额"
        if errors:
            raise ValidationError(errors)


class DisclosureAppeal(Record):
    """Table 四: 行政复议 and 行政诉讼 brought over a disclosure decision."""

    kind = models.CharField("类别", max_length=24, choices=AppealKind.choices)
    request = models.ForeignKey(
        DisclosureRequest, verbose_name="所涉申请", null=True, blank=True, on_delete=models.PROTECT, related_name="appeals"
    )
    case_number = models.CharField("案号", max_length=60, help_text="复议案件填写复议机关的受理文号，诉讼案件填写法院案号")
    filed_on = models.DateField("收到复议申请/起诉状日期")
    outcome = models.CharField("结果", max_length=16, choices=AppealOutcome.choices, default=AppealOutcome.PENDING)
    decided_on = models.DateField("审结日期", null=True, blank=True)
    notes = models.TextField("备注", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开复议诉讼"
        ordering = ["-filed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.filed_on} {self.get_kind_display()} {self.case_number}".strip()

    def clean(self) -> None:
        errors = {}
        if self.outcome == AppealOutcome.PENDING and self.decided_on:
            errors["decided_on"] = "尚未审结的案件不应有审结日期"
        if self.outcome != AppealOutcome.PENDING and not self.decided_on:
            errors["decided_on"] = "已审结的案件须填写审结日期"
        if self.decided_on and self.filed_on and self.decided_on < self.filed_on:
            errors["decided_on"] = "审结日期不能早于收到日期"
        if self.request_id and self.organisation_id and self.request.organisation_id != self.organisation_id:
            errors["request"] = "所涉申请不属于本乡镇"
        if errors:
            raise ValidationError(errors)


class DisclosureAnnualReport(Record):
    """政府信息公开工作年度报告: staff write sections 一、五、六; the tables are always computed from the register.

    Finalising keeps a snapshot of the tables, so next year's carry-over can be checked against what was published.
    """

    year = models.PositiveIntegerField("年度")
    overview_text = models.TextField("一、总体情况", blank=True)
    problems_text = models.TextField("五、存在的主要问题及改进情况", blank=True)
    other_text = models.TextField("六、其他需要报告的事项", blank=True)
    dated = models.DateField("成文日期", null=True, blank=True)
    finalised_at = models.DateTimeField("定稿时间", null=True, blank=True)
    snapshot = models.JSONField("定稿时的表格", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开工作年度报告"
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="disclosure_report_once")]

    def __str__(self) -> str:
        return f"{self.organisation}{self.year}年政府信息公开工作年度报告"
