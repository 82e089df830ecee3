"""The role matrix: what each township role may write (and the few things only some roles may read). One place.

Scoping (fazhi/core/scoping.py) decides *which township's* records a user may touch; this module decides *which
kinds* of records a township role handles, by 岗位职责分工:

- 办事员、领导 keep the township's ledgers and run its procedures (disclosure, contracts, normative documents,
  major decisions, enforcement paperwork, the annual report) and send matters for legality review;
- 法制审核人员 and 司法所工作人员 review: only they take a legality review and record its opinion
  (行政处罚法第五十八条; 《重大行政决策程序暂行条例》第二十五至二十八条; LAW.md §3–§6), and never on a matter
  they submitted themselves (fazhi/reviews/services.py);
- 执法人员 handle enforcement (cases, officers, inspections) and nothing else: no contract, no disclosure
  application (nor its applicant's personal data);
- 司法所工作人员 also keep 普法, 人民调解, 法律顾问与法律援助 and the community-correction rolls.

Enforced twice: ``RoleMatrixMiddleware`` refuses a write to an address of an area the role does not handle
(create pages included), and ``scoping.get_writable_or_404``/``can_write`` ask ``may_write`` for the record's area
(so pages hide the buttons too). Refusals name the rule.
"""
from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render

from fazhi.core.models import Role

# Areas are app labels, plus REVIEW_OPINION: taking a legality review and recording its opinion.
REVIEW_OPINION = "review_opinion"
AREA_LABELS = {
    "publicity": "普法宣传", "learning": "学法用法", "governance": "组织领导", "disputes": "矛盾纠纷调处",
    "supervision": "人大监督", "schools": "法治副校长", "otherfigures": "其他数据", "assessment": "目标管理考核",
    "litigation": "复议诉讼", "advisors": "法律顾问与法律援助", "participation": "公开征求意见",
    "disclosure": "政务公开（依申请公开）", "normative": "行政规范性文件", "contracts": "合同协议",
    "decisions": "重大行政决策", "enforcement": "行政执法", "reports": "年度报告", "reviews": "送请合法性审查",
    "corrections": "社区矫正与安置帮教", REVIEW_OPINION: "合法性审查（受理、出具审查意见）",
}
LEDGER_AREAS = frozenset({
    "publicity", "learning", "governance", "disputes", "supervision", "schools", "otherfigures", "assessment",
    "litigation", "advisors",
})
PROCEDURE_AREAS = frozenset({"participation", "disclosure", "normative", "contracts", "decisions", "enforcement",
                             "reports", "reviews"})

WRITE_MATRIX: dict[str, frozenset[str]] = {
    Role.CLERK: LEDGER_AREAS | PROCEDURE_AREAS,
    Role.LEADER: LEDGER_AREAS | PROCEDURE_AREAS,
    Role.LEGAL_REVIEWER: frozenset({REVIEW_OPINION}),
    Role.ENFORCEMENT_OFFICER: frozenset({"enforcement"}),
    Role.JUDICIAL_OFFICE: frozenset({REVIEW_OPINION, "corrections", "publicity", "disputes", "advisors"}),
}
# Who may open disclosure applications (applicants' names, contacts, ID numbers): not enforcement officers.
DISCLOSURE_READERS = frozenset({Role.CLERK, Role.LEADER, Role.LEGAL_REVIEWER, Role.COUNTY_SUPERVISOR, Role.ADMIN})
REVIEWER_ROLES = frozenset(role for role, areas in WRITE_MATRIX.items() if REVIEW_OPINION in areas)

REVIEW_RULE = ("合法性审查须由司法所工作人员或法制审核人员进行，且不得由送审人本人审查"
               "（行政处罚法第五十八条；《重大行政决策程序暂行条例》第二十五条至第二十八条）")


def role_label(role: str) -> str:
    try:
        return Role(role).label.split("（")[0]
    except ValueError:
        return role


