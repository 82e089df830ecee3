"""打包下载全县年度报告: every township's report of a year in one .zip, made by the worker or by its page in steps.

The county of the tests: 甲镇 submitted twice (returned, then accepted), 乙镇 saved a report and never submitted,
丙镇 wrote nothing, 丁镇's report was written elsewhere and imported (its original file is stored), and one
imported report carries the name of a township the county has not registered (its file is not stored).
"""
from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from fazhi.core import jobs
from fazhi.core.models import AuditEvent, AuditKind
from fazhi.core.tests.queue_fixture import job_queue  # noqa: F401 - the fixture
from fazhi.oversight import bundles
from fazhi.oversight.bundles import advance, bundle_progress, start_bundle
from fazhi.oversight.filing import accept_submission, return_submission, submit_report
from fazhi.oversight.importing import Upload, process_batch, start_batch
from fazhi.oversight.models import BundleStatus, ReportBundle, Submission
from fazhi.oversight.tests.factories import imported_report, saved_report
from fazhi.oversight.tests.test_importing import REPORT
from fazhi.testing.factories import TownshipFactory

YEAR = 2025


@pytest.fixture
def county_year(county, township, other_township, clerk, other_clerk, leader, supervisor):
    """The four townships in their four states, and a report of a township the county does not know."""
    bing = TownshipFactory(code="T903", name="丙镇", parent=county)
    ding = TownshipFactory(code="T904", name="丁镇", parent=county)
    saved_report(township, YEAR, clerk)
    first = submit_report(township, YEAR, leader, "自查问题已核实")
    return_submission(first, supervisor, "请补充第三部分")
    second = submit_report(township, YEAR, leader, "自查问题已核实")
    accept_submission(second, supervisor)
    saved_report(other_township, YEAR, other_clerk)
    original = REPORT.replace("甲镇", "丁镇").encode("gb18030")
    batch = start_batch(county, [Upload("丁镇2025年报告.txt", original)], user=supervisor, year=YEAR)
    process_batch(batch)
    imported_report(county, year=YEAR, name="外县某镇", text="外县某镇2025年法治政府建设报告正文")
    return {"second": second, "bing": bing, "ding": ding, "original": original}


def _zip(bundle: ReportBundle) -> zipfile.ZipFile:
    bundle.refresh_from_db()
    with bundle.file.open("rb") as fh:
        return zipfile.ZipFile(io.BytesIO(fh.read()))


def _entry(bundle, township, state=None):
    found = [e for e in bundle.entries if e["township"] == township and (state is None or e["state"] == state)]
    assert len(found) == 1, bundle.entries
    return found[0]


def test_the_bundle_holds_each_townships_report_in_its_state_and_the_county_files(county, county_year, supervisor):
    bundle, created = start_bundle(county, YEAR, supervisor)
    assert created and bundle.total == 4 + 2
    assert advance(bundle) == 6 and bundle.status == BundleStatus.DONE and bundle.done == bundle.total
    archive = _zip(bundle)
    root = "示例县2025年度乡镇（街道）法治政府建设报告/"
    names = archive.namelist()
    assert all(n.startswith(root) for n in names)

    accepted = _entry(bundle, "甲镇")
    assert accepted["state"] == "已接收" and accepted["version"] == "第2版"
    assert accepted["path"].startswith("甲镇/") and "（第2版，已接收）.docx" in accepted["path"]
    assert archive.read(root + accepted["path"]) == bytes(county_year["second"].docx)  # exactly as frozen

    draft = _entry(bundle, "乙镇")
    assert draft["state"] == "草稿（未报送）" and "（草稿，未报送）.docx" in draft["path"]
    text = "\n".join(p.text for p in Document(io.BytesIO(archive.read(root + draft["path"]))).paragraphs)
    assert "乙镇" in text and "法治政府建设" in text

    missing = _entry(bundle, "丙镇")
    assert missing["state"] == "未编写" and missing["path"] == "" and "work" not in missing

    imported = _entry(bundle, "丁镇")
    assert imported["state"] == "导入" and imported["path"] == "丁镇/导入-丁镇2025年报告.txt"
    assert archive.read(root + imported["path"]) == county_year["original"]  # the original bytes (GB18030)

    loose = _entry(bundle, "外县某镇")
    assert loose["path"].startswith("其他导入报告/") and loose["path"].endswith("（提取的文本）.txt")
    assert "原文件未保存" in loose["note"]
    assert "外县某镇2025年法治政府建设报告正文" in archive.read(root + loose["path"]).decode("utf-8-sig")

    summary = root + "示例县2025年度乡镇法治政府建设情况汇总报告.docx"
    assert "汇总报告" in "\n".join(p.text for p in Document(io.BytesIO(archive.read(summary))).paragraphs)
    comparison = load_workbook(io.BytesIO(archive.read(root + "示例县2025年度乡镇法治指标比较.xlsx")))
    assert "甲镇" in str([c.value for row in comparison.active.iter_rows() for c in row])

    manifest = archive.read(root + "目录.txt").decode("utf-8-sig")
    assert "乡镇（街道）4个：已接收1个，草稿（未报送）1个，未编写1个，导入1个" in manifest
    for line in ("甲镇\t已接收\t第2版\t" + accepted["path"], "丙镇\t未编写\t\t（无文件）", "乙镇\t草稿（未报送）\t未报送\t"):
        assert line in manifest, manifest
    sheet = load_workbook(io.BytesIO(archive.read(root + "目录.xlsx"))).active
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["序号", "乡镇（街道）", "状态", "版本", "文件", "说明"] in cells
    assert len([r for r in cells if isinstance(r[0], int)]) == len(bundle.entries) == 7
    # the pieces made on the way are gone, the bundle's .zip stays, outside the web root (MEDIA_ROOT)
    assert all(not default_storage.exists(e["work"]) for e in bundle.entries if e.get("work"))
    assert bundle.file.name.startswith("bundles/") and bundle.size == bundle.file.size


