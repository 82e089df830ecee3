"""Demo data for 重大行政决策: a published catalog per year and decisions in every state, each taken through
the real services (gates, dates, reviews through the queue)."""
from __future__ import annotations

import datetime as dt
import random

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.decisions import services
from fazhi.demo.days import OfficeDays
from fazhi.demo.pools import pool
from fazhi.demo.profiles import profile
from fazhi.decisions.models import DecisionCatalog, MajorDecision
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion

UNITS = ("经济发展办", "村镇建设办", "社会事务办", "党政办", "农业综合服务中心")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


ORDER = ["drafting", "participation", "expert", "risk", "legality", "discussion", "decision", "party_report",
         "publication", "archiving", "evaluation"]
# Stops inside the legality step: sent and taken by the reviewer but not concluded; concluded 不予通过.
REVIEW_STOPS = {"review_pending", "review_rejected"}


def _go(decision, *, clerk, reviewer, start: dt.date, until: str, spec, skip_risk: bool = False) -> None:
    """Take a launched decision through its steps, stopping before ``until`` (a stage value), inside the legality
    review (``review_pending``, ``review_rejected``) or at the end."""
    day = start
    unit = "乡" if getattr(spec, "name", "").endswith("乡") else "镇"

    def step(days: int) -> dt.date:
        nonlocal day
        day += dt.timedelta(days=days)
        return day

    def office(days: int) -> dt.date:
        """A step ending on an office day: the collective discussion, the decision (its 成文日期), the publication."""
        nonlocal day
        day = OfficeDays().on_or_after(day + dt.timedelta(days=days))
        return day

    order = ORDER
    stop = 4 if until in REVIEW_STOPS else (order.index(until) if until in order else len(order))
    if stop <= 0:
        return
    services.record_drafting(decision, user=clerk, drafted_on=step(10), options_considered="方案一：……；方案二：……。经比选推荐方案二。",
                             consulted_units="相关村（社区）、县级主管部门")
    if stop <= 1:
        return
    opens = step(3)
    services.open_public_participation(decision, user=clerk, opens_on=opens, closes_on=opens + dt.timedelta(days=29),
                                       draft_text=f"{decision.title}（征求意见稿）\n一、目标任务……\n二、主要措施……",
                                       explanation="起草背景和主要内容说明")
    services.close_public_participation(decision, user=clerk, done_on=step(31), comments_adoption="网上未收到意见；通过座谈会、入户走访收集意见9条，采纳6条，未采纳的已说明理由")
    if stop <= 2:
        return
    if decision.pk % 2:
        services.record_expert_review(decision, user=clerk, reviewed_on=step(5), experts="县规划设计院工程师、律师事务所律师",
                                      files=[_pdf("专家论证意见.pdf")])
    else:
        services.skip_optional_step(decision, user=clerk, stage="expert", reason="事项专业性、技术性不强", on=step(2))
    if stop <= 3:
        return
    if skip_risk:
        services.skip_optional_step(decision, user=clerk, stage="risk", reason="不涉及社会稳定、公共安全等风险", on=step(6))
    else:
        services.record_risk_assessment(decision, user=clerk, assessed_on=step(6), assessor=f"{unit}综治中心",
                                        conclusion="风险等级低，可以实施", files=[_pdf("社会稳定风险评估报告.pdf")])
    if stop <= 4 and until not in REVIEW_STOPS:
        return
    review = services.send_for_legality_review(decision, user=clerk, submitted_on=step(2))
    reviews.review_take(review, user=reviewer, on=day)
    if until == "review_pending":
        return
    if until == "review_rejected":
        reviews.review_conclude(review, user=reviewer, opinion=Opinion.REJECTED, concluded_on=step(8),
                                reasons="草案第五条设定的收费项目缺乏法律、法规依据")
        return
    reviews.review_conclude(review, user=reviewer, opinion=Opinion.APPROVED, reasons="", concluded_on=step(8))
    if stop <= 5:
        return
    services.hold_collective_discussion(decision, user=clerk, discussed_on=office(4), meeting_kind="executive",
                                        chair=spec.mayor, attendees=f"{unit}长、副{unit}长、党政办主任等", chief_spoke_last=True,
                                        dissent="一名班子成员建议分两期实施" if decision.pk % 3 == 0 else "")
    if stop <= 6:
        return
    services.make_decision(decision, user=clerk, decided_on=day, decision_text="同意按推荐方案实施。",
                           doc_number=f"{spec.short}府发〔{day.year}〕{decision.pk % 20 + 1}号")
    if stop <= 7:
        return
    services.report_to_party_committee(decision, user=clerk, reported_on=step(3))
    if stop <= 8:
        return
    services.publish_decision(decision, user=clerk, published_on=office(2), channel=f"{unit}人民政府门户网站、政务公开栏",
                              adoption_explanation="公众意见采纳6条，专家论证意见已全部采纳")
    if stop <= 9:
        return
    services.archive_decision(decision, user=clerk, archived_on=step(20), archive_number=f"{day.year}-JC-{decision.pk:03d}")
    if stop <= 10:
        return
    services.evaluate_decision(decision, user=clerk, evaluated_on=step(90), evaluator="县委党校（第三方）",
                               trigger="实施一年，群众意见较多", conclusion="总体达到预期，建议完善配套措施")


