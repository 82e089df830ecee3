"""The fixed vocabularies of 政府信息公开条例 (2019) and the 2021 annual-report template (国办公开办函〔2021〕30号)."""
from __future__ import annotations

from django.db import models


class ApplicantType(models.TextChoices):
    """Table 三's columns: 自然人 | 法人或其他组织 (five sub-kinds)."""

    NATURAL = "natural", "自然人"
    COMMERCIAL = "commercial", "商业企业"
    RESEARCH = "research", "科研机构"
    PUBLIC_INTEREST = "public_interest", "社会公益组织"
    LEGAL_SERVICE = "legal_service", "法律服务机构"
    OTHER_ORG = "other_org", "其他组织"

    @classmethod
    def organisation_kinds(cls) -> list[ApplicantType]:
        return [t for t in cls if t != cls.NATURAL]


def applicant_type_label(value: str) -> str:
    kind = ApplicantType(value)
    return kind.label if kind == ApplicantType.NATURAL else f"法人或其他组织（{kind.label}）"


class Channel(models.TextChoices):
    """How the application arrived; the receipt date follows 条例第三十一条."""

    PORTAL = "portal", "网上申请（本系统公开门户）"
    IN_PERSON = "in_person", "当面提交"
    POST_SIGNED = "post_signed", "邮寄（需签收）"
    POST_UNSIGNED = "post_unsigned", "邮寄（平常信函，无需签收）"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"
    OTHER_ONLINE = "other_online", "其他网上渠道"


# 第三十一条: what the receipt date is for each channel.
RECEIPT_RULES: dict[str, str] = {
    Channel.PORTAL: "网上提交，系统即时回执确认，以提交之日为收到申请之日（第三十一条第三项）",
    Channel.IN_PERSON: "当面提交，以提交之日为收到申请之日（第三十一条第一项）",
    Channel.POST_SIGNED: "邮寄提交，以行政机关签收之日为收到申请之日（第三十一条第二项）",
    Channel.POST_UNSIGNED: "以平常信函等无需签收的邮寄方式提交，以与申请人确认之日为收到申请之日（第三十一条第二项）",
    Channel.FAX: "传真提交，以双方确认之日为收到申请之日（第三十一条第三项）",
    Channel.EMAIL: "电子邮件提交，以双方确认之日为收到申请之日（第三十一条第三项）",
    Channel.OTHER_ONLINE: "通过互联网渠道提交，以双方确认之日为收到申请之日（第三十一条第三项）",
}

RECEIPT_DATE_LABEL: dict[str, str] = {
    Channel.PORTAL: "提交日期",
    Channel.IN_PERSON: "提交日期",
    Channel.POST_SIGNED: "签收日期",
    Channel.POST_UNSIGNED: "与申请人确认日期",
    Channel.FAX: "双方确认日期",
    Channel.EMAIL: "双方确认日期",
    Channel.OTHER_ONLINE: "双方确认日期",
}


class Delivery(models.TextChoices):
    PAPER_PICKUP = "paper_pickup", "纸质（自行领取）"
    PAPER_POST = "paper_post", "纸质（邮寄）"
    EMAIL = "email", "电子邮件"
    FAX = "fax", "传真"
    ONLINE = "online", "网上获取"
    ON_SITE = "on_site", "当场查阅"


class RequestStatus(models.TextChoices):
    """Stored workflow state. "Overdue" and "paused" are derived from the clock, never stored.

    received ──补正通知──▶ awaiting_correction ──补正到达──▶ received
    received / awaiting_correction ──答复或办结──▶ closed
    """

    RECEIVED = "received", "办理中"
    AWAITING_CORRECTION = "awaiting_correction", "待申请人补正"
    CLOSED = "closed", "已办结"


