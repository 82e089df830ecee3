"""The rules of the report check, in the order their problems are listed. Each takes a CheckInput and returns
the Problems it finds; the rule id is the function's name."""
from __future__ import annotations

from fazhi.reports.check.rules.dates import plan_date_after_signing, two_reports_agree_on_dates
from fazhi.reports.check.rules.denials import shortcoming_contradicts_figure
from fazhi.reports.check.rules.disclosure import disclosure_report_agrees
from fazhi.reports.check.rules.rates import rate_with_parts
from fazhi.reports.check.rules.repeats import figure_stated_twice
from fazhi.reports.check.rules.structure import boilerplate, key_areas, no_figures, statutory_parts
from fazhi.reports.check.rules.wholes import part_exceeds_whole

RULES = (
    statutory_parts, rate_with_parts, part_exceeds_whole, shortcoming_contradicts_figure, figure_stated_twice,
    disclosure_report_agrees, plan_date_after_signing, two_reports_agree_on_dates, key_areas, no_figures, boilerplate,
)
