"""Importing reports: a batch of files, each read, attributed and stored, bad ones with a reason."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from fazhi.oversight.importing import Upload, batch_progress, process_batch, start_batch
from fazhi.oversight.models import ImportedReport, ImportItem, ImportItemStatus

REPORT = """甲镇人民政府关于2025年度法治政府建设工作情况的报告
县委、县政府：
2025年，我镇深入推进法治政府建设，现将有关情况报告如下：
一、主要举措和成效
（一）加强学法。全年开展党委中心组法治专题学习4次，组织干部职工参加学法考试，参考率、合格率均达100%。
（二）强化普法。开展“法律进乡村”等普法宣传活动67场次，发放宣传资料3000余份，受众2万余人。
（三）化解纠纷。排查调处矛盾纠纷120件，调处成功115件，调处成功率95.8%。
二、存在的不足和原因
重大行政决策合法性审查、政务公开和行政执法工作还有差距，出庭应诉能力不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
党委书记主持召开专题会议研究法治建设2次。
四、2026年工作安排
继续深化普法。
甲镇人民政府
2026年1月20日
"""


def _docx(text: str) -> bytes:
    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_batch_with_good_bad_and_repeated_files(county, township, supervisor):
    uploads = [
        Upload("甲镇2025年报告.docx", _docx(REPORT)),
        Upload("甲镇2025年报告.txt", REPORT.encode("gb18030")),  # same text, another file: stored too
        Upload("甲镇2025年报告（副本）.docx", _docx(REPORT)),  # python-docx output differs byte-wise: dedupe by checksum only
        Upload("空.txt", b""),
        Upload("照片.jpg", b"\xff\xd8\xff\xe0" + b"0" * 100),
        Upload("坏.docx", b"PK\x03\x04 truncated"),
        Upload("菜谱.txt", "红烧肉的做法：五花肉500克。".encode()),
    ]
    batch = start_batch(county, uploads, user=supervisor, year=None)
    assert batch_progress(batch)["done"] == 0
    process_batch(batch)
    items = {i.filename: i for i in ImportItem.objects.filter(batch=batch)}
    assert items["甲镇2025年报告.docx"].status == ImportItemStatus.DONE
    report = items["甲镇2025年报告.docx"].report
    assert (report.township, report.year) == (township, 2025)
    figures = {(f.indicator, f.value) for f in report.figures.all()}
    assert ("publicity_events", 67) in figures and ("disputes_handled", 120) in figures
    assert "measures" in report.sections and "shortcomings" in report.sections
    assert items["空.txt"].status == ImportItemStatus.FAILED and "空文件" in items["空.txt"].error
    assert "不支持的文件类型" in items["照片.jpg"].error
    assert "损坏" in items["坏.docx"].error
    assert "不是年度报告" in items["菜谱.txt"].error
    assert batch_progress(batch)["finished"]


def test_the_same_file_twice_is_skipped_as_a_duplicate(county, supervisor):
    data = REPORT.encode()
    process_batch(start_batch(county, [Upload("a.txt", data)], user=supervisor, year=None))
    batch = start_batch(county, [Upload("b.txt", data)], user=supervisor, year=None)
    process_batch(batch)
    item = batch.items.get()
    assert item.status == ImportItemStatus.DUPLICATE and "内容相同" in item.error
    assert ImportedReport.objects.count() == 1


def test_the_year_the_user_gives_wins_and_the_found_year_is_kept(county, supervisor):
    batch = start_batch(county, [Upload("a.txt", REPORT.encode())], user=supervisor, year=2024)
    process_batch(batch)
    report = batch.items.get().report
    assert (report.year, report.year_found) == (2024, 2025)


def test_an_oversized_file_is_refused_without_being_stored(county, supervisor, settings):
    from fazhi.oversight import importing

    big = b"0" * (importing.MAX_FILE_BYTES + 1)
    batch = start_batch(county, [Upload("big.txt", big)], user=supervisor, year=None)
    item = batch.items.get()
    assert item.status == ImportItemStatus.FAILED and "文件过大" in item.error and not item.file


def test_processing_in_slices_is_resumable(county, supervisor):
    uploads = [Upload(f"{n}.txt", (REPORT + f"\n附{n}").encode()) for n in range(3)]
    batch = start_batch(county, uploads, user=supervisor, year=None)
    assert process_batch(batch, budget_seconds=0) == 0
    from fazhi.oversight.importing import process_item, _claim

    process_item(_claim(batch))
    assert batch_progress(batch)["done"] == 1
    assert process_batch(batch) == 2


def test_web_upload_progress_and_attribution(client, county, township, other_township, supervisor):
    client.force_login(supervisor)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("oversight_imports"), {
        "files": [SimpleUploadedFile("甲镇.txt", REPORT.encode()), SimpleUploadedFile("空.txt", b"")], "year": "",
    })
    assert response.status_code == 302
    batch_url = response["Location"]
    page = client.get(batch_url).content.decode()
    assert "oversight-import.js" in page and "0/2" in page and "继续处理" in page
    pk = int(batch_url.rstrip("/").split("/")[-1])
    progress = client.post(reverse("oversight_import_process", args=[pk]), HTTP_ACCEPT="application/json").json()
    assert progress["finished"] and progress["done"] == 2
    assert [i["status"] for i in progress["items"]] == ["done", "failed"]
    assert client.get(reverse("oversight_import_progress", args=[pk])).json() == progress
    report = ImportedReport.objects.get(filename="甲镇.txt")
    page = client.get(reverse("oversight_imported_report", args=[report.pk])).content.decode()
    assert "开展“法律进乡村”等普法宣传活动67场次" in page and "完整性审查" in page
    response = client.post(reverse("oversight_imported_report", args=[report.pk]), {
        "township": other_township.pk, "township_name": "", "year": "2024", "received_on": "", "published_url": "",
    })
    report.refresh_from_db()
    assert (report.township, report.year) == (other_township, 2024)
    response = client.post(reverse("oversight_imported_report", args=[report.pk]), {
        "township": "999999", "township_name": "", "year": "abc", "received_on": "2099-01-01", "published_url": "",
    })
    text = response.content.decode()
    assert response.status_code == 200 and "请选择本县的乡镇" in text and "报告年度应为四位数字" in text


def test_an_upload_without_files_gets_a_chinese_error(client, supervisor):
    client.force_login(supervisor)
    response = client.post(reverse("oversight_imports"), {"year": ""})
    assert response.status_code == 200 and "请选择要导入的文件" in response.content.decode()


def test_void_keeps_the_record_and_drops_it_from_comparison(client, county, supervisor):
    batch = start_batch(county, [Upload("a.txt", REPORT.encode())], user=supervisor, year=None)
    process_batch(batch)
    report = batch.items.get().report
    client.force_login(supervisor)
    client.post(reverse("oversight_imported_void", args=[report.pk]), {"reason": ""})
    assert ImportedReport.objects.active().count() == 1
    client.post(reverse("oversight_imported_void", args=[report.pk]), {"reason": "重复导入"})
    assert ImportedReport.objects.active().count() == 0 and ImportedReport.objects.count() == 1


def test_another_county_cannot_open_the_import_by_id(client, county, supervisor, other_county_supervisor):
    batch = start_batch(county, [Upload("a.txt", REPORT.encode())], user=supervisor, year=None)
    process_batch(batch)
    client.force_login(other_county_supervisor)
    report = batch.items.get().report
    assert client.get(reverse("oversight_import_batch", args=[batch.pk])).status_code == 404
    assert client.get(reverse("oversight_imported_report", args=[report.pk])).status_code == 404


def test_the_cli_imports_a_folder_with_a_progress_bar(tmp_path: Path, county, township, capsys):
    (tmp_path / "甲镇.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "说明.txt").write_bytes(b"")
    (tmp_path / "ignored.jpg").write_bytes(b"\xff\xd8")
    call_command("import-reports", "--county", county.code, "--year", "2025", str(tmp_path))
    captured = capsys.readouterr()
    assert "已导入  甲镇.txt" in captured.out and "空文件" in captured.out and "共2个文件，导入1个" in captured.out
    assert "2/2" in captured.err
    assert ImportedReport.objects.get().township == township


def test_the_cli_refuses_an_unknown_county(county):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="没有代码为"):
        call_command("import-reports", "--county", "NOPE", "--year", "2025", "x.txt")


def test_the_seeds_and_the_dev_corpus_uploaded_on_the_web_are_listed_apart_from_the_townships(client, county, supervisor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.oversight.compare import compare

    corpus = Path(__file__).resolve().parents[2] / "ingest" / "tests" / "corpus"
    files = sorted((corpus / "seeds").glob("*.txt")) + sorted((corpus / "dev" / "texts").glob("*.txt"))
    assert len(files) == 31
    client.force_login(supervisor)
    response = client.post(reverse("oversight_imports"), {
        "files": [SimpleUploadedFile(f.name, f.read_bytes()) for f in files], "year": "2025",
    })
    pk = int(response["Location"].rstrip("/").split("/")[-1])
    progress = {"finished": False}
    while not progress["finished"]:
        progress = client.post(reverse("oversight_import_process", args=[pk]), HTTP_ACCEPT="application/json").json()
    assert [i["file"] for i in progress["items"] if i["status"] != "done"] == []
    comparison = compare(county, 2025)
    assert [r.label for r in comparison.rows] == ["甲镇", "乙镇"]  # reports of other counties are kept apart
    assert len(comparison.outside) == 31
    page = client.get(reverse("oversight_compare") + "?year=2025").content.decode()
    outside = page[page.index('id="outside-imports"'):]
    assert "岔河镇" in outside and "攀莲镇" in outside and "商家镇" in outside
