"""`fazhi report-check --org CODE --year Y [--json]`: the contract other tools rely on."""
from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report-check", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_json_has_the_score_and_the_problems_with_rule_message_and_indicators(ledgers, year):
    data = json.loads(run("--org", "T901", "--year", str(year), "--json"))
    assert set(data) == {"score", "problems"}
    assert isinstance(data["score"], int) and 0 <= data["score"] <= 100
    for problem in data["problems"]:
        assert set(problem) == {"rule", "message", "indicators"}
        assert problem["rule"] and problem["message"] and isinstance(problem["indicators"], list)
        assert not any(key in problem["message"] for key in problem["indicators"])  # labels, never keys


def test_without_json_a_readable_chinese_list(ledgers, year):
    lines = run("--org", "T901", "--year", str(year)).splitlines()
    assert f"{year}年度法治政府建设情况" in lines[0] and "：自查评分" in lines[0]
    assert lines[1] == "未发现问题。" or (lines[1].startswith("发现") and lines[2].startswith("1. "))


@pytest.mark.parametrize("args, message", [
    (("--org", "NOPE", "--year", "2025"), "没有编码为“NOPE”的组织"),
    (("--org", "C900", "--year", "2025"), "不是乡镇（街道）"),
    (("--org", "T901", "--year", "二〇二五"), "报告年度必须是四位数字年份"),
    (("--org", "T901", "--year", "1990"), "报告年度应在"),
])
def test_bad_input_is_a_chinese_command_error(township, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args, "--json")


def test_exit_status_through_the_console_entry_point(ledgers, year, capsys, monkeypatch):
    from django.core.management import execute_from_command_line
    from django.db import connections

    # A command closes every connection when it ends; inside the test's transaction that would end the test's own.
    monkeypatch.setattr(connections, "close_all", lambda: None)

    execute_from_command_line(["fazhi", "report-check", "--org", "T901", "--year", str(year), "--json"])  # no exit: 0
    assert json.loads(capsys.readouterr().out)["score"] >= 0
    with pytest.raises(SystemExit) as exited:
        execute_from_command_line(["fazhi", "report-check", "--org", "NOPE", "--year", str(year), "--json"])
    assert exited.value.code == 1 and "没有编码为“NOPE”的组织" in capsys.readouterr().err