# A finished year's decisions by the township's slot (stage to stop before, month launched): evaluated; archived
# (complete, no evaluation needed); published, not yet archived — as many as the township's size gives (the larger
# township decides more), so no two demo townships list the same number.
PLANS = {0: (("end", 2), ("evaluation", 4), ("evaluation", 5), ("archiving", 7), ("archiving", 8)),
         1: (("end", 2), ("evaluation", 5), ("archiving", 8)),
         2: (("end", 3), ("archiving", 7))}


def _titles(township, spec, count: int, rng: random.Random) -> list[str]:
    """``count`` decisions the township has not launched before, from its own pool; once that is used up, the
    村庄规划 of its villages (a township decides one for each village in turn), then second phases."""
    used = set(MajorDecision.objects.filter(organisation=township).values_list("title", flat=True))
    fresh = [t for t in (t.format(t=spec.name) for t in pool(spec.code, "decisions")) if t not in used]
    chosen = rng.sample(fresh, min(count, len(fresh)))
    plans = (f"{spec.name}{v.name}村庄规划" for v in township.villages().order_by("code") if not v.name.endswith("社区"))
    chosen += [t for t in plans if t not in used][:count - len(chosen)]
    if len(chosen) < count:  # a township without villages enough: the second phase of earlier decisions
        again = [f"{t.format(t=spec.name)}（二期）" for t in pool(spec.code, "decisions")]
        chosen += [t for t in again if t not in used][:count - len(chosen)]
    return chosen


def _catalog(township, spec, year: int, clerk, today: dt.date) -> DecisionCatalog:
    found = DecisionCatalog.objects.active().filter(organisation=township, year=year).first()
    if found:
        return found
    approved = min(dt.date(year, 1, 15), today)
    published = min(dt.date(year, 1, 22), today)
    return services.create_catalog(organisation=township, year=year, title=f"{spec.name}{year}年度重大行政决策事项目录",
                                   party_approved_on=approved, published_on=published, user=clerk)


def generate_decisions(spec, township, year: int, *, today: dt.date, clerk, reviewer, rng: random.Random,
                       latest: bool = False) -> dict[str, int]:
    """A finished year: up to three decisions decided and published — one evaluated, one archived, one awaiting
    archiving. In the latest demo year of the second township (SFX02), one catalogued decision whose legality
    review never started (法制审核尚未启动, as the seeds report)."""
    catalog = _catalog(township, spec, year, clerk, today)
    made = 0
    plans = PLANS[profile(spec.code).slot % 3]
    titles = _titles(township, spec, len(plans), rng)
    for title, (until, month) in zip(titles, plans):
        start = dt.date(year, month, 3)
        if start + dt.timedelta(days=200 if until == "end" else 140) > today:
            continue
        decision = services.launch_decision(organisation=township, user=clerk, launched_on=start, fields=dict(
            title=title, catalog=catalog, lead_unit=rng.choice(UNITS), planned_on=dt.date(year, 12, 1)))
        _go(decision, clerk=clerk, reviewer=reviewer, start=start, until=until, spec=spec)
        made += 1
    if latest and spec.code == "SFX02" and dt.date(year, 9, 1) <= today:
        services.launch_decision(organisation=township, user=clerk, launched_on=dt.date(year, 9, 1), fields=dict(
            title=f"{spec.name}集镇供水管网改造方案", catalog=catalog, lead_unit="村镇建设办", planned_on=dt.date(year, 12, 1)))
        made += 1
    return {"majordecision": made}


def generate_open_decisions(spec, township, *, today: dt.date, clerk, reviewer, rng: random.Random) -> int:
    """This year's decisions in flight, one at each stage, including one open for public comment with comments."""
    if DecisionCatalog.objects.active().filter(organisation=township, year=today.year).exists():
        return 0
    catalog = _catalog(township, spec, today.year, clerk, today)
    titles = iter(_titles(township, spec, 11, rng))
    made = 0
    # Days the steps before ``until`` take in _go: a decision is made only when they fit before today.
    needed = {"drafting": 0, "participation": 10, "expert": 44, "risk": 49, "legality": 55, "review_pending": 57,
              "review_rejected": 65, "discussion": 65, "decision": 69, "party_report": 69, "publication": 72}
    for until, back in (("drafting", 5), ("participation", 25), ("expert", 60), ("risk", 58), ("legality", 75),
                        ("review_pending", 62), ("review_rejected", 80), ("discussion", 100), ("decision", 105),
                        ("party_report", 110), ("publication", 120)):
        start = max(today - dt.timedelta(days=back), dt.date(today.year, 1, 2))
        if start + dt.timedelta(days=needed[until]) > today:
            continue
        decision = services.launch_decision(organisation=township, user=clerk, launched_on=start, fields=dict(
            title=next(titles), catalog=catalog, lead_unit=rng.choice(UNITS),
            planned_on=dt.date(today.year, 12, 20)))
        _go(decision, clerk=clerk, reviewer=reviewer, start=start, until=until, spec=spec,
            skip_risk=until == "review_pending")
        made += 1
        if until == "participation":
            opens = max(today - dt.timedelta(days=2), decision.launched_on + dt.timedelta(days=10))
            period = services.open_public_participation(
                decision, user=clerk, opens_on=opens, closes_on=opens + dt.timedelta(days=29),
                draft_text=f"{decision.title}（征求意见稿）\n一、目标任务……\n二、主要措施……")
            for text, name in (("建议在方案中明确资金来源和建设时序。", "赵德明"), ("希望听取周边商户的意见。", "")):
                participation.submit_comment(period, text=text, author_name=name)
    return made
