"""The system admin maintains county → township → village and the users, in Chinese, without deleting anything."""
from __future__ import annotations

import pytest

from fazhi.core.models import Organisation, OrgKind, Role, User
from fazhi.testing.factories import UserFactory


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(username="sysadmin", role=Role.ADMIN, organisation=None, is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def add_org(client, **data):
    return client.post("/admin/core/organisation/add/", {"is_active": "on", "superior_body": "", **data})


def test_admin_builds_the_organisation_tree(admin_client):
    add_org(admin_client, code="X", name="新县", kind=OrgKind.COUNTY)
    county = Organisation.objects.get(code="X")
    add_org(admin_client, code="X01", name="新镇", kind=OrgKind.TOWNSHIP, parent=county.pk)
    town = Organisation.objects.get(code="X01")
    add_org(admin_client, code="X0101", name="新村", kind=OrgKind.VILLAGE, parent=town.pk)
    assert Organisation.objects.get(code="X0101").township == town


def test_a_village_directly_under_a_county_is_refused_in_chinese(admin_client, county):
    response = add_org(admin_client, code="BAD", name="错村", kind=OrgKind.VILLAGE, parent=county.pk)
    assert response.status_code == 200
    assert "村（社区）的上级必须是乡镇（街道）" in response.content.decode()
    assert not Organisation.objects.filter(code="BAD").exists()


def test_admin_creates_a_clerk_of_a_township(admin_client, township):
    response = admin_client.post("/admin/core/user/add/", {
        "username": "new_clerk", "password1": "Zhen-fa-2025!x", "password2": "Zhen-fa-2025!x",
        "usable_password": "true", "full_name": "新办事员", "organisation": township.pk, "role": Role.CLERK,
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="new_clerk")
    assert user.organisation == township and user.role == Role.CLERK


def test_a_clerk_cannot_belong_to_the_county(admin_client, county):
    response = admin_client.post("/admin/core/user/add/", {
        "username": "wrong", "password1": "Zhen-fa-2025!x", "password2": "Zhen-fa-2025!x",
        "usable_password": "true", "organisation": county.pk, "role": Role.CLERK,
    })
    assert "乡镇工作人员必须属于乡镇（街道）" in response.content.decode()
    assert not User.objects.filter(username="wrong").exists()


def test_organisations_and_users_cannot_be_deleted(admin_client, township, clerk):
    assert admin_client.get(f"/admin/core/organisation/{township.pk}/delete/").status_code == 403
    assert admin_client.get(f"/admin/core/user/{clerk.pk}/delete/").status_code == 403


def test_township_staff_cannot_open_the_admin(client, clerk):
    client.force_login(clerk)
    response = client.get("/admin/core/organisation/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
