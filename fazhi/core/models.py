"""Organisations, users and roles, the base for every government record, and the calendar table."""
from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class OrgKind(models.TextChoices):
    COUNTY = "county", "县（市、区）"
    TOWNSHIP = "township", "乡镇（街道）"
    VILLAGE = "village", "村（社区）"


class Organisation(models.Model):
    """County → townships → villages/communities. Records belong to a township."""

    code = models.CharField("编码", max_length=32, unique=True)
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类别", max_length=16, choices=OrgKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级组织", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    superior_body = models.CharField(
        "报告主送机关", max_length=100, blank=True, help_text="年度报告的主送机关，如“县委、县政府”"
    )
    doc_prefix = models.CharField(
        "机关代字", max_length=20, blank=True,
        help_text="对外文书编号使用的机关代字，如“青山”（案号“青山罚〔2026〕8号”、卷宗号“青山调字〔2026〕第001号”）；"
                  "留空时取名称去掉“镇”“乡”“街道”",
    )
    is_active = models.BooleanField("在用", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "组织"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        expected_parent = {OrgKind.COUNTY: None, OrgKind.TOWNSHIP: OrgKind.COUNTY, OrgKind.VILLAGE: OrgKind.TOWNSHIP}
        want = expected_parent[OrgKind(self.kind)]
        if want is None and self.parent_id:
            raise ValidationError({"parent": "县级组织不应有上级组织"})
        if want is not None and (self.parent is None or self.parent.kind != want):
            raise ValidationError({"parent": f"{self.get_kind_display()}的上级必须是{OrgKind(want).label}"})

    @property
    def township(self) -> Organisation | None:
        if self.kind == OrgKind.TOWNSHIP:
            return self
        if self.kind == OrgKind.VILLAGE:
            return self.parent
        return None

    def villages(self) -> models.QuerySet[Organisation]:
        return Organisation.objects.filter(parent=self, kind=OrgKind.VILLAGE, is_active=True)

    @property
    def issuing_prefix(self) -> str:
        """The 机关代字 that numbers shown to the public carry: the one set, else the name without its kind."""
        return self.doc_prefix.strip() or prefix_from_name(self.name)


ADMINISTRATIVE_SUFFIXES = ("街道办事处", "街道", "镇", "乡")


def prefix_from_name(name: str) -> str:
    """青山镇 → 青山, 城关街道办事处 → 城关: the name without the kind of area, at most four characters."""
    for suffix in ADMINISTRATIVE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)][:4]
    return name[:2]


class Role(models.TextChoices):
    CLERK = "clerk", "办事员（党政办/司法所）"
    LEADER = "leader", "领导（党政主要负责人、分管领导）"
    LEGAL_REVIEWER = "legal_reviewer", "法制审核人员"
    ENFORCEMENT_OFFICER = "enforcement_officer", "执法人员"
    JUDICIAL_OFFICE = "judicial_office", "司法所工作人员（社区矫正、安置帮教）"
    COUNTY_SUPERVISOR = "county_supervisor", "县依法治县办"
    ADMIN = "admin", "系统管理员"


# Roles that may write a township's records. The county supervisor reads only.
WRITER_ROLES = frozenset({Role.CLERK, Role.LEADER, Role.LEGAL_REVIEWER, Role.ENFORCEMENT_OFFICER, Role.JUDICIAL_OFFICE})


