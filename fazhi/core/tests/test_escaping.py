"""Whatever a clerk types is shown as text: markup in a record never runs on a colleague's screen."""
from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.ledgers import get_ledger
from fazhi.core.tests.ledger_helpers import YEAR, excel_row, form_data, header, xlsx
from fazhi.testing.factories import VillageFactory

EVIL = '<script>alert("x")</script>'


def test_markup_in_a_record_is_escaped_on_every_page(client, clerk, supervisor, township):
    ledger = get_ledger("publicity-events")
    client.force_login(clerk)
    response = client.post("/ledgers/publicity-events/new/", form_data(ledger, township, title=EVIL, notes=EVIL + "\n第二行"))
    event = ledger.model.objects.get()
    pages = [client.get(response["Location"]).content.decode()]  # with the "已保存" message
    client.post(f"/ledgers/publicity-events/{event.pk}/edit/", form_data(ledger, township, title=EVIL + "改", notes=EVIL))
    client.post(f"/ledgers/publicity-events/{event.pk}/void/", {"reason": EVIL})
    pages.append(client.get(f"/ledgers/publicity-events/{event.pk}/").content.decode())
    pages.append(client.get("/ledgers/publicity-events/?voided=1").content.decode())
    client.force_login(supervisor)
    pages.append(client.get(f"/ledgers/publicity-events/{event.pk}/").content.decode())
    for page in pages:
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert" in page


def test_markup_in_an_imported_cell_is_escaped_in_the_error_list(clerk_client, township):
    ledger = get_ledger("legal-liaisons")
    row = excel_row(ledger, ledger.model(
        organisation=township, name="张三", kind="legal_literate", village=VillageFactory(parent=township),
        registered_on=dt.date(YEAR, 3, 1),
    ))
    row[list(ledger.excel_fields).index("village")] = EVIL
    page = clerk_client.post(
        "/ledgers/legal-liaisons/import/", {"file": SimpleUploadedFile("a.xlsx", xlsx([row], header(ledger))), "year": YEAR}
    ).content.decode()
    assert "不是本乡镇的村（社区）" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