class Result(models.TextChoices):
    """Table 三's rows 三（一）–（六）: every way an application is closed (条例第三十六至三十九条)."""

    GRANTED = "granted", "予以公开"
    PARTIAL = "partial", "部分公开"
    WITHHELD_STATE_SECRET = "withheld_state_secret", "不予公开：属于国家秘密"
    WITHHELD_LAW = "withheld_law", "不予公开：其他法律行政法规禁止公开"
    WITHHELD_SECURITY = "withheld_security", "不予公开：危及“三安全一稳定”"
    WITHHELD_THIRD_PARTY = "withheld_third_party", "不予公开：保护第三方合法权益"
    WITHHELD_INTERNAL = "withheld_internal", "不予公开：属于三类内部事务信息"
    WITHHELD_PROCESS = "withheld_process", "不予公开：属于四类过程性信息"
    WITHHELD_ENFORCEMENT_FILE = "withheld_enforcement_file", "不予公开：属于行政执法案卷"
    WITHHELD_QUERY = "withheld_query", "不予公开：属于行政查询事项"
    UNAVAILABLE_NOT_HELD = "unavailable_not_held", "无法提供：本机关不掌握相关政府信息"
    UNAVAILABLE_NEEDS_CREATION = "unavailable_needs_creation", "无法提供：没有现成信息需要另行制作"
    UNAVAILABLE_STILL_UNCLEAR = "unavailable_still_unclear", "无法提供：补正后申请内容仍不明确"
    NOT_PROCESSED_PETITION = "not_processed_petition", "不予处理：信访举报投诉类申请"
    NOT_PROCESSED_REPEAT = "not_processed_repeat", "不予处理：重复申请"
    NOT_PROCESSED_PUBLICATION = "not_processed_publication", "不予处理：要求提供公开出版物"
    NOT_PROCESSED_EXCESSIVE = "not_processed_excessive", "不予处理：无正当理由大量反复申请"
    NOT_PROCESSED_CONFIRMATION = "not_processed_confirmation", "不予处理：要求行政机关确认或重新出具已获取信息"
    OTHER_NO_CORRECTION = "other_no_correction", "其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    OTHER_FEE_UNPAID = "other_fee_unpaid", "其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    OTHER = "other", "其他处理：其他"


# Results that are not an answer on the merits: they need no reply by the deadline and are
# left out of the on-time response rate (the applicant ended the procedure).
NO_REPLY_RESULTS = frozenset({Result.OTHER_NO_CORRECTION, Result.OTHER_FEE_UNPAID})

# Results that must state reasons to the applicant (第三十六条第三至六项, 第三十七条).
REASONED_RESULTS = frozenset(
    r for r in Result if r == Result.PARTIAL or r.value.startswith(("withheld_", "unavailable_", "not_processed_"))
)

# Table 三, rows of 三、本年度办理结果 in template order: (group label, [(row label, result)]).
# A numbered row's label is the result's label after "：", numbered within its group ("1.属于国家秘密").
_RESULT_GROUP_MEMBERS: tuple[tuple[str, tuple[Result, ...]], ...] = (
    ("（一）予以公开", (Result.GRANTED,)),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (Result.PARTIAL,)),
    ("（三）不予公开", tuple(r for r in Result if r.value.startswith("withheld_"))),
    ("（四）无法提供", tuple(r for r in Result if r.value.startswith("unavailable_"))),
    ("（五）不予处理", tuple(r for r in Result if r.value.startswith("not_processed_"))),
    ("（六）其他处理", (Result.OTHER_NO_CORRECTION, Result.OTHER_FEE_UNPAID, Result.OTHER)),
)
RESULT_GROUPS: tuple[tuple[str, tuple[tuple[str, Result], ...]], ...] = tuple(
    (group, (("", members[0]),) if len(members) == 1 else tuple(
        (f"{i}.{r.label.partition('：')[2]}", r) for i, r in enumerate(members, start=1)
    ))
    for group, members in _RESULT_GROUP_MEMBERS
)


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", "征求第三方意见（第三十二条）"
    AGENCY = "agency", "征求其他机关意见（第三十四条）"


