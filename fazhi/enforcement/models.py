"""行政执法: officers and their certificates, training and equipment; penalty cases (普通程序) with their evidence,
extensions and remedies; on-the-spot penalties (简易程序); case-file audits (案卷评查) with their rectifications.

Every record is a township's ``Record`` (scoped, voided with a reason, never deleted) with its change history.
"""
from __future__ import annotations

import datetime as dt

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from fazhi.core.models import Record
from fazhi.enforcement.choices import (
    CaseSource, CaseStatus, EquipmentKind, EvidenceKind, ItemCategory, OfficerKind, PartyKind, RemedyKind,
    RemedyResult, ServiceMethod, SimplePenaltyKind,
)

MONEY = {"max_digits": 12, "decimal_places": 2}


class Officer(Record):
    """An enforcement officer (持证) or an auxiliary (辅助人员, who may never take an investigative step alone)."""

    name = models.CharField("姓名", max_length=50)
    kind = models.CharField("类别", max_length=16, choices=OfficerKind.choices, default=OfficerKind.OFFICER)
    unit = models.CharField("所在执法机构", max_length=100, default="综合行政执法队")
    position = models.CharField("职务", max_length=50, blank=True)
    joined_on = models.DateField("入职日期", null=True, blank=True)
    active = models.BooleanField("在岗", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "执法人员"
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("enforcement_officer", args=[self.pk])

    def certificate_on(self, day: dt.date) -> Certificate | None:
        """The certificate valid on ``day`` (issued on or before it, valid until it or later), if any."""
        return (self.certificates.active().filter(valid_until__gte=day)
                .filter(models.Q(issued_on__isnull=True) | models.Q(issued_on__lte=day)).order_by("-valid_until").first())


class Certificate(Record):
    """行政执法证 (行政处罚法第四十二条): number, issuing body, validity."""

    officer = models.ForeignKey(Officer, verbose_name="执法人员", on_delete=models.PROTECT, related_name="certificates")
    number = models.CharField("证件编号", max_length=40)
    issued_by = models.CharField("发证机关", max_length=100)
    issued_on = models.DateField("发证日期", null=True, blank=True)
    valid_until = models.DateField("有效期至")
    scope = models.CharField("执法区域、类别", max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "行政执法证"
        ordering = ["-valid_until"]
        constraints = [models.UniqueConstraint(fields=["number"], condition=models.Q(voided_at__isnull=True),
                                               name="enforcement_certificate_number_unique")]

    def __str__(self) -> str:
        return self.number


class TrainingSession(Record):
    held_on = models.DateField("培训日期")
    topic = models.CharField("培训内容", max_length=200)
    organiser = models.CharField("组织单位", max_length=100, blank=True)
    hours = models.DecimalField("学时", max_digits=5, decimal_places=1, default=0)
    attendees = models.ManyToManyField(Officer, verbose_name="参训人员", blank=True, related_name="trainings")

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "执法人员培训"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.topic}"


class Equipment(Record):
    kind = models.CharField("类别", max_length=16, choices=EquipmentKind.choices)
    name = models.CharField("名称、型号", max_length=100)
    identifier = models.CharField("车牌号或设备编号", max_length=50, blank=True)
    acquired_on = models.DateField("配备日期", null=True, blank=True)
    in_service = models.BooleanField("在用", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "执法装备"
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name} {self.identifier}".strip()


class EnforcementItem(Record):
    """行政执法事项清单 (行政处罚法第三十九条: 执法主体、依据、程序、救济 are public)."""

    name = models.CharField("执法事项", max_length=200)
    category = models.CharField("类别", max_length=16, choices=ItemCategory.choices, default=ItemCategory.PENALTY)
    basis = models.TextField("设定依据")
    body = models.CharField("实施主体", max_length=100, default="")

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "行政执法事项"
        ordering = ["category", "id"]

    def __str__(self) -> str:
        return self.name


class EnforcementInspection(Record):
    """现场执法检查活动: the township's own on-site checks of how enforcement is done (执法监督)."""

    held_on = models.DateField("检查日期")
    topic = models.CharField("检查内容", max_length=200)
    place = models.CharField("检查地点", max_length=200)
    inspectors = models.CharField("检查人员", max_length=200)
    findings = models.TextField("发现的问题及整改建议", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "现场执法检查活动"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.topic}"


class PenaltyCase(Record):
    """A penalty case under the ordinary procedure (普通程序, 行政处罚法第五十四条至第七十二条)."""

    number = models.CharField("案号", max_length=40)
    number_year = models.PositiveIntegerField("案号年度", null=True, blank=True, editable=False)
    number_sequence = models.PositiveIntegerField("案号序号", null=True, blank=True, editable=False)
    status = models.CharField("办理阶段", max_length=16, choices=CaseStatus.choices, default=CaseStatus.INVESTIGATING)
    # 立案
    source = models.CharField("案件来源", max_length=16, choices=CaseSource.choices)
    source_detail = models.CharField("来源说明", max_length=200, blank=True)
    party_kind = models.CharField("当事人类别", max_length=16, choices=PartyKind.choices)
    party_name = models.CharField("当事人", max_length=100)
    party_id_number = models.CharField("身份证件号码或统一社会信用代码", max_length=30, blank=True)
    party_address = models.CharField("住所或地址", max_length=200)
    party_contact = models.CharField("联系电话", max_length=30, blank=True)
    alleged_violation = models.TextField("涉嫌违法行为")
    legal_basis = models.TextField("违反的法律规定")
    filed_on = models.DateField("立案日期")
    filing_approver = models.CharField("立案批准人", max_length=50)
    # 告知 (第四十四条)
    notice_on = models.DateField("告知书送达日期", null=True, blank=True)
    notice_facts = models.TextField("拟处罚的事实、理由和依据", blank=True)
    proposed_kinds = models.CharField("拟处罚种类", max_length=100, blank=True)
    proposed_fine = models.DecimalField("拟罚款（没收）金额（元）", null=True, blank=True, **MONEY)
    hearing_eligible = models.BooleanField("符合听证条件", default=False)
    # 陈述、申辩 (第四十五条)
    statement_on = models.DateField("陈述申辩日期", null=True, blank=True)
    statement_text = models.TextField("陈述申辩意见", blank=True)
    statement_review = models.TextField("陈述申辩复核意见", blank=True)
    rights_waived_on = models.DateField("书面放弃陈述申辩、听证日期", null=True, blank=True)
    # 听证 (第六十三条至第六十五条)
    hearing_requested_on = models.DateField("听证申请日期", null=True, blank=True)
    hearing_notice_on = models.DateField("听证通知日期", null=True, blank=True)
    hearing_on = models.DateField("听证日期", null=True, blank=True)
    hearing_host = models.CharField("听证主持人", max_length=50, blank=True)
    hearing_summary = models.TextField("听证笔录摘要", blank=True)
    # 法制审核 (第五十八条)
    review_grounds = models.CharField("法制审核情形", max_length=120, blank=True)
    passing_review = models.ForeignKey("reviews.LegalityReview", verbose_name="法制审核", null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    # 集体讨论 (第五十七条第二款)
    serious = models.BooleanField("情节复杂或者重大违法行为", default=False)
    discussed_on = models.DateField("集体讨论日期", null=True, blank=True)
    discussion_summary = models.TextField("集体讨论意见", blank=True)
    # 决定 (第五十九条)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_number = models.CharField("决定书文号", max_length=60, blank=True)
    decision_kinds = models.CharField("处罚种类", max_length=100, blank=True)
    fine_amount = models.DecimalField("罚款（没收）金额（元）", null=True, blank=True, **MONEY)
    decision_facts = models.TextField("违法事实和证据", blank=True)
    decision_basis = models.TextField("处罚种类和依据", blank=True)
    performance = models.TextField("履行方式和期限", blank=True)
    remedies = models.TextField("申请行政复议、提起行政诉讼的途径和期限", blank=True)
    organ_name = models.CharField("作出决定的行政机关", max_length=100, blank=True)
    sealed = models.BooleanField("已加盖印章", default=False)
    # 送达 (第六十一条)
    served_on = models.DateField("送达日期", null=True, blank=True)
    service_method = models.CharField("送达方式", max_length=16, choices=ServiceMethod.choices, blank=True)
    party_present = models.BooleanField("宣告时当事人在场", default=False)
    # 执行 (第六十六条至第七十二条)
    executed_on = models.DateField("履行（缴款）日期", null=True, blank=True)
    amount_paid = models.DecimalField("缴纳金额（元）", null=True, blank=True, **MONEY)
    late_fee = models.DecimalField("加处罚款（元）", null=True, blank=True, **MONEY)
    execution_note = models.TextField("执行情况", blank=True)
    # 结案归档
    closed_on = models.DateField("结案日期", null=True, blank=True)
    archive_number = models.CharField("档号", max_length=60, blank=True)
    # 公示 (第四十八条、国办发〔2018〕118号)
    publish_required = models.BooleanField("须公开（具有一定社会影响）", default=True)
    published_on = models.DateField("公示日期", null=True, blank=True)
    changed_on = models.DateField("决定被变更、撤销日期", null=True, blank=True)
    withdrawn_on = models.DateField("撤下公示日期", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "行政处罚案件"
        ordering = ["-filed_on", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="enforcement_case_number_unique"),
            models.UniqueConstraint(fields=["organisation", "number_year", "number_sequence"],
                                    name="enforcement_case_sequence_unique"),
            models.UniqueConstraint(fields=["organisation", "decision_number"], condition=~models.Q(decision_number=""),
                                    name="enforcement_decision_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.party_name}"

    def get_absolute_url(self) -> str:
        return reverse("enforcement_case", args=[self.pk])

    def kinds(self, field: str = "decision_kinds") -> list[str]:
        return [k for k in getattr(self, field).split(",") if k]


class CaseExtension(Record):
    """Extension of the 90-day decision limit (第六十条: 法律、法规、规章另有规定的，从其规定), approved by the head."""

    case = models.ForeignKey(PenaltyCase, verbose_name="案件", on_delete=models.PROTECT, related_name="extensions")
    days = models.PositiveSmallIntegerField("延长天数")
    approved_by = models.CharField("批准人", max_length=50)
    approved_on = models.DateField("批准日期")
    reason = models.CharField("延期理由", max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "办案期限延长"
        ordering = ["approved_on", "id"]


class EvidenceStep(Record):
    """One investigative step (第四十二条、第四十七条、第五十五条): at least two certified officers, its records attached."""

    case = models.ForeignKey(PenaltyCase, verbose_name="案件", on_delete=models.PROTECT, related_name="evidence")
    kind = models.CharField("取证方式", max_length=16, choices=EvidenceKind.choices)
    taken_on = models.DateField("取证日期")
    place = models.CharField("地点", max_length=200)
    description = models.TextField("取证情况")
    certificates_shown = models.BooleanField("已出示执法证件", default=False)
    officers = models.ManyToManyField(Officer, verbose_name="执法人员", related_name="evidence_steps")

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "调查取证"
        ordering = ["taken_on", "id"]

    def __str__(self) -> str:
        return f"{self.taken_on} {self.get_kind_display()}"


class EvidenceFile(Record):
    """A record of an investigative step (笔录、照片、录音录像): type checked by content, SHA-256 kept so tampering
    shows, served only to the township's own staff."""

    step = models.ForeignKey(EvidenceStep, verbose_name="取证", on_delete=models.PROTECT, related_name="files")
    file = models.FileField("文件", upload_to="evidence/%Y/%m/")
    original_name = models.CharField("原文件名", max_length=200)
    mime_type = models.CharField("类型", max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)

    class Meta:
        verbose_name = verbose_name_plural = "取证记录文件"
        ordering = ["id"]


class CaseRemedy(Record):
    """行政复议、行政诉讼 against a penalty decision, and how it ended."""

    case = models.ForeignKey(PenaltyCase, verbose_name="案件", on_delete=models.PROTECT, related_name="remedies_filed")
    kind = models.CharField("类别", max_length=16, choices=RemedyKind.choices)
    filed_on = models.DateField("申请（起诉）日期")
    result = models.CharField("结果", max_length=16, choices=RemedyResult.choices, default=RemedyResult.PENDING)
    result_on = models.DateField("结果日期", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "复议诉讼"
        ordering = ["filed_on", "id"]


class SimplePenalty(Record):
    """简易程序 (第五十一条、第五十二条): on the spot, numbered form, reported to the agency afterwards."""

    form_number = models.CharField("当场处罚决定书编号", max_length=40)
    decided_on = models.DateField("处罚日期")
    place = models.CharField("地点", max_length=200)
    party_kind = models.CharField("当事人类别", max_length=16, choices=PartyKind.choices)
    party_name = models.CharField("当事人", max_length=100)
    violation = models.TextField("违法行为")
    legal_basis = models.CharField("处罚依据", max_length=300)
    penalty = models.CharField("处罚种类", max_length=16, choices=SimplePenaltyKind.choices)
    fine_amount = models.DecimalField("罚款金额（元）", null=True, blank=True, **MONEY)
    officers = models.ManyToManyField(Officer, verbose_name="执法人员", related_name="simple_penalties")
    registered_on = models.DateField("报所属行政机关备案日期")

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "简易程序处罚"
        ordering = ["-decided_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["organisation", "form_number"],
                                               name="enforcement_simple_form_number_unique")]

    def __str__(self) -> str:
        return f"{self.form_number} {self.party_name}"


class CaseAudit(Record):
    """案卷评查: one audit session over one case or a sample of closed cases."""

    held_on = models.DateField("评查日期")
    title = models.CharField("评查名称", max_length=200)
    auditors = models.CharField("评查人员", max_length=200)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "执法案卷评查"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("enforcement_audit", args=[self.pk])


class AuditResult(Record):
    audit = models.ForeignKey(CaseAudit, verbose_name="评查", on_delete=models.PROTECT, related_name="results")
    case = models.ForeignKey(PenaltyCase, verbose_name="案卷", on_delete=models.PROTECT, related_name="audit_results")
    score = models.PositiveSmallIntegerField("得分")
    checks = models.JSONField("评查项目", default=list)
    findings = models.TextField("发现的问题", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "案卷评查结果"
        ordering = ["id"]


class Rectification(Record):
    """整改建议 and its follow-up until fixed."""

    audit = models.ForeignKey(CaseAudit, verbose_name="评查", on_delete=models.PROTECT, related_name="rectifications")
    case = models.ForeignKey(PenaltyCase, verbose_name="案卷", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="rectifications")
    suggestion = models.TextField("整改建议")
    due_on = models.DateField("整改期限")
    fixed_on = models.DateField("整改完成日期", null=True, blank=True)
    fix_note = models.TextField("整改情况", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "评查整改建议"
        ordering = ["fixed_on", "due_on", "id"]
