"""factory_boy factories shared by every app's tests."""
from __future__ import annotations

import datetime as dt

import factory

from fazhi.core.models import Organisation, OrgKind, Role, User
from fazhi.disclosure.models import DisclosureAppeal, ProactiveRelease
from fazhi.disputes.models import DisputeCase
from fazhi.governance.models import Meeting
from fazhi.learning.models import CourtObservation, ExamRecord, StudySession
from fazhi.publicity.models import LegalLiaison, LiaisonTraining, PublicityEvent


class CountyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"C{n:03d}")
    name = factory.Sequence(lambda n: f"测试{n}县")
    kind = OrgKind.COUNTY


class TownshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n:04d}")
    name = factory.Sequence(lambda n: f"测试{n}镇")
    kind = OrgKind.TOWNSHIP
    parent = factory.SubFactory(CountyFactory)
    superior_body = "县委、县政府"


class VillageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    code = factory.Sequence(lambda n: f"V{n:05d}")
    name = factory.Sequence(lambda n: f"测试{n}村")
    kind = OrgKind.VILLAGE
    parent = factory.SubFactory(TownshipFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"用户{n}")
    role = Role.CLERK
    organisation = factory.SubFactory(TownshipFactory)
    password = factory.PostGenerationMethodCall("set_password", "pass-word-123")

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results:
            instance.save(update_fields=["password"])  # keep the hashed password set above


class RecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    organisation = factory.SubFactory(TownshipFactory)


class PublicityEventFactory(RecordFactory):
    class Meta:
        model = PublicityEvent

    held_on = dt.date(2025, 5, 20)
    title = factory.Sequence(lambda n: f"民法典宣传进村第{n}场")
    campaign = "civil_code_month"
    channel = "offline"
    place = "村委会广场"
    audience = 120
    materials = 200
    consultations = 15


class LegalLiaisonFactory(RecordFactory):
    class Meta:
        model = LegalLiaison

    name = factory.Sequence(lambda n: f"明白人{n}")
    kind = "legal_literate"
    village = factory.LazyAttribute(lambda o: VillageFactory(parent=o.organisation))
    registered_on = dt.date(2025, 3, 1)


class LiaisonTrainingFactory(RecordFactory):
    class Meta:
        model = LiaisonTraining

    held_on = dt.date(2025, 4, 10)
    topic = "法律明白人履职培训"
    participants = 30


class StudySessionFactory(RecordFactory):
    class Meta:
        model = StudySession

    held_on = dt.date(2025, 3, 12)
    kind = "central_group"
    topic = "学习习近平法治思想"
    attendees = 15


class ExamRecordFactory(RecordFactory):
    class Meta:
        model = ExamRecord

    exam_on = dt.date(2025, 10, 15)
    person_name = factory.Sequence(lambda n: f"干部{n}")
    status = "sat"
    score = 88
    passed = True
    excellent = False


class CourtObservationFactory(RecordFactory):
    class Meta:
        model = CourtObservation

    held_on = dt.date(2025, 6, 18)
    court = "县人民法院"
    case_summary = "某土地承包合同纠纷案"
    attendees = 12


class MeetingFactory(RecordFactory):
    class Meta:
        model = Meeting

    held_on = dt.date(2025, 2, 20)
    kind = "party_committee"
    topic = "研究部署2025年法治政府建设工作"
    on_rule_of_law = True


class DisputeCaseFactory(RecordFactory):
    class Meta:
        model = DisputeCase

    received_on = dt.date(2025, 4, 2)
    summary = factory.Sequence(lambda n: f"宅基地边界纠纷{n}")
    category = "land"
    mediator = "王调解"
    mode = "peoples"
    outcome = "resolved"
    agreement = "written"
    closed_on = factory.LazyAttribute(lambda o: o.received_on + dt.timedelta(days=18))  # 2025-04-20 by default
    terms = "双方自愿达成协议，按约定履行"  # a written agreement states its terms (人民调解法第二十九条)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Saved as the product saves a case: a closed one gets its dossier number (fazhi/disputes/services.py)."""
        from fazhi.disputes.services import case_save

        return case_save(model_class(*args, **kwargs))


class ProactiveReleaseFactory(RecordFactory):
    class Meta:
        model = ProactiveRelease

    title = factory.Sequence(lambda n: f"关于第{n}批农村低保对象的公示")
    category = "art21_social_assistance"
    published_on = dt.date(2025, 6, 10)
    formed_on = factory.LazyAttribute(lambda o: o.published_on - dt.timedelta(days=5))
    venue = "政府网站"


class DisclosureAppealFactory(RecordFactory):
    class Meta:
        model = DisclosureAppeal

    kind = "reconsideration"
    case_number = factory.Sequence(lambda n: f"示复〔2025〕{n + 1}号")
    filed_on = dt.date(2025, 7, 1)
    outcome = "upheld"
    decided_on = factory.LazyAttribute(lambda o: o.filed_on + dt.timedelta(days=50))


# One factory per registered ledger (by slug), for tests that run against every ledger.
LEDGER_FACTORIES = {
    "publicity-events": PublicityEventFactory,
    "legal-liaisons": LegalLiaisonFactory,
    "liaison-trainings": LiaisonTrainingFactory,
    "study-sessions": StudySessionFactory,
    "exam-records": ExamRecordFactory,
    "court-observations": CourtObservationFactory,
    "meetings": MeetingFactory,
    "disputes": DisputeCaseFactory,
    "proactive-releases": ProactiveReleaseFactory,
    "disclosure-appeals": DisclosureAppealFactory,
}