def test_two_imports_of_one_file_name_are_both_kept(county, township, supervisor):
    for text in ("第一份", "第二份"):
        imported_report(county, year=YEAR, township=township, name="报告", text=text, sha=text.encode().hex())
    bundle, _ = start_bundle(county, YEAR, supervisor)
    advance(bundle)
    paths = [e["path"] for e in bundle.entries if e["state"] == "导入"]
    assert paths == ["甲镇/导入-报告（提取的文本）.txt", "甲镇/导入-报告（提取的文本）（2）.txt"]
    assert len({n for n in _zip(bundle).namelist() if "导入-报告" in n}) == 2


def test_the_page_drives_the_bundle_step_by_step_with_and_without_javascript(client, county, county_year, supervisor,
                                                                             monkeypatch):
    monkeypatch.setattr("fazhi.oversight.views.bundles.PROCESS_BUDGET_SECONDS", 0)  # one step a POST
    client.force_login(supervisor)
    page = client.get(reverse("oversight_bundles") + f"?year={YEAR}").content.decode()
    assert "开始打包" in page and f'<option value="{YEAR}" selected>' in page
    response = client.post(reverse("oversight_bundles"), {"year": str(YEAR)})
    bundle = ReportBundle.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("oversight_bundle", args=[bundle.pk])
    page = client.get(response["Location"]).content.decode()
    assert "fazhi/stepper.js" in page and "继续处理" in page and "0/6" in page and "<script>" not in page
    process = reverse("oversight_bundle_process", args=[bundle.pk])
    progress = client.post(process, HTTP_ACCEPT="application/json").json()  # what stepper.js does
    assert progress["done"] == 1 and progress["total"] == 6 and not progress["finished"]
    assert progress["step"] == "正在处理：乙镇" and progress["download"] == ""
    assert client.post(process)["Location"] == reverse("oversight_bundle", args=[bundle.pk])  # the no-JS button
    assert client.get(reverse("oversight_bundle_progress", args=[bundle.pk])).json()["done"] == 2
    while not progress["finished"]:
        progress = client.post(process, HTTP_ACCEPT="application/json").json()
    assert progress["status"] == "done" and progress["download"] == reverse("oversight_bundle_download", args=[bundle.pk])
    page = client.get(reverse("oversight_bundle", args=[bundle.pk])).content.decode()
    assert "下载 .zip" in page and "继续处理" not in page and "未编写" in page and "stepper.js" not in page
    download = client.get(progress["download"])
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert "attachment" in download["Content-Disposition"]
    data = b"".join(download.streaming_content)
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    event = AuditEvent.objects.get(kind=AuditKind.EXPORT)
    assert event.user == supervisor and "示例县2025年度乡镇年度报告打包" in event.detail


def test_a_double_click_makes_one_bundle(client, county, township, supervisor):
    client.force_login(supervisor)
    first = client.post(reverse("oversight_bundles"), {"year": str(YEAR)})
    second = client.post(reverse("oversight_bundles"), {"year": str(YEAR)}, follow=True)
    assert ReportBundle.objects.count() == 1
    assert first["Location"] == second.redirect_chain[0][0]
    assert "已在打包中" in second.content.decode() and "不会重复打包" in second.content.decode()
    other_year = client.post(reverse("oversight_bundles"), {"year": str(YEAR - 1)})
    assert other_year.status_code == 302 and ReportBundle.objects.count() == 2


