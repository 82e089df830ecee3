"""`fazhi workdays add|explain DATE N` — the calendar on the command line."""
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("workdays", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


@pytest.mark.django_db
def test_add_prints_the_due_date_across_national_day_2025():
    # 20 working days after Fri 26 Sep 2025: Oct 1–8 are off, Sun 28 Sep and Sat 11 Oct are worked.
    out, err = run("add", "2025-09-26", "20")
    assert out == "2025-10-30"
    assert err == ""


@pytest.mark.django_db
def test_explain_names_the_holiday_and_the_make_up_day():
    out, _ = run("explain", "2025-09-26", "20")
    assert "国庆节" in out
    assert "2025年9月28日（星期日），调休上班" in out
    assert out.splitlines()[-1].startswith("第20个工作日：2025年10月30日")


@pytest.mark.django_db
def test_a_year_without_calendar_data_is_flagged_provisional():
    out, err = run("add", "2026-12-20", "20")
    assert out == "2027-01-18"  # 元旦 (1 January 2027) skipped by the statutory rule
    assert "2027年" in err and "暂定" in err


@pytest.mark.django_db
@pytest.mark.parametrize("args", [("add", "2025-13-01", "3"), ("add", "2025-01-01", "x"), ("explain", "2025-01-01", "0")])
def test_bad_arguments_give_a_chinese_error(args):
    with pytest.raises(CommandError) as exc:
        run(*args)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc.value))