def handled_by(area: str) -> str:
    roles = [role_label(role) for role, areas in WRITE_MATRIX.items() if area in areas]
    return "、".join(roles) or "（无）"


def refusal(role: str, area: str) -> str:
    if area == REVIEW_OPINION:
        return f"您的角色（{role_label(role)}）不能审查：{REVIEW_RULE}"
    what = AREA_LABELS.get(area, area)
    return f"您的角色（{role_label(role)}）不能办理“{what}”：按岗位职责分工，该事项由{handled_by(area)}办理"


def may_write(user, area: str | None) -> bool:
    """Whether a township role handles this area (roles outside the matrix — county, admin — are left to scoping)."""
    role = getattr(user, "role", None)
    if area is None or role not in WRITE_MATRIX:
        return True
    return area in WRITE_MATRIX[role]


def require_area(user, area: str | None) -> None:
    if not may_write(user, area):
        raise PermissionDenied(refusal(user.role, area))


def area_of_model(model) -> str | None:
    label = model._meta.app_label
    if label in AREA_LABELS:
        return label
    return None


def may_read_disclosure(user) -> bool:
    return getattr(user, "role", None) in DISCLOSURE_READERS or getattr(user, "is_superuser", False)


DISCLOSURE_REFUSED = "您的角色不能查看依申请公开的申请（含申请人的个人信息）：按岗位职责分工，由办事员、领导办理"

_REVIEW_OPINION_PATH = re.compile(r"^/(api/)?reviews/\d+/(take|conclude)/$")
_LEDGER_PATH = re.compile(r"^/(api/)?ledgers/(?P<slug>[\w-]+)/")
_ATTACHMENT_PATH = re.compile(r"^/attachments/(?P<ct>\d+)/\d+/upload/$")
_PREFIX_AREAS = (
    ("/api/reviews/", "reviews"), ("/reviews/", "reviews"), ("/contracts/", "contracts"),
    ("/normative/", "normative"), ("/decisions/", "decisions"), ("/enforcement/", "enforcement"),
    ("/participation/", "participation"), ("/reports/", "reports"), ("/disputes/", "disputes"),
    ("/disclosure/reminders/", None), ("/disclosure/", "disclosure"),
)
_DISCLOSURE_READ_PATHS = ("/disclosure/", "/api/disclosure-requests/")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def area_of_path(path: str) -> str | None:
    """The area a write to this address belongs to (None: not a township record, left to the view)."""
    if _REVIEW_OPINION_PATH.match(path):
        return REVIEW_OPINION
    match = _LEDGER_PATH.match(path)
    if match:
        from fazhi.core.ledgers.registry import _REGISTRY

        ledger = _REGISTRY.get(match["slug"])
        return area_of_model(ledger.model) if ledger is not None else None
    match = _ATTACHMENT_PATH.match(path)
    if match:
        from django.contrib.contenttypes.models import ContentType

        model = ContentType.objects.filter(pk=match["ct"]).first()
        model = model.model_class() if model is not None else None
        return area_of_model(model) if model is not None else None
    for prefix, area in _PREFIX_AREAS:
        if path.startswith(prefix):
            return area
    return None


class RoleMatrixMiddleware:
    """Refuse (403, naming the rule) a township role's write to an area it does not handle, and an enforcement
    officer's (or anyone outside DISCLOSURE_READERS) look at disclosure applications."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.role in WRITE_MATRIX:
            message = None
            if request.path.startswith(_DISCLOSURE_READ_PATHS) and not request.path.startswith("/disclosure/reminders/") \
                    and not may_read_disclosure(user):
                message = DISCLOSURE_REFUSED
            elif request.method not in SAFE_METHODS:
                area = area_of_path(request.path)
                if not may_write(user, area):
                    message = refusal(user.role, area)
            if message:
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": message}, status=403, json_dumps_params={"ensure_ascii": False})
                return render(request, "errors/error.html", {"code": 403, "title": "无权操作", "message": message},
                              status=403)
        return self.get_response(request)
