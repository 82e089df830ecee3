"""Per-ledger test data shared by the tests: the factory of each ledger and a valid web-form POST."""
from __future__ import annotations

import datetime as dt

from fazhi.testing import factories

YEAR = dt.date.today().year - 1

FACTORY_FOR = factories.LEDGER_FACTORIES

# The ledger's date field → a valid date string; the count field a negative number is tried on.
COUNT_FIELD = {
    "publicity-events": "materials",
    "liaison-trainings": "participants",
    "study-sessions": "attendees",
    "court-observations": "attendees",
    "meetings": "attendees",
    "disputes": "parties_count",
    "proactive-releases": "item_count",
}


def valid_post(slug: str, village=None) -> dict[str, str]:
    """A POST body the ledger's form accepts (``village`` must belong to the clerk's township)."""
    day = f"{YEAR}-05-20"
    data = {
        "publicity-events": {
            "held_on": day, "title": "宪法进村", "campaign": "to_villages", "channel": "offline",
            "audience": "100", "materials": "200", "consultations": "10",
        },
        "legal-liaisons": {"name": "李明白", "kind": "legal_literate", "registered_on": day},
        "liaison-trainings": {"held_on": day, "topic": "履职培训", "mode": "offline", "participants": "30"},
        "study-sessions": {"held_on": day, "kind": "central_group", "topic": "学习宪法", "attendees": "15"},
        "exam-records": {
            "exam_on": day, "exam_name": "年度学法考试", "person_name": "张三", "status": "sat", "score": "90", "passed": "on",
        },
        "court-observations": {
            "held_on": day, "court": "县人民法院", "case_summary": "土地承包纠纷", "mode": "on_site", "attendees": "12",
        },
        "meetings": {"held_on": day, "kind": "party_committee", "topic": "研究法治建设", "on_rule_of_law": "on"},
        "disputes": {
            "received_on": day, "summary": "邻里纠纷", "category": "neighbour", "parties_count": "2",
            "mediator": "王调解", "mode": "peoples", "outcome": "open", "agreement": "none",
        },
        "proactive-releases": {
            "title": "关于2025年农村低保对象的公示", "category": "art21_social_assistance", "formed_on": day,
            "published_on": day, "venue": "政府网站", "table_item": "none", "item_count": "1",
        },
        "disclosure-appeals": {"kind": "reconsideration", "case_number": "示复〔2025〕3号", "filed_on": day, "outcome": "pending"},
    }[slug]
    if village is not None and slug in ("publicity-events", "legal-liaisons", "disputes"):
        data["village"] = str(village.pk)
    return data
