"""The workflow kit (fazhi/core/kit): each piece once, in depth. The institutions' own tests show that their pages,
steps, voids and API lists still behave the same on it."""
from __future__ import annotations

import json

import pytest
from django import forms
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.template import Context, Template
from django.utils import timezone

from fazhi.contracts import services as contracts
from fazhi.contracts.models import Contract, ContractStatus
from fazhi.core.kit.filters import OrgFilter, RecordFilter, SearchFilter, StatusFilter, YearFilter
from fazhi.core.kit.lists import list_page
from fazhi.core.kit.progress import Rung, StepState, current, mark_current
from fazhi.core.kit.voiding import Voiding, void_record
from fazhi.core.kit.workbench import Workbench
from fazhi.core.kit.years import parse_year, year_param
from fazhi.core.models import Role, TransitionEvent
from fazhi.core.scoping import WRITER_REFUSED, can_write_record, require_writer
from fazhi.core.workflow_views import FORM_REFUSED
from fazhi.testing.factories import UserFactory


def _contract(township, clerk, title="村级道路保洁服务合同", counterparty="某保洁服务有限公司") -> Contract:
    return contracts.register_contract(organisation=township, user=clerk, fields=dict(
        title=title, counterparty=counterparty, handling_unit="村建办", amount="86000.00"))


def test_one_year_parameter_with_one_bound(rf):
    """GIVEN any ?year= a person or a script may send WHEN it is read THEN only a year 2000–2100 counts."""
    table = {"2025": 2025, " 2025 ": 2025, "2000": 2000, "2100": 2100, "1999": None, "2101": None, "": None,
             None: None, "abcd": None, "２０２５": None, "-2025": None, "+2025": None, "2025.0": None, "20 25": None,
             "9" * 40: None, 2031: 2031}
    assert {raw: parse_year(raw) for raw in table} == table
    assert year_param(rf.get("/", {"year": "2031"}), 2024) == 2031
    assert year_param(rf.get("/", {"year": "2031"}), 2024, latest=2026) == 2024  # no report of a year to come
    assert year_param(rf.get("/", {"year": "1999"}), 2024) == 2024
    assert year_param(rf.get("/")) is None


class ContractTestFilter(RecordFilter):
    status = StatusFilter(ContractStatus.choices, groups={"open": ~Q(status=ContractStatus.CLOSED), "all": Q()})
    year = YearFilter("signed_on", undated="created_at")
    q = SearchFilter(("title", "counterparty"))
    org = OrgFilter()

    class Meta:
        model = Contract
        fields: list[str] = []


def test_a_filter_definition_forgives_and_combines(rf, township, other_township, clerk, other_clerk):
    """GIVEN contracts signed last year, a draft of this year and a closed one elsewhere WHEN lists are filtered
    THEN each filter narrows, unreadable values are ignored (never an error), and a page's default applies only
    when the parameter is absent."""
    this_year = timezone.localdate().year
    signed = _contract(township, clerk)
    Contract.objects.filter(pk=signed.pk).update(status=ContractStatus.SIGNED, signed_on=f"{this_year - 1}-03-01")
    draft = _contract(township, clerk, title="食堂承包协议", counterparty="张三")
    closed = _contract(other_township, other_clerk, title="保洁补充协议")
    Contract.objects.filter(pk=closed.pk).update(status=ContractStatus.CLOSED, signed_on=f"{this_year}-02-01")

    def pks(query: dict, **kwargs) -> set[int]:
        filters = ContractTestFilter(rf.get("/", query).GET, Contract.objects.active(), **kwargs)
        return set(filters.qs.values_list("pk", flat=True))

    everything = {signed.pk, draft.pk, closed.pk}
    assert pks({}) == everything
    assert pks({"year": this_year - 1}) == {signed.pk}
    assert pks({"year": this_year}) == {draft.pk, closed.pk}  # the draft by the year it was registered
    assert pks({"status": "closed"}) == {closed.pk}
    assert pks({"status": "open"}) == {signed.pk, draft.pk}
    assert pks({"q": " 保洁 "}) == {signed.pk, closed.pk}
    assert pks({"q": "张三"}) == {draft.pk}
    assert pks({"org": other_township.code}) == {closed.pk}
    assert pks({"q": "保洁", "year": this_year}) == {closed.pk}
    for unreadable in ({"year": "1999"}, {"year": "二〇二五"}, {"status": "lost"}, {"status": "all"}, {"q": ""},
                       {"q": "x\x00y"}, {"page": "9"}):
        assert pks(unreadable) == everything, unreadable
    assert pks({}, defaults={"status": "closed"}) == {closed.pk}
    assert pks({"status": ""}, defaults={"status": "closed"}) == everything  # chosen "全部" on the page

    shown = ContractTestFilter(rf.get("/", {"year": "abc", "status": "open"}).GET, Contract.objects.all())
    assert (shown.cleaned("year"), shown.cleaned("status")) == ("", "open")


