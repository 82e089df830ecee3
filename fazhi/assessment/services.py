"""Writing scores for the criteria drawn from the indicators, for every village at once."""
from __future__ import annotations

import datetime as dt

from django.db import transaction

from fazhi.assessment.models import Assessee, AssessmentScore
from fazhi.assessment.scoring import measure
from fazhi.assessment.selectors import criteria_of


def assessment_score_from_data(*, organisation, year: int, scored_on: dt.date, user) -> int:
    """For each criterion of ``year`` scored from an indicator, write every village's score (min(1, value ÷
    target) × weight). A village already scored on that criterion gets its score updated (history kept) only
    when the figure changed. Returns the number of scores written."""
    written = 0
    criteria = [c for c in criteria_of(organisation, year) if c.indicator_key and c.applies_to == Assessee.VILLAGE]
    with transaction.atomic():
        for criterion in criteria:
            for village in organisation.villages().order_by("code"):
                m = measure(criterion, village)
                score = AssessmentScore.objects.active().filter(
                    organisation=organisation, criterion=criterion, village=village,
                ).order_by("-scored_on", "-id").first()
                if score is not None and score.score == m.score and score.basis == m.explanation:
                    continue
                if score is None:
                    score = AssessmentScore(organisation=organisation, criterion=criterion, village=village,
                                            assessee_kind=Assessee.VILLAGE, created_by=user)
                score.scored_on, score.score, score.basis, score.measured = scored_on, m.score, m.explanation, m.value
                score._history_user = user
                score.full_clean()
                score.save()
                written += 1
    return written