# 人大监督、法治副校长、其他数据、目标管理考核 (fazhi/supervision, schools, otherfigures, assessment)
from decimal import Decimal as _Decimal  # noqa: E402

from fazhi.assessment.models import AssessmentCriterion, AssessmentScore  # noqa: E402
from fazhi.otherfigures.models import OtherFigure  # noqa: E402
from fazhi.schools.models import School, SchoolLesson, VicePrincipal  # noqa: E402
from fazhi.supervision.models import DeputySuggestion, PresidiumInspection  # noqa: E402


class DeputySuggestionFactory(RecordFactory):
    class Meta:
        model = DeputySuggestion

    assigned_on = dt.date(2025, 3, 20)
    kind = "suggestion"
    congress_session = "镇第十八届人民代表大会第五次会议"
    number = factory.Sequence(lambda n: f"建议第{n + 1}号")
    deputy = factory.Sequence(lambda n: f"代表{n}")
    title = factory.Sequence(lambda n: f"关于修缮村组道路的建议{n}")
    department = "村镇建设办"
    # answered after the three months of 代表法第四十四条 (due 07-02 for 04-02): late, so counted as overdue too
    answered_on = factory.LazyAttribute(lambda o: o.assigned_on + dt.timedelta(days=100))
    outcome = "solved"
    answer = "已列入年度计划并完成修缮"
    satisfaction = "satisfied"


class PresidiumInspectionFactory(RecordFactory):
    class Meta:
        model = PresidiumInspection

    held_on = dt.date(2025, 6, 12)
    kind = "law_check"
    subject = factory.Sequence(lambda n: f"《土地管理法》贯彻实施情况执法检查{n}")
    deputies = 12
    findings = "部分村宅基地审批资料不全"
    issues = 4
    rectified = 3
    rectification = "已督促补齐资料"


class SchoolFactory(RecordFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"第{n + 1}小学")
    stage = "primary"
    pupils = 320
    listed_on = dt.date(2020, 9, 1)


def _school_with_vice_principal(organisation) -> School:
    school = SchoolFactory(organisation=organisation)
    VicePrincipalFactory(organisation=organisation, school=school, appointed_on=dt.date(2020, 9, 1))
    return school


class VicePrincipalFactory(RecordFactory):
    class Meta:
        model = VicePrincipal

    school = factory.LazyAttribute(lambda o: SchoolFactory(organisation=o.organisation))
    name = factory.Sequence(lambda n: f"警官{n}")
    employer_kind = "police"
    employer = "县公安局青山派出所副所长"
    appointed_on = dt.date(2025, 3, 1)


class SchoolLessonFactory(RecordFactory):
    class Meta:
        model = SchoolLesson

    school = factory.LazyAttribute(lambda o: _school_with_vice_principal(o.organisation))
    held_on = dt.date(2025, 4, 15)
    kind = "lesson"
    topic = factory.Sequence(lambda n: f"预防校园欺凌法治课{n}")
    lecturer = "王警官"
    audience = 260


class OtherFigureFactory(RecordFactory):
    class Meta:
        model = OtherFigure

    stated_on = dt.date(2025, 12, 31)
    metric = "service_centre_cases"
    value = _Decimal("203517")
    unit = "件"
    phrase = "便民服务中心窗口全年办件量达{数值}件"
    placement = "service"
    source_system = "省一体化政务服务平台"
    source_document = "便民服务中心2025年度办件统计表"


class AssessmentCriterionFactory(RecordFactory):
    class Meta:
        model = AssessmentCriterion

    adopted_on = dt.date(2025, 2, 10)
    name = factory.Sequence(lambda n: f"依法治村工作{n}")
    applies_to = "village"
    weight = _Decimal("10")
    indicator_key = "publicity_events"  # scored from the village's publicity events: 4 a year for full marks
    target = _Decimal("4")
    standard = "按照考核办法评分"


class AssessmentScoreFactory(RecordFactory):
    class Meta:
        model = AssessmentScore

    scored_on = dt.date(2025, 12, 20)
    criterion = factory.LazyAttribute(lambda o: AssessmentCriterionFactory(
        organisation=o.organisation, adopted_on=o.scored_on.replace(month=1, day=5), indicator_key="", target=None))
    assessee_kind = "village"
    village = factory.LazyAttribute(lambda o: VillageFactory(parent=o.organisation))
    score = _Decimal("8")
    basis = "民主法治村创建资料齐全，扣2分：未按季度开展法治宣传"


LEDGER_FACTORIES.update({
    "deputy-suggestions": DeputySuggestionFactory,
    "congress-inspections": PresidiumInspectionFactory,
    "schools": SchoolFactory,
    "vice-principals": VicePrincipalFactory,
    "school-lessons": SchoolLessonFactory,
    "other-figures": OtherFigureFactory,
    "assessment-criteria": AssessmentCriterionFactory,
    "assessment-scores": AssessmentScoreFactory,
})


# 复议诉讼、法律顾问与法律援助、组织领导、人民调解 (fazhi/litigation, advisors, governance, disputes)
from fazhi.testing.institution_factories import INSTITUTION_LEDGER_FACTORIES  # noqa: E402

LEDGER_FACTORIES.update(INSTITUTION_LEDGER_FACTORIES)
