"""What the office must do next: filings due or late, documents due for clean-up, documents in force."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from fazhi.core.workdays import WorkingCalendar
from fazhi.normative import rules
from fazhi.normative.choices import DocStatus
from fazhi.normative.models import NormativeDocument


def in_force(organisations, today: dt.date) -> QuerySet[NormativeDocument]:
    return NormativeDocument.objects.active().filter(
        organisation__in=organisations, status=DocStatus.PUBLISHED, published_on__lte=today,
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today)).order_by("-published_on", "-id")


@dataclass
class Attention:
    document: NormativeDocument
    reason: str
    late: bool = False


def needing_attention(organisations, today: dt.date) -> list[Attention]:
    """Unfiled documents (with their deadline), and documents due for clean-up or past their validity."""
    out: list[Attention] = []
    docs = NormativeDocument.objects.active().filter(
        organisation__in=organisations, status=DocStatus.PUBLISHED,
    ).select_related("organisation")
    settings_cache: dict[int, object] = {}
    calendar = WorkingCalendar.load()
    for doc in docs:
        if doc.organisation_id not in settings_cache:
            settings_cache[doc.organisation_id] = rules.settings_for(doc.organisation)
        cfg = settings_cache[doc.organisation_id]
        if doc.filed_on is None:
            deadline = rules.filing_deadline(doc.published_on, cfg.filing_days, calendar)
            late = today > deadline.due
            out.append(Attention(doc, ("已逾期未备案：" if late else "待报送备案：") + deadline.explanation, late))
        if doc.valid_until and doc.valid_until < today:
            out.append(Attention(doc, f"有效期已于{doc.valid_until:%Y年%m月%d日}届满，请评估后废止或重新制发", True))
        elif doc.valid_until and (doc.valid_until - today).days <= cfg.cleanup_notice_days:
            out.append(Attention(doc, f"有效期将于{doc.valid_until:%Y年%m月%d日}届满，请组织评估清理"))
        last = doc.last_evaluated_on or doc.published_on
        if rules.add_years(last, cfg.cleanup_interval_years) <= today:
            out.append(Attention(doc, f"自{last:%Y年%m月%d日}以来已满{cfg.cleanup_interval_years}年未评估清理"))
    return out