def test_list_page_keeps_the_filters_and_forgives_page_numbers(rf):
    rows = list(range(120))
    page = list_page(rf.get("/", {"status": "open", "page": "2"}), rows)
    assert (page["page"].number, len(page["page"]), page["query"]) == (2, 50, "status=open")
    assert list_page(rf.get("/", {"page": "abc"}), rows)["page"].number == 1
    assert list_page(rf.get("/", {"page": "99"}), rows)["page"].number == 3


def _post(rf, user, data=None):
    request = rf.post("/", data or {})
    request.user = user
    request._messages = CookieStorage(request)
    return request


def _messages(request) -> list[str]:
    return [str(m) for m in request._messages]


class NoteForm(forms.Form):
    note = forms.CharField(label="说明")


def test_a_step_view_runs_its_service_or_shows_the_refusal_on_the_form(rf, township, clerk, other_clerk, supervisor):
    """GIVEN a step declared on a Workbench WHEN users post to it THEN scoping and the role matrix decide who may,
    a success redirects with its message, and a refusal re-renders the record's page (as stored) with the reason on
    the field, status 400."""
    contract = _contract(township, clerk)
    shown = []

    def page(request, record, bound, status):
        shown.append((record.title, bound, status))
        return HttpResponse(status=status)

    def run(record, user, data):
        record.title = "改过但未保存"
        if data["note"] == "不行":
            raise ValidationError({"note": "说明不符合规定"})
        return user

    view = Workbench(Contract, page=page, detail_route="contract_detail", name="contract").step(
        "note", NoteForm, run, "已登记说明")
    assert view.__name__ == "contract_note"

    request = _post(rf, clerk, {"note": "可以"})
    response = view(request, pk=contract.pk)
    assert (response.status_code, response.url, _messages(request)) == (302, f"/contracts/{contract.pk}/", ["已登记说明"])

    request = _post(rf, clerk, {"note": "不行"})
    assert view(request, pk=contract.pk).status_code == 400
    title, bound, status = shown[-1]
    assert (title, status, bound["note"].errors["note"]) == ("村级道路保洁服务合同", 400, ["说明不符合规定"])
    assert _messages(request) == [FORM_REFUSED]

    request = _post(rf, clerk, {})
    assert view(request, pk=contract.pk).status_code == 400 and shown[-1][1]["note"].errors["note"]

    with pytest.raises(Http404):  # another township's record does not exist for this user
        view(_post(rf, other_clerk, {"note": "可以"}), pk=contract.pk)
    with pytest.raises(PermissionDenied):  # the county reads, never writes
        view(_post(rf, supervisor, {"note": "可以"}), pk=contract.pk)
    officer = UserFactory(username="officer_kit", organisation=township, role=Role.ENFORCEMENT_OFFICER)
    with pytest.raises(PermissionDenied):  # the role does not handle contracts
        view(_post(rf, officer, {"note": "可以"}), pk=contract.pk)
    get = rf.get("/")
    get.user = clerk
    assert view(get, pk=contract.pk).status_code == 405


def test_a_void_view_asks_a_reason_and_shows_the_services_refusal(rf, township, clerk):
    contract = _contract(township, clerk)
    voided = []

    def service(record, *, user, reason):
        if reason == "已签订":
            raise ValidationError("已签订的合同不能作废")
        voided.append((record.pk, user, reason))

    view = Workbench(Contract, page=None, detail_route="contract_detail").void(service, success="已作废",
                                                                            failed="作废失败：")
    for data, message in (({}, "作废必须填写原因"), ({"reason": "已签订"}, "作废失败：已签订的合同不能作废"),
                          ({"reason": "重复登记"}, "已作废")):
        request = _post(rf, clerk, data)
        response = view(request, pk=contract.pk)
        assert (response.status_code, response.url, _messages(request)) == (302, f"/contracts/{contract.pk}/", [message])
    assert voided == [(contract.pk, clerk, "重复登记")]


