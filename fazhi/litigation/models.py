"""Cases where the township is the respondent (行政复议) or the defendant (行政诉讼), their hearings with the
head's court appearance, the judgments and rulings to carry out, and judicial/procuratorial suggestions."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Record


class CaseKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", "行政复议（本镇为被申请人）"
    LITIGATION = "litigation", "行政诉讼（本镇为被告）"


class Instance(models.TextChoices):
    NONE = "", "—（行政复议）"
    FIRST = "first", "一审"
    SECOND = "second", "二审"
    RETRIAL = "retrial", "再审"


class Outcome(models.TextChoices):
    UPHELD = "upheld", "维持"
    DISMISSED = "dismissed", "驳回申请/诉讼请求"
    WITHDRAWN = "withdrawn", "撤回申请/撤诉"
    MEDIATED = "mediated", "调解/和解结案"
    REVOKED = "revoked", "撤销"
    CHANGED = "changed", "变更"
    UNLAWFUL = "unlawful", "确认违法/无效"
    ORDERED = "ordered", "责令履行/限期作为"
    PENDING = "", "尚未审结"  # listed last: the list filter offers the real outcomes first


# Outcomes in which the township's act did not stand: 败诉（被纠错）.
LOST_OUTCOMES = (Outcome.REVOKED, Outcome.CHANGED, Outcome.UNLAWFUL, Outcome.ORDERED)


class LegalCase(Record):
    EXCEL_KEY = "number"  # how an Excel row names the case it belongs to
    EXCEL_UNKNOWN = "不是本镇已登记的案件（请先登记案件，再按案号填写）"

    kind = models.CharField("类别", max_length=20, choices=CaseKind.choices)
    number = models.CharField("案号", max_length=60, help_text="如 （2025）川0421行初12号；复议案件填复议机关的案号")
    act = models.CharField("被申请/被诉的行政行为", max_length=200)
    claimant = models.CharField("申请人/原告", max_length=100)
    body = models.CharField("复议机关/人民法院", max_length=100)
    court_level = models.CharField("审级", max_length=10, choices=Instance.choices, blank=True)
    received_on = models.DateField("收到申请书/起诉状副本日期")
    answered_on = models.DateField("提交答复（答辩）和证据日期", null=True, blank=True)
    outcome = models.CharField("结果", max_length=16, choices=Outcome.choices, blank=True)
    concluded_on = models.DateField("审结日期", null=True, blank=True)
    notes = models.TextField("备注", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "行政复议、行政诉讼案件"
        ordering = ["-received_on", "number"]

    def __str__(self) -> str:
        return self.number

    @property
    def lost(self) -> bool:
        return self.outcome in LOST_OUTCOMES

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.kind == CaseKind.LITIGATION and not self.court_level:
            errors["court_level"] = "行政诉讼案件请选择审级"
        if self.kind == CaseKind.RECONSIDERATION and self.court_level:
            errors["court_level"] = "行政复议案件不分审级，请选“—”"
        if bool(self.outcome) != bool(self.concluded_on):
            errors["concluded_on"] = "结果和审结日期须同时填写"
        for name in ("answered_on", "concluded_on"):
            value = getattr(self, name)
            if value and self.received_on and value < self.received_on:
                errors[name] = f"{self._meta.get_field(name).verbose_name}不能早于收到日期"
        if errors:
            raise ValidationError(errors)


class AbsenceReason(models.TextChoices):
    """最高人民法院关于行政机关负责人出庭应诉若干问题的规定 Arts. 8–9: the only valid excuses."""

    NONE = "", "—（负责人已出庭）"
    FORCE_MAJEURE = "force_majeure", "不可抗力"
    ACCIDENT = "accident", "意外事件"
    DUTY = "duty", "需要履行他人不能代替的公务"
    OTHER = "other", "其他正当事由"


class HeadPost(models.TextChoices):
    """Art. 2: the chief, the deputies, and the deputy in charge of the act; no one else counts."""

    CHIEF = "chief", "正职负责人"
    DEPUTY = "deputy", "副职负责人"
    IN_CHARGE = "in_charge", "分管该行为的副职负责人"


class Hearing(Record):
    case = models.ForeignKey(LegalCase, verbose_name="案件", on_delete=models.PROTECT, related_name="hearings")
    held_on = models.DateField("开庭（听证）日期")
    venue = models.CharField("审理机关及地点", max_length=100, help_text="如 示范县人民法院第二审判庭")
    open_court = models.BooleanField("开庭审理", default=True, help_text="书面审理不计入出庭应诉率")
    head_appeared = models.BooleanField("负责人出庭", default=False)
    head_name = models.CharField("出庭负责人", max_length=40, blank=True)
    head_post = models.CharField("负责人职务", max_length=16, choices=HeadPost.choices, blank=True)
    absence_reason = models.CharField("未出庭事由", max_length=16, choices=AbsenceReason.choices, blank=True)
    absence_note = models.CharField("事由说明及委托出庭人员", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "开庭与负责人出庭应诉"
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.case} {self.held_on}"

    def clean(self) -> None:
        super().clean()
        if self.head_appeared and not (self.head_name and self.head_post):
            raise ValidationError({"head_name": "负责人出庭的，须填写出庭负责人姓名和职务（规定第二条）"})
        if not self.head_appeared and self.open_court and not (self.absence_reason and self.absence_note):
            raise ValidationError({"absence_reason": "负责人未出庭的，须写明事由并说明委托出庭的工作人员（规定第八条至第十条）"})
        if self.case_id and self.held_on and self.held_on < self.case.received_on:
            raise ValidationError({"held_on": "开庭日期不能早于收到案件日期"})
        if self.case_id and self.held_on and self.case.concluded_on and self.held_on > self.case.concluded_on:
            # a hearing after the case was decided or withdrawn cannot have been held, and would count in the
            # 出庭应诉率 (review G9)
            raise ValidationError({"held_on": "开庭日期不能晚于案件审结日期"})


class ObligationKind(models.TextChoices):
    JUDGMENT = "judgment", "履行判决、裁定"
    DECISION = "decision", "履行复议决定"
    ASSIST = "assist", "协助执行（冻结、划拨资金资产等）"


class Obligation(Record):
    case = models.ForeignKey(LegalCase, verbose_name="案件", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="obligations", help_text="协助执行他案的可不选")
    kind = models.CharField("类别", max_length=16, choices=ObligationKind.choices)
    received_on = models.DateField("收到日期")
    content = models.CharField("需履行的内容", max_length=300)
    due_on = models.DateField("履行期限", null=True, blank=True)
    completed_on = models.DateField("履行完毕日期", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "判决裁定履行与协助执行"
        ordering = ["-received_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_on}"


class SuggestionKind(models.TextChoices):
    JUDICIAL = "judicial", "司法建议"
    PROCURATORIAL = "procuratorial", "检察建议"


class CourtSuggestion(Record):
    kind = models.CharField("类别", max_length=16, choices=SuggestionKind.choices)
    issuer = models.CharField("发出机关", max_length=100)
    received_on = models.DateField("收到日期")
    subject = models.CharField("建议事项", max_length=300)
    due_on = models.DateField("答复期限", null=True, blank=True, help_text="留空按收到之日起两个月计")
    answered_on = models.DateField("书面答复日期", null=True, blank=True)
    answer = models.TextField("整改和答复情况", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "司法建议和检察建议"
        ordering = ["-received_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}（{self.issuer}，{self.received_on}）"

    def save(self, *args, **kwargs):
        if self.due_on is None and self.received_on:
            from fazhi.litigation.rules import suggestion_due

            self.due_on = suggestion_due(self.received_on)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.answered_on and self.received_on and self.answered_on < self.received_on:
            raise ValidationError({"answered_on": "答复日期不能早于收到日期"})
        if self.answered_on and not self.answer.strip():
            raise ValidationError({"answer": "已答复的，请填写整改和答复情况"})