def test_two_requests_at_the_same_moment_make_one_bundle(county, township, supervisor, monkeypatch):
    """Both looked before either saved: the database's one-pending-bundle rule keeps the second out."""
    first, _ = start_bundle(county, YEAR, supervisor)
    monkeypatch.setattr(bundles, "pending_bundle", lambda c, y, calls=[]: calls.append(1) or (None if len(calls) == 1 else first))
    again, created = start_bundle(county, YEAR, supervisor)
    assert again == first and not created and ReportBundle.objects.count() == 1


def test_a_finished_or_failed_bundle_is_not_reused(county, township, supervisor):
    done, _ = start_bundle(county, YEAR, supervisor)
    advance(done)
    fresh, created = start_bundle(county, YEAR, supervisor)
    assert created and fresh != done


def test_a_bundle_left_unfinished_for_a_day_is_stopped_not_reused(county, township, supervisor):
    from django.utils import timezone

    old, _ = start_bundle(county, YEAR, supervisor)
    advance(old, budget_seconds=0)
    ReportBundle.objects.filter(pk=old.pk).update(created_at=timezone.now() - timezone.timedelta(days=1, seconds=1))
    fresh, created = start_bundle(county, YEAR, supervisor)
    old.refresh_from_db()
    assert created and fresh != old and fresh.done == 0
    assert old.status == BundleStatus.FAILED and "超过一天未完成" in old.error


@pytest.mark.parametrize("year, message", [
    ("1999", "没有这个报告年度"), ("abc", "没有这个报告年度"), ("", "请选择要打包的报告年度"), ("2999", "没有这个报告年度"),
])
def test_a_bad_year_is_a_chinese_message_and_no_bundle(client, county, supervisor, year, message):
    client.force_login(supervisor)
    response = client.post(reverse("oversight_bundles"), {"year": year})
    assert response.status_code == 200 and message in response.content.decode()
    assert not ReportBundle.objects.exists()


def test_the_service_refuses_a_bad_year_or_a_township(county, township, supervisor):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="报告年度应在2000年至"):
        start_bundle(county, 1999, supervisor)
    with pytest.raises(ValidationError, match="只能为县打包"):
        start_bundle(township, YEAR, supervisor)


def test_only_the_countys_office_sees_or_downloads_its_bundles(client, county, township, supervisor, clerk, leader,
                                                               other_county_supervisor):
    bundle, _ = start_bundle(county, YEAR, supervisor)
    advance(bundle)
    urls = [reverse(name, args=[bundle.pk]) for name in
            ("oversight_bundle", "oversight_bundle_progress", "oversight_bundle_download")]
    client.force_login(other_county_supervisor)
    assert [client.get(u).status_code for u in urls] == [404, 404, 404]
    assert client.post(reverse("oversight_bundle_process", args=[bundle.pk])).status_code == 404
    assert str(YEAR) not in client.get(reverse("oversight_bundles")).content.decode().split("打包记录")[1]
    for user in (clerk, leader):
        client.force_login(user)
        assert [client.get(u).status_code for u in urls + [reverse("oversight_bundles")]] == [403] * 4
        assert client.post(reverse("oversight_bundles"), {"year": str(YEAR)}).status_code == 403
    assert ReportBundle.objects.count() == 1 and not AuditEvent.objects.filter(kind=AuditKind.EXPORT).exists()
    client.force_login(supervisor)
    assert client.get(urls[0] + "x").status_code == 404
    assert client.get(reverse("oversight_bundle", args=[999999])).status_code == 404


def test_a_bundle_being_made_elsewhere_is_left_to_it(county, township, supervisor):
    """The worker holds the lease: the page's POST does nothing and says so (busy), until the lease goes stale."""
    from django.utils import timezone

    bundle, _ = start_bundle(county, YEAR, supervisor)
    ReportBundle.objects.filter(pk=bundle.pk).update(claim_token="worker", claimed_at=timezone.now())
    bundle.refresh_from_db()
    assert advance(bundle, budget_seconds=0) == 0 and bundle.done == 0 and bundle_progress(bundle)["busy"]
    stale = timezone.now() - timezone.timedelta(seconds=bundles.LEASE_SECONDS + 1)
    ReportBundle.objects.filter(pk=bundle.pk).update(claimed_at=stale)  # the worker died
    bundle.refresh_from_db()
    assert advance(bundle, budget_seconds=0) == 1 and bundle.done == 1 and not bundle_progress(bundle)["busy"]