class ConsultationOpinion(models.TextChoices):
    AGREE = "agree", "同意公开"
    DISAGREE = "disagree", "不同意公开"
    NO_REPLY = "no_reply", "逾期未提出意见"


class EventKind(models.TextChoices):
    RECEIVED = "received", "收到申请"
    ASSIGNED = "assigned", "指定承办人"
    CORRECTION_REQUESTED = "correction_requested", "发出补正通知"
    CORRECTION_RECEIVED = "correction_received", "收到补正材料"
    CONSULTATION_STARTED = "consultation_started", "征求意见"
    CONSULTATION_ENDED = "consultation_ended", "收到意见"
    EXTENDED = "extended", "延长答复期限"
    REPLIED = "replied", "作出答复"
    CLOSED_WITHOUT_REPLY = "closed_without_reply", "办结（不再处理）"
    VOIDED = "voided", "作废"


class ReleaseCategory(models.TextChoices):
    """主动公开的范围：条例第二十条（一）至（十五）项，及第二十一条乡镇重点公开的内容。"""

    ART20_1 = "art20_1", "第二十条（一）行政法规、规章和规范性文件"
    ART20_2 = "art20_2", "第二十条（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"
    ART20_3 = "art20_3", "第二十条（三）发展规划、专项规划、区域规划及相关政策"
    ART20_4 = "art20_4", "第二十条（四）国民经济和社会发展统计信息"
    ART20_5 = "art20_5", "第二十条（五）行政许可和其他对外管理服务事项的依据、条件、程序及办理结果"
    ART20_6 = "art20_6", "第二十条（六）行政处罚、行政强制的依据、条件、程序及有一定社会影响的处罚决定"
    ART20_7 = "art20_7", "第二十条（七）财政预算、决算信息"
    ART20_8 = "art20_8", "第二十条（八）行政事业性收费项目及其依据、标准"
    ART20_9 = "art20_9", "第二十条（九）政府集中采购项目的目录、标准及实施情况"
    ART20_10 = "art20_10", "第二十条（十）重大建设项目的批准和实施情况"
    ART20_11 = "art20_11", "第二十条（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"
    ART20_12 = "art20_12", "第二十条（十二）突发公共事件的应急预案、预警信息及应对情况"
    ART20_13 = "art20_13", "第二十条（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"
    ART20_14 = "art20_14", "第二十条（十四）公务员招考的职位、名额、报考条件等事项以及录用结果"
    ART20_15 = "art20_15", "第二十条（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"
    ART21_AGRICULTURE = "art21_agriculture", "第二十一条 贯彻落实农业农村政策"
    ART21_IRRIGATION = "art21_irrigation", "第二十一条 农田水利工程建设运营"
    ART21_LAND_TRANSFER = "art21_land_transfer", "第二十一条 农村土地承包经营权流转"
    ART21_HOMESTEAD = "art21_homestead", "第二十一条 宅基地使用情况审核"
    ART21_EXPROPRIATION = "art21_expropriation", "第二十一条 土地征收、房屋征收"
    ART21_FUNDRAISING = "art21_fundraising", "第二十一条 筹资筹劳"
    ART21_SOCIAL_ASSISTANCE = "art21_social_assistance", "第二十一条 社会救助"


class TableItem(models.TextChoices):
    """Which cell of table 二 (主动公开政府信息情况) a release feeds, if any."""

    NONE = "none", "不计入表二"
    NORMATIVE_ISSUED = "normative_issued", "行政规范性文件（本年制发）"
    NORMATIVE_REPEALED = "normative_repealed", "行政规范性文件（本年废止）"
    LICENSING = "licensing", "行政许可处理决定"
    PENALTY = "penalty", "行政处罚处理决定"
    COERCION = "coercion", "行政强制处理决定"
    FEE = "fee", "行政事业性收费"


class AppealKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼（未经复议直接起诉）"
    LITIGATION_AFTER = "litigation_after", "行政诉讼（复议后起诉）"


class AppealOutcome(models.TextChoices):
    PENDING = "pending", "尚未审结"
    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"
