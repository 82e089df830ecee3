from __future__ import annotations

from fazhi.core.ledgers.forms import RecordForm
from fazhi.supervision.models import DeputySuggestion, PresidiumInspection, Satisfaction


class DeputySuggestionForm(RecordForm):
    class Meta:
        model = DeputySuggestion
        fields = [
            "assigned_on", "kind", "congress_session", "number", "deputy", "title", "department", "complex_matter",
            "answered_on", "outcome", "answer", "satisfaction",
        ]

    def clean(self):
        data = super().clean()
        assigned, answered = data.get("assigned_on"), data.get("answered_on")
        if assigned and answered and answered < assigned:
            self.add_error("answered_on", f"“答复日期”不能早于交办日期（{assigned:%Y-%m-%d}）")
        if answered and not data.get("outcome") and "outcome" not in self.errors:
            self.add_error("outcome", "已答复的建议须选择“办理结果”")
        if not answered and "answered_on" not in self.errors:
            if data.get("outcome"):
                self.add_error("outcome", "尚未填写答复日期，不能选择办理结果")
            if data.get("satisfaction") not in (None, "", Satisfaction.NONE):
                self.add_error("satisfaction", "尚未答复，代表还不能反馈满意度")
        return data


class PresidiumInspectionForm(RecordForm):
    class Meta:
        model = PresidiumInspection
        fields = ["held_on", "kind", "subject", "deputies", "findings", "issues", "rectified", "rectification", "reported_on"]

    def clean(self):
        data = super().clean()
        issues, rectified = data.get("issues"), data.get("rectified")
        if issues is not None and rectified is not None and rectified > issues:
            self.add_error("rectified", f"“已整改”{rectified}条多于提出的意见建议{issues}条")
        held, reported = data.get("held_on"), data.get("reported_on")
        if held and reported and reported < held:
            self.add_error("reported_on", f"“整改情况报告日期”不能早于开展日期（{held:%Y-%m-%d}）")
        return data