def test_one_township_that_cannot_be_rendered_does_not_stop_the_bundle(county, county_year, supervisor, monkeypatch):
    def broken(report, data=None):
        raise RuntimeError("renderer bug")

    monkeypatch.setattr("fazhi.reports.compose.compose_report", broken)
    bundle, _ = start_bundle(county, YEAR, supervisor)
    advance(bundle)
    assert bundle.status == BundleStatus.DONE
    failed = _entry(bundle, "乙镇")
    assert failed["state"] == "生成失败" and "请稍后重新打包" in failed["note"]
    assert _entry(bundle, "甲镇")["state"] == "已接收"  # the frozen version needs no rendering


def test_a_bundle_that_cannot_be_packed_fails_with_a_reason_and_can_be_asked_for_again(client, county, county_year,
                                                                                      supervisor):
    bundle, _ = start_bundle(county, YEAR, supervisor)
    while bundle.done < bundle.total - 1:
        advance(bundle, budget_seconds=0)
    default_storage.delete(_entry(bundle, "甲镇")["work"])  # a piece lost on the shared disk
    advance(bundle)
    assert bundle.status == BundleStatus.FAILED and bundle.error.startswith("打包失败") and not bundle.file
    client.force_login(supervisor)
    response = client.get(reverse("oversight_bundle_download", args=[bundle.pk]), follow=True)
    assert "未能完成，没有可下载的文件" in response.content.decode()
    assert "打包失败" in client.get(reverse("oversight_bundle", args=[bundle.pk])).content.decode()
    again, created = start_bundle(county, YEAR, supervisor)
    assert created


def test_an_unfinished_or_lost_bundle_is_not_a_500(client, county, township, supervisor):
    bundle, _ = start_bundle(county, YEAR, supervisor)
    client.force_login(supervisor)
    response = client.get(reverse("oversight_bundle_download", args=[bundle.pk]), follow=True)
    assert response.status_code == 200 and "打包尚未完成" in response.content.decode()
    advance(bundle)
    default_storage.delete(bundle.file.name)
    response = client.get(reverse("oversight_bundle_download", args=[bundle.pk]), follow=True)
    assert response.status_code == 200 and "打包文件已丢失" in response.content.decode()


def test_the_collection_and_compare_pages_link_to_the_bundles(client, county, township, supervisor):
    client.force_login(supervisor)
    link = f'{reverse("oversight_bundles")}?year={YEAR}'
    for name in ("oversight_index", "oversight_compare"):
        page = client.get(reverse(name) + f"?year={YEAR}").content.decode()
        assert link in page and "打包下载全县年度报告" in page


def test_bundles_are_never_deleted(admin_client, county, township, supervisor):
    from django.db.models import ProtectedError

    bundle, _ = start_bundle(county, YEAR, supervisor)
    assert admin_client.get(f"/admin/oversight/reportbundle/{bundle.pk}/delete/").status_code == 403
    assert admin_client.get("/admin/oversight/reportbundle/").status_code == 200
    with pytest.raises(ProtectedError):
        supervisor.delete()  # the bundle keeps who asked for it


@pytest.mark.django_db(transaction=True)
def test_the_worker_makes_the_bundle(client, county, county_year, supervisor, job_queue):
    client.force_login(supervisor)
    response = client.post(reverse("oversight_bundles"), {"year": str(YEAR)})
    bundle = ReportBundle.objects.get()
    assert jobs.waiting() == [("oversight.report_bundle", {"bundle_id": bundle.pk})]
    assert client.get(response["Location"]).status_code == 200 and bundle.done == 0  # nothing done in the request
    call_command("worker", "--once")
    bundle.refresh_from_db()
    assert bundle.status == BundleStatus.DONE and _entry(bundle, "甲镇")["state"] == "已接收"
    assert client.get(reverse("oversight_bundle_progress", args=[bundle.pk])).json()["finished"]


@pytest.mark.django_db(transaction=True)
def test_redis_down_the_page_makes_the_bundle(client, county, township, supervisor, settings, monkeypatch):
    monkeypatch.setattr(jobs, "_down_until", {})
    settings.FAZHI_REDIS_URL = "redis://127.0.0.1:1/0"
    client.force_login(supervisor)
    response = client.post(reverse("oversight_bundles"), {"year": str(YEAR)})
    assert response.status_code == 302
    bundle = ReportBundle.objects.get()
    process = reverse("oversight_bundle_process", args=[bundle.pk])
    while not client.post(process, HTTP_ACCEPT="application/json").json()["finished"]:
        pass
    bundle.refresh_from_db()
    assert bundle.status == BundleStatus.DONE and Submission.objects.count() == 0