class User(AbstractUser):
    organisation = models.ForeignKey(
        Organisation, verbose_name="所属组织", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    role = models.CharField("角色", max_length=32, choices=Role.choices, default=Role.CLERK)
    full_name = models.CharField("姓名", max_length=50, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username

    def clean(self) -> None:
        super().clean()
        if self.role == Role.ADMIN:
            return
        if self.organisation is None:
            raise ValidationError({"organisation": "除系统管理员外，用户必须属于一个组织"})
        if self.role == Role.COUNTY_SUPERVISOR and self.organisation.kind != OrgKind.COUNTY:
            raise ValidationError({"organisation": "县依法治县办用户必须属于县级组织"})
        if self.role in WRITER_ROLES and self.organisation.kind != OrgKind.TOWNSHIP:
            raise ValidationError({"organisation": "乡镇工作人员必须属于乡镇（街道）"})


class HardDeleteForbidden(Exception):
    """Government records are voided with a reason, never deleted."""


class RecordQuerySet(models.QuerySet):
    def active(self):
        return self.filter(voided_at__isnull=True)

    def in_year(self, year: int, field: str):
        return self.filter(**{f"{field}__year": year})

    def delete(self):  # noqa: D401 - Django signature
        raise HardDeleteForbidden("政府记录不得删除，请作废并填写原因")


class Record(models.Model):
    """Base of every government record: owned by a township, voidable, timestamped.

    Subclasses add ``history = HistoricalRecords()`` so every change is kept.
    """

    organisation = models.ForeignKey(Organisation, verbose_name="所属组织", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    voided_at = models.DateTimeField("作废时间", null=True, blank=True)
    void_reason = models.CharField("作废原因", max_length=200, blank=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_void(self) -> bool:
        return self.voided_at is not None

    def delete(self, *args, **kwargs):
        raise HardDeleteForbidden("政府记录不得删除，请作废并填写原因")

    def clean_fields(self, exclude=None):
        """The realistic bounds of every number, year and date (fazhi/core/bounds.py), then Django's field checks."""
        from fazhi.core import bounds

        errors = {}
        try:  # first, so that both databases give the same message (PostgreSQL's own range check comes later)
            bounds.check_instance(self, exclude=exclude)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        try:
            super().clean_fields(exclude=set(exclude or ()) | set(errors))
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def void(self, *, reason: str, user=None) -> None:
        from fazhi.core.text import clean_text

        if not isinstance(reason, str) and reason is not None:
            raise ValidationError({"void_reason": "作废原因应为文字"})
        reason = clean_text(reason or "")
        if not reason:
            raise ValidationError({"void_reason": "作废必须填写原因"})
        if self.is_void:
            raise ValidationError("该记录已作废")
        self.voided_at = timezone.now()
        self.void_reason = reason
        if user is not None:
            self._history_user = user
        self.save(update_fields=["voided_at", "void_reason", "updated_at"])


class CalendarDayKind(models.TextChoices):
    HOLIDAY = "holiday", "法定节假日（休息）"
    WORKDAY = "workday", "调休上班日"


class HolidayArrangement(models.Model):
    """A year's official holiday arrangement as published by the State Council General Office.

    Entering one tells the calendar that the year's data is complete: days not
    listed follow the ordinary Monday–Friday rule, and deadlines in that year are
    no longer provisional.
    """

    year = models.PositiveIntegerField("年度", unique=True)
    source = models.CharField("依据文件", max_length=200, help_text="如：国办发明电〔2026〕X号")
    published_on = models.DateField("发布日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "节假日安排（年度）"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年节假日安排"


class CalendarDay(models.Model):
    arrangement = models.ForeignKey(HolidayArrangement, on_delete=models.CASCADE, related_name="days", verbose_name="年度安排")
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类别", max_length=16, choices=CalendarDayKind.choices)
    name = models.CharField("节日名称", max_length=30, help_text="如：春节、国庆节")

    class Meta:
        verbose_name = verbose_name_plural = "节假日与调休日"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.name}（{self.get_kind_display()}）"

    def clean(self) -> None:
        if self.arrangement_id and self.date and self.date.year != self.arrangement.year:
            raise ValidationError({"date": "日期必须在所属年度内"})


class Attachment(Record):
    """A file attached to any record (photos, documents). Stored outside the web root."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    file = models.FileField("文件", upload_to="attachments/%Y/%m/")
    original_name = models.CharField("原文件名", max_length=200)
    mime_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("校验值", max_length=64)

    class Meta:
        verbose_name = verbose_name_plural = "附件"
        indexes = [models.Index(fields=["content_type", "object_id"])]


class NumberCounter(models.Model):
    """The last number issued in one series of one organisation and year (fazhi/core/numbering.py takes the next
    one under a row lock). Never edited by hand: the numbers it guards are printed on documents."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    series = models.CharField("编号系列", max_length=40)
    year = models.PositiveIntegerField("年度")
    last = models.PositiveIntegerField("已用到", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "编号计数器"
        constraints = [models.UniqueConstraint(fields=["organisation", "series", "year"], name="number_counter_unique")]

    def __str__(self) -> str:
        return f"{self.organisation} {self.series} {self.year}：{self.last}"

    def delete(self, *args, **kwargs):
        raise HardDeleteForbidden("编号计数器不得删除")


class TransitionEvent(models.Model):
    """Append-only: one row per workflow transition of any record (never edited or deleted)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    action = models.CharField("事项", max_length=60)
    from_status = models.CharField("原状态", max_length=40, blank=True)
    to_status = models.CharField("新状态", max_length=40, blank=True)
    on = models.DateField("日期")
    at = models.DateTimeField("记录时间", auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "办理过程记录"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.on} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HardDeleteForbidden("办理过程记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HardDeleteForbidden("办理过程记录不得删除")


class AuditKind(models.TextChoices):
    LOGIN = "login", "登录成功"
    LOGIN_FAILED = "login_failed", "登录失败"
    LOCKED_OUT = "locked_out", "登录被锁定"
    LOGOUT = "logout", "退出"
    EXPORT = "export", "导出数据"


class AuditEvent(models.Model):
    """Append-only security log: logins, failures, lockouts, and exports that may contain personal data."""

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    kind = models.CharField("事件", max_length=16, choices=AuditKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                             verbose_name="用户")
    username = models.CharField("登录名", max_length=150, blank=True)
    ip = models.CharField("IP 地址", max_length=64, blank=True)
    path = models.CharField("地址", max_length=300, blank=True)
    detail = models.CharField("说明", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "安全审计日志"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["kind", "username", "at"]), models.Index(fields=["kind", "ip", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.username}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HardDeleteForbidden("审计日志只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HardDeleteForbidden("审计日志不得删除")


def _keep_history_of_settings() -> None:
    """Settings an administrator changes in the admin — the holiday arrangements, each township's normative-document
    settings, a county's report deadlines — keep every change (who, when, old and new values) like any record.
    The historical tables live in this app so that the apps owning the settings need no change."""
    import simple_history

    from fazhi.normative.models import NormativeSettings
    from fazhi.oversight.models import CountyDeadlines

    for model in (HolidayArrangement, CalendarDay, NormativeSettings, CountyDeadlines):
        if not hasattr(model, "history"):
            simple_history.register(model, app="fazhi.core")


_keep_history_of_settings()


class ImportDecision(models.TextChoices):
    """What the user chose for an Excel import (fazhi/core/ledgers/excel.py)."""

    NO_DUPLICATES = "direct", "无重复，直接导入"
    NEW_ONLY = "new_only", "只导入新的行，跳过重复的行"
    ALL = "all", "全部导入（含重复的行）"
    CANCEL = "cancel", "取消，未导入"


class ImportedFile(models.Model):
    """One Excel import into a township's ledger, and the user's choice: the file's content hash, who, when, which
    records it saved and how many rows it skipped as duplicates. A cancelled import is kept too (nothing saved).

    Importing a file with the same content into the same ledger again, while any record it saved is still active, is
    shown to the user with these facts before anything is saved. Append-only: never edited or deleted.
    """

    organisation = models.ForeignKey(Organisation, verbose_name="所属组织", on_delete=models.PROTECT, related_name="+")
    ledger = models.CharField("台账", max_length=60)
    sha256 = models.CharField("校验值", max_length=64)
    filename = models.CharField("文件名", max_length=255)
    year = models.PositiveIntegerField("记录所属年度")
    decision = models.CharField("导入方式", max_length=10, choices=ImportDecision.choices,
                                default=ImportDecision.NO_DUPLICATES)
    rows_imported = models.PositiveIntegerField("导入条数")
    duplicates_skipped = models.PositiveIntegerField("跳过的重复行", default=0)
    duplicates_imported = models.PositiveIntegerField("仍导入的重复行", default=0)
    repeated = models.BooleanField("再次导入同一文件", default=False)
    record_ids = models.JSONField("导入的记录", default=list, blank=True)
    created_at = models.DateTimeField("导入时间", auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="导入人", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "Excel 导入记录"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "ledger", "sha256"])]

    def __str__(self) -> str:
        return f"{self.filename}（{self.rows_imported}条）"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HardDeleteForbidden("导入记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HardDeleteForbidden("导入记录不得删除")


class StagedImport(models.Model):
    """An uploaded Excel file waiting for the user's choice because it was imported before or repeats records
    (fazhi/core/ledgers/staging.py). Only its uploader, in the same township and ledger, can confirm it; it is
    removed once decided and expires after a day."""

    token = models.CharField("凭据", max_length=64, unique=True)
    organisation = models.ForeignKey(Organisation, verbose_name="所属组织", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.CASCADE, related_name="+")
    ledger = models.CharField("台账", max_length=60)
    filename = models.CharField("文件名", max_length=255, blank=True)
    year = models.PositiveIntegerField("记录所属年度")
    import_valid_rows = models.BooleanField("仅导入无误的行", default=False)
    data = models.BinaryField("文件内容")
    created_at = models.DateTimeField("上传时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "待确认的 Excel 导入"
