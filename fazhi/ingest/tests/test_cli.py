"""`fazhi extract`: the JSON contract, the readable summary, one bad file never stops the batch."""
from __future__ import annotations

import io
import json
import time
from pathlib import Path

from django.core.management import call_command

from fazhi.ingest import errors, runner
from fazhi.ingest.tests import samples

SEEDS = Path(__file__).parent / "corpus" / "seeds"
KEYS = ["file", "organisation", "year", "script", "sections", "figures", "error"]


def run(*paths: str, **options) -> str:
    out = io.StringIO()
    call_command("extract", *paths, stdout=out, **options)
    return out.getvalue()


def test_json_contract_on_a_mixed_directory(tmp_path):
    seed = (SEEDS / "004_fbe45d23903cb0be.txt").read_text(encoding="utf-8")
    (tmp_path / "b_report.txt").write_text(seed, encoding="utf-8")
    (tmp_path / "a_scan.pdf").write_bytes(samples.build_pdf([["x"]], with_text=False))
    (tmp_path / "c_empty.docx").write_bytes(b"")
    nested = tmp_path / "d"
    nested.mkdir()
    (nested / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    results = json.loads(run(str(tmp_path), json=True))
    assert [r["file"] for r in results] == [
        str(tmp_path / "a_scan.pdf"), str(tmp_path / "b_report.txt"), str(tmp_path / "c_empty.docx"),
        str(nested / "photo.jpg")]
    assert all(list(r) == KEYS for r in results)
    assert [r["error"] for r in results] == [errors.NO_TEXT_LAYER, None, errors.EMPTY, errors.UNSUPPORTED]
    report = results[1]
    assert (report["organisation"], report["year"], report["script"]) == ("岔河镇人民政府", 2023, "simplified")
    assert report["sections"] == ["measures", "shortcomings", "leaders_duty", "plans"]
    assert {"indicator": "publicity_events", "value": 67, "unit": "场次", "approx": False,
            "evidence": "开展“法律进乡村”、“法律进机关”、“法律进企业”、“法律进校园”普法活动67场次"} in report["figures"]
    assert all(set(f) == {"indicator", "value", "unit", "approx", "evidence"} for f in report["figures"])


def test_missing_file_is_reported_not_raised(tmp_path):
    [result] = json.loads(run(str(tmp_path / "nowhere.txt"), json=True))
    assert result["error"] == errors.NOT_FOUND


def test_readable_summary(tmp_path, capsys):
    path = SEEDS / "002_463db61ea62b21f3.txt"
    (tmp_path / "x.exe").write_bytes(b"MZ\x90\x00")
    summary = run(str(path), str(tmp_path / "x.exe"))
    assert "单位：马喇镇人民政府；2023年度；繁体" in summary
    assert "普法宣传活动：12场次" in summary
    assert "法律援助（申请、指引）：27次" in summary  # the registry's label (INDICATORS.md), not a copy of it
    assert "未能读取：" + errors.UNSUPPORTED in summary
    assert summary.rstrip().endswith("共 2 个文件，成功 1 个，未能读取 1 个。")
    assert "读取报告" in capsys.readouterr().err  # the progress bar


def _slow_on_purpose(path):
    if path.endswith("slow.txt"):
        time.sleep(60)
    return _real_analyse_path(path)


_real_analyse_path = runner.analyse_path


def test_a_file_that_hangs_times_out_and_the_batch_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "analyse_path", _slow_on_purpose)  # the forked worker inherits it
    (tmp_path / "a_slow.txt").write_text("法治政府建设报告", encoding="utf-8")
    (tmp_path / "b.txt").write_text("法治政府建设报告。开展普法宣传活动3场。", encoding="utf-8")
    started = time.monotonic()
    results = json.loads(run(str(tmp_path), json=True, timeout=1))
    assert time.monotonic() - started < 10
    assert [r["error"] for r in results] == [errors.TIMEOUT, None]
    assert results[1]["figures"][0]["value"] == 3


def _crash_on_purpose(path):
    if path.endswith("crash.txt"):
        import os

        os._exit(3)  # what a segfault in a parser looks like from the parent
    return _real_analyse_path(path)


def test_a_file_that_kills_the_worker_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "analyse_path", _crash_on_purpose)
    (tmp_path / "a_crash.txt").write_text("法治政府建设报告", encoding="utf-8")
    (tmp_path / "b.txt").write_text("法治政府建设报告。开展普法宣传活动3场。", encoding="utf-8")
    results = json.loads(run(str(tmp_path), json=True))
    assert [r["error"] for r in results] == [errors.CORRUPT, None]
