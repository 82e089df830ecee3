"""Per-ledger test data shared by the tests: the factory of each ledger and a valid web-form POST."""
from __future__ import annotations

import datetime as dt

from fazhi.core import clock
from fazhi.testing import factories

YEAR = clock.current_year() - 1

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


# 人大监督、法治副校长、其他数据、目标管理考核: valid POSTs (a school or criterion they point at is created in the
# village's township — the clerk's own — the way a clerk fills in the roster first).
COUNT_FIELD.update({
    "congress-inspections": "issues",
    "schools": "pupils",
    "school-lessons": "audience",
})


def _township_of(village):
    if village is not None:
        return village.parent
    from fazhi.testing.factories import TownshipFactory

    return TownshipFactory()


def _more_valid_post(slug: str, village=None) -> dict[str, str] | None:
    day = f"{YEAR}-05-20"
    if slug == "deputy-suggestions":
        return {"assigned_on": f"{YEAR}-03-20", "kind": "suggestion", "deputy": "王代表", "title": "关于修缮村道的建议",
                "department": "村镇建设办", "answered_on": day, "outcome": "solved", "satisfaction": "satisfied"}
    if slug == "congress-inspections":
        return {"held_on": day, "kind": "law_check", "subject": "《土地管理法》执法检查", "deputies": "12",
                "issues": "4", "rectified": "3"}
    if slug == "schools":
        data = {"name": "青山小学", "stage": "primary", "pupils": "300", "listed_on": day}
        if village is not None:
            data["village"] = str(village.pk)
        return data
    if slug == "vice-principals":
        school = factories.SchoolFactory(organisation=_township_of(village))
        return {"school": str(school.pk), "name": "李警官", "employer_kind": "police", "employer": "青山派出所",
                "appointed_on": day}
    if slug == "school-lessons":
        school = factories._school_with_vice_principal(_township_of(village))
        return {"school": str(school.pk), "held_on": day, "kind": "lesson", "topic": "预防校园欺凌",
                "lecturer": "李警官", "audience": "200"}
    if slug == "other-figures":
        return {"stated_on": day, "metric": "service_centre_cases", "value": "203517", "unit": "件",
                "placement": "service", "source_system": "省一体化政务服务平台", "source_document": "办件统计表"}
    if slug == "assessment-criteria":
        return {"adopted_on": day, "name": "法治宣传", "applies_to": "village", "weight": "10"}
    if slug == "assessment-scores":
        township = _township_of(village)
        criterion = factories.AssessmentCriterionFactory(organisation=township, adopted_on=dt.date(YEAR, 2, 1),
                                                         indicator_key="", target=None)
        target = village or factories.VillageFactory(parent=township)
        return {"scored_on": day, "criterion": str(criterion.pk), "assessee_kind": "village", "village": str(target.pk),
                "score": "8", "basis": "资料齐全"}
    return None


_valid_post_of_the_first_ledgers = valid_post


def valid_post(slug: str, village=None) -> dict[str, str]:  # noqa: F811  (extends the table above)
    more = _more_valid_post(slug, village)
    return more if more is not None else _valid_post_of_the_first_ledgers(slug, village)


# 复议诉讼、法律顾问与法律援助、组织领导、人民调解: fazhi/testing/institution_data.py
from fazhi.testing import institution_data as _institution  # noqa: E402

COUNT_FIELD.update(_institution.COUNT_FIELD)
_valid_post_before_institutions = valid_post


def valid_post(slug: str, village=None) -> dict[str, str]:  # noqa: F811  (extends the tables above)
    more = _institution.valid_post(slug, village)
    return more if more is not None else _valid_post_before_institutions(slug, village)
