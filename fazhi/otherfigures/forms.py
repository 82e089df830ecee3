from __future__ import annotations

from fazhi.core.ledgers.forms import RecordForm
from fazhi.otherfigures.models import METRIC_PLACEMENT, METRIC_UNIT, WHOLE_NUMBER_METRICS, Metric, OtherFigure

VALUE_MARK = "{数值}"


class OtherFigureForm(RecordForm):
    class Meta:
        model = OtherFigure
        fields = ["stated_on", "metric", "name", "value", "unit", "phrase", "placement", "source_system", "source_document"]

    def clean(self):
        data = super().clean()
        if data.get("metric") == Metric.OTHER and not (data.get("name") or "").strip() and "name" not in self.errors:
            self.add_error("name", "选择“其他（自行命名）”时必须填写数据名称")
        metric = data.get("metric")
        if metric in METRIC_UNIT:
            unit = (data.get("unit") or "").strip()
            if unit and unit != METRIC_UNIT[metric] and "unit" not in self.errors:
                self.add_error("unit", f"“{Metric(metric).label}”的单位为“{METRIC_UNIT[metric]}”，请换算后填写")
            data["placement"] = METRIC_PLACEMENT[metric]
        value = data.get("value")
        if metric in WHOLE_NUMBER_METRICS and value is not None and value != value.to_integral_value():
            self.add_error("value", f"“{Metric(metric).label}”是件数，须填写整数")
        phrase = (data.get("phrase") or "").strip()
        if phrase and phrase.count(VALUE_MARK) != 1:
            self.add_error("phrase", f"“报告表述”中须有且只有一处 {VALUE_MARK}，标出数字的位置")
        elif phrase and any(ch in phrase.replace(VALUE_MARK, "") for ch in "{}【】"):
            self.add_error("phrase", "“报告表述”中除 {数值} 外不能有花括号或【】")
        return data
