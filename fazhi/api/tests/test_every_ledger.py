"""Every registered ledger, through the generic endpoints: the same lifecycle and the same refusals."""
from __future__ import annotations

import datetime as dt

import pytest
from django import forms

from fazhi.api.tests.helpers import api, chinese, factory_for, payload_for
from fazhi.core.ledgers import all_ledgers, get_ledger

SLUGS = [ledger.slug for ledger in all_ledgers()]


def url(slug: str, pk=None, action: str = "") -> str:
    base = f"/api/ledgers/{slug}/"
    if pk is not None:
        base += f"{pk}/"
    return base + (f"{action}/" if action else "")


def text_field(ledger) -> str:
    """A free-text field of the ledger's form, to change in an update."""
    for name, field in ledger.form_class.base_fields.items():
        if type(field) is forms.CharField and (field.max_length or 100) >= 10:
            return name
    raise AssertionError(f"{ledger.slug} has no free-text field")


@pytest.fixture
def existing(request, township):
    """A record of township A in the ledger under test."""
    ledger = get_ledger(request.param)
    return ledger, factory_for(ledger.model)(organisation=township)


def test_every_ledger_has_a_test_factory():
    assert [slug for slug in SLUGS if factory_for(get_ledger(slug).model) is None] == []


def test_the_index_describes_every_ledger(clerk):
    body = api(clerk).get("/api/ledgers/").json()
    assert [item["slug"] for item in body] == SLUGS
    for item in body:
        ledger = get_ledger(item["slug"])
        assert [f["name"] for f in item["fields"]] == list(ledger.form_class._meta.fields)
        assert all(chinese(f["label"]) for f in item["fields"])


@pytest.mark.parametrize("slug", SLUGS)
def test_clerk_creates_reads_updates_and_voids(slug, clerk, township, other_township):
    ledger = get_ledger(slug)
    client = api(clerk)
    payload = payload_for(ledger, township)
    payload["organisation"] = other_township.code  # ignored: rows belong to the writer's township
    created = client.post(url(slug), payload, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["organisation"] == township.code and body["voided"] is False
    obj = ledger.model.objects.get(pk=body["id"])
    assert obj.organisation == township and obj.created_by == clerk and obj.history.count() == 1
    for name in ledger.form_class._meta.fields:
        if ledger.field(name).choices:
            assert body[f"{name}_display"] == getattr(obj, f"get_{name}_display")()

    assert client.get(url(slug, obj.pk)).json() == body
    assert [row["id"] for row in client.get(url(slug)).json()["results"]] == [obj.pk]

    field = text_field(ledger)
    patched = client.patch(url(slug, obj.pk), {field: "经接口修改"}, format="json")
    assert patched.status_code == 200, patched.json()
    assert patched.json()[field] == "经接口修改"
    put = client.put(url(slug, obj.pk), {**payload, field: "整体替换"}, format="json")
    assert put.status_code == 200, put.json()
    obj.refresh_from_db()
    assert getattr(obj, field) == "整体替换" and obj.history.count() == 3
    assert obj.history.first().history_user == clerk

    deleted = client.delete(url(slug, obj.pk))  # a record is voided, never deleted
    assert deleted.status_code == 405 and "作废" in deleted.json()["detail"]
    assert ledger.model.objects.filter(pk=obj.pk, voided_at__isnull=True).exists()

    voided = client.post(url(slug, obj.pk, "void"), {"reason": "重复录入"}, format="json")
    assert voided.status_code == 200 and voided.json()["voided"] is True
    assert voided.json()["void_reason"] == "重复录入"
    assert client.get(url(slug)).json()["count"] == 0
    assert client.get(url(slug), {"voided": "1"}).json()["count"] == 1
    assert ledger.model.objects.filter(pk=obj.pk).exists() and obj.history.count() == 4


@pytest.mark.parametrize("slug", SLUGS)
def test_a_future_date_a_missing_required_field_a_negative_count_or_a_wrong_type_is_refused(slug, clerk, township):
    ledger = get_ledger(slug)
    client = api(clerk)
    payload = payload_for(ledger, township)
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    response = client.post(url(slug), {**payload, ledger.date_field: tomorrow}, format="json")
    assert response.status_code == 400
    assert "不能晚于今天" in response.json()[ledger.date_field][0]

    required = next(n for n, f in ledger.form_class.base_fields.items() if f.required and not ledger.field(n).has_default())
    missing = {k: v for k, v in payload.items() if k != required}
    response = client.post(url(slug), missing, format="json")
    assert response.status_code == 400 and chinese(response.json()[required])
    assert ledger.model.objects.count() == 0

    for name, field in ledger.form_class.base_fields.items():
        if isinstance(field, forms.IntegerField):
            for bad in (-1, "很多", [1], {"n": 1}):
                response = client.post(url(slug), {**payload, name: bad}, format="json")
                assert response.status_code == 400, (name, bad)
                assert chinese(response.json()[name]), response.json()
    response = client.post(url(slug), {**payload, ledger.date_field: 20240520}, format="json")
    assert response.status_code == 400 and chinese(response.json()[ledger.date_field])
    assert ledger.model.objects.count() == 0


@pytest.mark.parametrize("existing", SLUGS, indirect=True)
def test_another_townships_clerk_gets_404_and_changes_nothing(existing, other_clerk, township):
    ledger, obj = existing
    client = api(other_clerk)
    before = client.get(url(ledger.slug))
    assert before.status_code == 200 and before.json()["count"] == 0
    assert client.get(url(ledger.slug), {"org": township.code}).json()["count"] == 0
    assert client.get(url(ledger.slug, obj.pk)).status_code == 404
    assert client.patch(url(ledger.slug, obj.pk), {}, format="json").status_code == 404
    assert client.put(url(ledger.slug, obj.pk), payload_for(ledger, township), format="json").status_code == 404
    response = client.post(url(ledger.slug, obj.pk, "void"), {"reason": "越权"}, format="json")
    assert response.status_code == 404 and chinese(response.json()["detail"])
    assert obj.history.count() == 1
    obj.refresh_from_db()
    assert not obj.is_void


@pytest.mark.parametrize("existing", SLUGS, indirect=True)
def test_the_supervisor_reads_both_townships_and_writes_nothing(existing, supervisor, township, other_township):
    ledger, obj = existing
    factory_for(ledger.model)(organisation=other_township)
    client = api(supervisor)
    assert client.get(url(ledger.slug)).json()["count"] == 2
    assert client.get(url(ledger.slug), {"org": other_township.code}).json()["count"] == 1
    assert client.get(url(ledger.slug, obj.pk)).status_code == 200
    for response in (
        client.post(url(ledger.slug), payload_for(ledger, township), format="json"),
        client.put(url(ledger.slug, obj.pk), payload_for(ledger, township), format="json"),
        client.patch(url(ledger.slug, obj.pk), {}, format="json"),
        client.post(url(ledger.slug, obj.pk, "void"), {"reason": "县里作废"}, format="json"),
    ):
        assert response.status_code == 403 and chinese(response.json()["detail"])
    assert ledger.model.objects.count() == 2 and obj.history.count() == 1
