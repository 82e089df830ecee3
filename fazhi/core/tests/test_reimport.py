"""Safe re-imports: the same Excel file twice, or rows that repeat records, are shown before anything is saved and
need an explicit choice (only the new rows / all of them / cancel), which is kept; the staged file is the uploader's
alone."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from fazhi.core import clock
from fazhi.core.ledgers import all_ledgers, get_ledger
from fazhi.core.ledgers.staging import KEEP_FOR
from fazhi.core.models import ImportDecision, ImportedFile, Role, StagedImport
from fazhi.indicators.registry import Scope, get
from fazhi.publicity.models import PublicityEvent
from fazhi.testing.factories import PublicityEventFactory, UserFactory

YEAR = clock.current_year() - 1
URL = "/ledgers/publicity-events/import/"
LEDGER = "publicity-events"


def xlsx(titles, day=None) -> bytes:
    ledger = get_ledger(LEDGER)
    wb = Workbook()
    ws = wb.active
    ws.append([ledger.label(n) for n in ledger.excel_fields])
    for title in titles:
        row = {"held_on": day or dt.date(YEAR, 5, 1), "title": title, "campaign": "民法典宣传月", "channel": "线下",
               "place": "村委会", "organiser": "司法所", "audience": 80, "materials": 100, "consultations": 6}
        ws.append([row.get(n, "") for n in ledger.excel_fields])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def upload(client, data: bytes, name="宣传活动.xlsx"):
    return client.post(URL, {"file": SimpleUploadedFile(name, data), "year": YEAR})


def token_of(page: str) -> str:
    return re.search(r'name="staged" value="([0-9a-f]{64})"', page).group(1)


def choose(client, page_or_token: str, choice: str):
    token = page_or_token if re.fullmatch(r"[0-9a-f]{64}", page_or_token) else token_of(page_or_token)
    return client.post(URL, {"staged": token, "choice": choice}, follow=True)


def events_figure(township) -> int:
    return get("publicity_events").compute(Scope.for_org(township, YEAR)).value


def test_every_ledger_declares_a_natural_key_of_imported_stored_fields():
    for ledger in all_ledgers():
        assert ledger.natural_key_declared, ledger.slug
        for name in ledger.natural_key:
            field = ledger.field(name)  # exists on the model
            assert field.concrete and not field.many_to_many and name in ledger.excel_fields, (ledger.slug, name)


def test_a_file_without_duplicates_imports_in_one_step_and_is_kept(clerk_client, clerk, township):
    page = upload(clerk_client, xlsx(["甲", "乙"])).content.decode()
    assert "已导入2条记录" in page and "data-import-decision" not in page
    kept = ImportedFile.objects.get()
    assert (kept.decision, kept.rows_imported, kept.created_by, kept.organisation) == (
        ImportDecision.NO_DUPLICATES, 2, clerk, township)
    assert sorted(kept.record_ids) == sorted(PublicityEvent.objects.values_list("pk", flat=True))
    assert "本台账最近的导入记录" in page and "无重复，直接导入" in page


def test_the_same_file_twice_is_shown_and_nothing_is_saved_until_the_choice(clerk_client, township):
    data = xlsx(["甲", "乙"])
    upload(clerk_client, data, name="第一次.xlsx")
    first = ImportedFile.objects.get()
    page = upload(clerk_client, data, name="第二次.xlsx").content.decode()
    assert "data-import-decision" in page and "尚未保存任何记录" in page
    assert f'data-previous-import="{first.pk}"' in page and "第一次.xlsx" in page
    assert 'data-new-rows="0"' in page and 'data-duplicate-rows="2"' in page
    for pk in first.record_ids:  # each repeated row names the record it repeats, with a link
        assert f'href="/ledgers/{LEDGER}/{pk}/"' in page
    assert PublicityEvent.objects.count() == 2 and ImportedFile.objects.count() == 1
    assert StagedImport.objects.count() == 1 and events_figure(township) == 2

    page = choose(clerk_client, page, "all").content.decode()
    assert "已导入2条记录" in page and PublicityEvent.objects.count() == 4 and events_figure(township) == 4
    again = ImportedFile.objects.order_by("pk").last()
    assert (again.decision, again.repeated, again.rows_imported, again.duplicates_imported) == (
        ImportDecision.ALL, True, 2, 2)
    assert "全部导入（含重复的行）（同一文件再次导入）" in page
    assert not StagedImport.objects.exists()


def test_a_file_whose_records_were_all_voided_imports_again_without_a_question(clerk_client, clerk):
    data = xlsx(["甲"])
    upload(clerk_client, data)
    PublicityEvent.objects.get().void(reason="导错了", user=clerk)
    page = upload(clerk_client, data).content.decode()
    assert "已导入1条记录" in page and "data-import-decision" not in page
    assert PublicityEvent.objects.active().count() == 1


def _mixed_file(clerk_client, township):
    """One row repeats an active record, one repeats an earlier row, two are new."""
    existing = PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1), title=" 宪法进乡村")
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1), title="已作废活动").void(reason="重复")
    page = upload(clerk_client, xlsx(["宪法进乡村", "民法典进万家", "民法典进万家", "已作废活动"])).content.decode()
    assert "data-import-decision" in page and PublicityEvent.objects.count() == 2
    assert 'data-new-rows="2"' in page and 'data-duplicate-rows="2"' in page
    assert 'data-duplicate-row="2"' in page and f'data-existing-record="{existing.pk}"' in page
    assert 'data-duplicate-row="4"' in page and "本文件第3行" in page
    assert 'data-duplicate-row="5"' not in page  # a voided record is not a duplicate
    return page


def test_only_the_new_rows(clerk_client, township):
    page = choose(clerk_client, _mixed_file(clerk_client, township), "new_only").content.decode()
    assert "已导入2条记录；与已有记录或本文件其他行相同的2行已跳过" in page
    assert PublicityEvent.objects.active().filter(title="宪法进乡村").count() == 0  # the existing one is " 宪法进乡村"
    assert PublicityEvent.objects.active().filter(title__contains="宪法进乡村").count() == 1
    assert PublicityEvent.objects.active().filter(title="民法典进万家").count() == 1
    assert events_figure(township) == 3
    kept = ImportedFile.objects.get()
    assert (kept.decision, kept.rows_imported, kept.duplicates_skipped, kept.duplicates_imported) == (
        ImportDecision.NEW_ONLY, 2, 2, 0)


def test_all_rows_anyway(clerk_client, township):
    page = choose(clerk_client, _mixed_file(clerk_client, township), "all").content.decode()
    assert "已导入4条记录" in page and events_figure(township) == 5
    kept = ImportedFile.objects.get()
    assert (kept.decision, kept.rows_imported, kept.duplicates_skipped, kept.duplicates_imported) == (
        ImportDecision.ALL, 4, 0, 2)


def test_cancel_saves_nothing_and_is_kept(clerk_client, township):
    page = _mixed_file(clerk_client, township)
    response = choose(clerk_client, page, "cancel")
    assert response.redirect_chain[-1][0] == URL and "已取消，未导入任何记录" in response.content.decode()
    assert PublicityEvent.objects.count() == 2 and events_figure(township) == 1
    kept = ImportedFile.objects.get()
    assert (kept.decision, kept.rows_imported) == (ImportDecision.CANCEL, 0)
    assert not StagedImport.objects.exists()
    # A cancelled import is not "imported before": the same file asks about its duplicate rows only.
    page = upload(clerk_client, xlsx(["宪法进乡村", "民法典进万家", "民法典进万家", "已作废活动"])).content.decode()
    assert "data-import-decision" in page and "data-previous-import" not in page


def test_a_second_click_imports_nothing_more(clerk_client, township):
    page = _mixed_file(clerk_client, township)
    token = token_of(page)
    choose(clerk_client, token, "all")
    page = choose(clerk_client, token, "all").content.decode()
    assert "已过期或已处理" in page and PublicityEvent.objects.count() == 6


def test_another_township_or_another_clerk_cannot_confirm_the_staged_import(
    client, clerk_client, township, other_township
):
    token = token_of(_mixed_file(clerk_client, township))
    for user in (UserFactory(username="clerk_b", organisation=other_township, role=Role.CLERK),
                 UserFactory(username="clerk_a2", organisation=township, role=Role.CLERK)):
        client.force_login(user)
        assert client.post(URL, {"staged": token, "choice": "all"}).status_code == 404
    assert PublicityEvent.objects.count() == 2 and StagedImport.objects.count() == 1
    assert not ImportedFile.objects.exists()


def test_the_staged_import_belongs_to_its_ledger(clerk_client, township):
    token = token_of(_mixed_file(clerk_client, township))
    response = clerk_client.post("/ledgers/study-sessions/import/", {"staged": token, "choice": "all"})
    assert response.status_code == 404 and PublicityEvent.objects.count() == 2


@pytest.mark.parametrize("token", ["", "abc", "<script>", "0" * 64, "f" * 65])
def test_a_bad_or_unknown_token_is_explained_in_chinese(clerk_client, token):
    response = clerk_client.post(URL, {"staged": token, "choice": "all"}, follow=True)
    assert response.status_code == 200 and "待确认的导入已过期或已处理，未导入任何记录" in response.content.decode()
    assert not PublicityEvent.objects.exists()


def test_an_expired_staged_import_is_explained_and_removed(clerk_client, township):
    token = token_of(_mixed_file(clerk_client, township))
    StagedImport.objects.update(created_at=clock.now() - KEEP_FOR - dt.timedelta(minutes=1))
    page = choose(clerk_client, token, "all").content.decode()
    assert "待确认的导入已过期或已处理" in page and PublicityEvent.objects.count() == 2
    assert not StagedImport.objects.exists()


def test_a_missing_choice_is_explained(clerk_client, township):
    token = token_of(_mixed_file(clerk_client, township))
    page = clerk_client.post(URL, {"staged": token, "choice": "everything"}).content.decode()
    assert "请选择：只导入新的行、全部导入或取消" in page and PublicityEvent.objects.count() == 2
    assert StagedImport.objects.count() == 1  # still waiting for a real choice