def test_void_record_refuses_cascades_and_rolls_back_together(township, clerk):
    """GIVEN an institution's void rule WHEN a record is voided THEN the refusal leaves everything as it was, the
    record, its timeline entry and its cascade commit together, and a failing cascade undoes the void."""
    contract = _contract(township, clerk)
    cascaded = []

    def withdraw(record, *, user, reason):
        if reason == "出错":
            raise ValidationError("级联失败")
        cascaded.append((record.pk, record.is_void, user, reason))

    rule = Voiding(refuse=lambda c: "已签订的合同不能作废" if c.status == ContractStatus.SIGNED else None,
                   action="作废", cascade=(withdraw,))
    events = TransitionEvent.objects.filter(object_id=contract.pk, action="作废")

    Contract.objects.filter(pk=contract.pk).update(status=ContractStatus.SIGNED)
    with pytest.raises(ValidationError, match="已签订的合同不能作废"):
        void_record(contract, voiding=rule, user=clerk, reason="重复登记")
    Contract.objects.filter(pk=contract.pk).update(status=ContractStatus.DRAFT)
    with pytest.raises(ValidationError, match="级联失败"):
        void_record(contract, voiding=rule, user=clerk, reason="出错")
    with pytest.raises(ValidationError, match="作废必须填写原因"):
        void_record(contract, voiding=rule, user=clerk, reason="  ")
    assert not Contract.objects.get(pk=contract.pk).is_void and not events.exists() and cascaded == []

    done = void_record(contract, voiding=rule, user=clerk, reason=" 重复登记 ")
    assert done.is_void and Contract.objects.get(pk=contract.pk).void_reason == "重复登记"
    assert list(events.values_list("note", flat=True)) == ["重复登记"]
    assert cascaded == [(contract.pk, True, clerk, "重复登记")]
    with pytest.raises(ValidationError, match="该记录已作废"):
        void_record(contract, voiding=rule, user=clerk, reason="再次作废")


def test_the_typed_progress_ladder():
    """The first open rung is the current one; a rung already current stays so; the states read as their values
    in templates and JSON."""
    ladder = mark_current([Rung("立案", StepState.DONE), Rung("法制审核", StepState.SKIPPED),
                           Rung("告知", StepState.TODO), Rung("决定", StepState.TODO)])
    assert [r.state for r in ladder] == ["done", "skipped", "current", "todo"]
    assert current(ladder).label == "告知" and [r.settled for r in ladder] == [True, True, False, False]
    running = mark_current([Rung("起草", StepState.DONE), Rung("征求意见", StepState.CURRENT), Rung("审核", StepState.TODO)])
    assert [r.state for r in running] == ["done", "current", "todo"]
    assert current(mark_current([Rung("备案", StepState.LATE)])) is None
    assert json.dumps({"state": StepState.DONE}) == '{"state": "done"}'
    assert Template('{% if s.state == "current" %}{{ s.state }}{% endif %}').render(Context({"s": ladder[2]})) == "current"


def test_one_may_write_check(township, clerk, other_clerk, supervisor):
    contract = _contract(township, clerk)
    officer = UserFactory(username="officer_kit", organisation=township, role=Role.ENFORCEMENT_OFFICER)
    assert can_write_record(clerk, contract)
    assert not can_write_record(other_clerk, contract)
    assert not can_write_record(supervisor, contract)
    assert not can_write_record(officer, contract)  # contracts are not the officer's area
    assert can_write_record(officer, contract, area=None)  # … though the township is theirs
    assert can_write_record(officer, contract, area="enforcement")
    assert require_writer(clerk) == township
    with pytest.raises(PermissionDenied, match=WRITER_REFUSED):
        require_writer(supervisor)
    with pytest.raises(PermissionDenied, match="不能登记或办理申请"):
        require_writer(supervisor, "您的角色只能查看，不能登记或办理申请")
