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
