"""The annual report's sentences for the other figures: one sentence per record, in the place of its metric
(funds and staff under 组织保障 …) or, for a figure the clerk named, the section she chose; the number links to
the record with its source document. The service-centre volume is an indicator (fazhi/indicators/definitions.py)
and is written by its report theme instead."""
from __future__ import annotations

from django.urls import reverse

from fazhi.otherfigures.forms import VALUE_MARK
from fazhi.otherfigures.models import METRIC_PHRASE, METRIC_PLACEMENT, THEME_OF, Metric, OtherFigure


def named_figures(org, year: int):
    return OtherFigure.objects.active().filter(
        organisation=org, stated_on__year=year,
    ).exclude(metric=Metric.SERVICE_CENTRE_CASES).order_by("stated_on", "id")


def value_text(value) -> str:
    """The number exactly as recorded: 203517, 12.35 (never rounded to one decimal)."""
    return str(int(value)) if value == value.to_integral_value() else f"{value.normalize():f}"


def sentence_parts(figure: OtherFigure) -> list:
    phrase = (figure.phrase or "").strip() or METRIC_PHRASE.get(figure.metric) or f"{figure.title}{VALUE_MARK}{figure.unit}"
    before, _, after = phrase.partition(VALUE_MARK)
    unit = figure.unit if after.startswith(figure.unit) else ""
    after = after[len(unit):].rstrip("。；;，,")
    run = {
        "key": "other_figures", "value": value_text(figure.value),
        "unit": unit, "href": reverse("ledger_detail", args=["other-figures", figure.pk]), "label": figure.title,
        "amount": figure.value,
    }
    return [before, run, after + "。"] if before else [run, after + "。"]


def report_sentences(org, year: int) -> list[tuple[str, list]]:
    return [(THEME_OF[METRIC_PLACEMENT.get(f.metric, f.placement)], sentence_parts(f)) for f in named_figures(org, year)]
