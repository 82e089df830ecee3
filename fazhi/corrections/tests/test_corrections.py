"""Community corrections: who may see a person, the daily/monthly schedule, the counts that leave the module."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core import clock
from fazhi.corrections.models import AccessLog, ContactKind, ContactLog, Incident, Supervisee
from fazhi.corrections.schedule import kept_on_schedule, missing_contact, missing_education
from fazhi.indicators.registry import Scope, get
from fazhi.reports.compose import compose_report
from fazhi.reports.services import report_new
from fazhi.testing.factories import UserFactory

NAME = "张某某敏感"


def person(township, number="矫2025-001", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), kind="correction", **extra):
    return Supervisee.objects.create(
        organisation=township, kind=kind, number=number, name=extra.pop("name", NAME), gender="男",
        correction_type="probation" if kind == "correction" else "released", period_start=start, period_end=end, **extra,
    )


def contacts(p, days, kind=ContactKind.PHONE):
    for day in days:
        ContactLog.objects.create(organisation=p.organisation, supervisee=p, on=day, kind=kind)


def every_day(start, end):
    day = start
    while day <= end:
        yield day
        day += dt.timedelta(days=1)


# ---------------------------------------------------------------- who may see a person

@pytest.mark.parametrize("persona", ["clerk", "leader", "supervisor"])
def test_the_townships_other_staff_and_the_county_are_refused(client, request, township, persona):
    p = person(township)
    client.force_login(request.getfixturevalue(persona))
    for url in (reverse("corrections_index"), reverse("corrections_person", args=[p.pk]), reverse("corrections_export")):
        response = client.get(url)
        assert response.status_code == 403 and NAME not in response.content.decode()
    assert not AccessLog.objects.exists()


def test_the_judicial_office_of_another_township_gets_404_by_id(client, township, other_judicial_officer):
    p = person(township)
    client.force_login(other_judicial_officer)
    assert client.get(reverse("corrections_person", args=[p.pk])).status_code == 404
    assert client.post(reverse("corrections_contact", args=[p.pk]), {"on": "2025-03-01", "kind": "phone"}).status_code == 404
    assert NAME not in client.get(reverse("corrections_index") + "?state=all").content.decode()


def test_every_view_and_export_is_logged(client, township, judicial_officer):
    p = person(township, start=dt.date(2025, 1, 1), end=dt.date(2099, 1, 1))
    client.force_login(judicial_officer)
    page = client.get(reverse("corrections_person", args=[p.pk])).content.decode()
    assert NAME in page
    response = client.get(reverse("corrections_export") + "?state=all")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [c.value for c in sheet[2]][:2] == ["矫2025-001", NAME]
    assert list(AccessLog.objects.values_list("action", "user__username")) == [("导出名册", "sifasuo_a"), ("查看", "sifasuo_a")]
    assert "导出名册" in client.get(reverse("corrections_access_log")).content.decode()


def test_the_register_form_speaks_chinese_and_saves_nothing_half(client, township, judicial_officer):
    client.force_login(judicial_officer)
    response = client.post(reverse("corrections_new"), {
        "kind": "resettlement", "number": "帮2025-001", "name": "李某", "gender": "男", "id_number": "12345",
        "correction_type": "probation", "period_start": "2025-05-01", "period_end": "2025-01-01",
    })
    text = response.content.decode()
    assert response.status_code == 200 and "身份证号应为18位" in text and "期止不能早于期起" in text
    assert not Supervisee.objects.exists()


# ---------------------------------------------------------------- the schedule: 日日有电联、月月有集中教育

def test_the_dashboard_lists_who_is_missing_a_contact_today_and_an_education_this_month(client, township, judicial_officer):
    today = clock.today()
    called = person(township, "矫1", start=today - dt.timedelta(days=40), end=today + dt.timedelta(days=100), name="甲某")
    missed = person(township, "矫2", start=today - dt.timedelta(days=40), end=today + dt.timedelta(days=100), name="乙某")
    person(township, "矫3", start=today - dt.timedelta(days=400), end=today - dt.timedelta(days=1), name="丙某")  # ended
    contacts(called, [today])
    contacts(called, [today.replace(day=1)], ContactKind.EDUCATION)
    assert missing_contact(township, today) == [missed]
    assert missing_education(township, today) == [missed]
    client.force_login(judicial_officer)
    page = client.get(reverse("corrections_index")).content.decode()
    assert "今日（" in page and "乙某" in page
    response = client.post(reverse("corrections_daily"), {"on": today.isoformat(), "kind": "phone", "people": [missed.pk]})
    assert response.status_code == 302 and missing_contact(township, today) == []


def test_kept_on_schedule_over_a_year_with_real_dates(township):
    today = dt.date(2026, 1, 10)
    kept = person(township, "矫1", start=dt.date(2025, 10, 8), end=dt.date(2026, 6, 30))
    contacts(kept, every_day(dt.date(2025, 10, 8), dt.date(2025, 12, 31)))
    contacts(kept, [dt.date(2025, 10, 20), dt.date(2025, 11, 15), dt.date(2025, 12, 12)], ContactKind.EDUCATION)
    gap = person(township, "矫2", start=dt.date(2025, 10, 8), end=dt.date(2026, 6, 30))
    contacts(gap, [d for d in every_day(dt.date(2025, 10, 8), dt.date(2025, 12, 31)) if d != dt.date(2025, 10, 3 + 1 * 7)])
    contacts(gap, [dt.date(2025, 10, 20), dt.date(2025, 11, 15), dt.date(2025, 12, 12)], ContactKind.EDUCATION)
    no_class = person(township, "矫3", start=dt.date(2025, 10, 8), end=dt.date(2026, 6, 30))
    contacts(no_class, every_day(dt.date(2025, 10, 8), dt.date(2025, 12, 31)))
    contacts(no_class, [dt.date(2025, 10, 20), dt.date(2025, 12, 12)], ContactKind.EDUCATION)  # none in November
    verdicts = kept_on_schedule([kept, gap, no_class], 2025, today)
    assert verdicts == {kept.pk: True, gap.pk: False, no_class.pk: False}
    # the month still running is not yet required: on 2025-12-20 December's education may still come
    verdicts = kept_on_schedule([no_class], 2025, dt.date(2025, 11, 30))
    assert verdicts[no_class.pk] is True


# ---------------------------------------------------------------- what leaves the module: counts

def test_counts_rate_and_incidents_for_the_year(township):
    a = person(township, "矫1", start=dt.date(2024, 6, 1), end=dt.date(2026, 5, 31))
    person(township, "矫2", start=dt.date(2025, 3, 1), end=dt.date(2025, 9, 30))  # ended in the year: not on the roll
    person(township, "帮1", kind="resettlement", start=dt.date(2024, 1, 1), end=dt.date(2028, 1, 1))
    scope = Scope((township,), 2025)
    assert get("corrections_on_roll").compute(scope).value == 1
    assert get("resettlement_on_roll").compute(scope).value == 1
    assert get("corrections_schedule_rate").compute(scope).denominator == 2
    Incident.objects.create(organisation=township, supervisee=a, on=dt.date(2025, 8, 1), kind="warning", note="未按时报到")
    assert get("corrections_incidents").compute(scope).value == 0  # a warning is not 脱管/漏管/重新犯罪
    Incident.objects.create(organisation=township, supervisee=a, on=dt.date(2025, 8, 2), kind="abscond", note="外出未请假")
    assert get("corrections_incidents").compute(scope).value == 1


def test_the_report_states_counts_and_the_zero_never_the_people(township):
    person(township, "矫1", start=dt.date(2024, 6, 1), end=dt.date(2026, 5, 31))
    composed = compose_report(report_new(township, 2025))
    text = "\n".join(p.plain for s in composed.sections for p in s.paragraphs)
    assert "年末在册社区矫正对象1人" in text and "无脱管、漏管和重新犯罪" in text
    assert "按每日电话报到、每月集中教育的要求，全年落实到位的0人" in text  # a requirement, not claimed as done
    assert "（0" not in text
    assert NAME not in text


def test_the_records_behind_the_figure_are_listed_to_the_judicial_office_only(client, township, clerk, supervisor,
                                                                               judicial_officer):
    person(township, "矫1", start=dt.date(2024, 6, 1), end=dt.date(2026, 5, 31))
    url = reverse("indicator_records", args=["corrections_on_roll"]) + f"?org={township.code}&year=2025"
    for user in (clerk, supervisor):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert "data-restricted" in page and NAME not in page and 'data-count="1"' in page
    client.force_login(judicial_officer)
    assert NAME in client.get(url).content.decode()
