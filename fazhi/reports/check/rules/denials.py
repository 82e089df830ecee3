"""`shortcoming_contradicts_figure`: part 二 (or 四) must not deny what a figure in parts 一/三 states.

"重大行政决策合法性审查率100%" in part 一 and "部分列入年度目录的重大行政决策事项尚未启动合法性审查" in part 二
cannot both stand as written. A statement is matched to a figure by its subject words (tables.denials(): the
registry label's words plus a short list per figure) and a denial in the same clause ("尚未启动合法性审查",
"未实现全覆盖", "未全部按期", "无…"); a clause that states a rule or an aim ("未经合法性审查的，不得…") is not
a fact, and "合法性审查工作有待加强" denies nothing. Weight 10.
"""
from __future__ import annotations

from fazhi.reports.check import text as t
from fazhi.reports.check.model import LEADERS_DUTY, MEASURES, PLANS, SHORTCOMINGS, CheckInput, Problem
from fazhi.reports.check.tables import AIM_WORDS, CONDITION, PARTIAL, RULE_WORDS, denials

WEIGHT = 10
STATED_IN = (MEASURES, LEADERS_DUTY)
DENIED_IN = (SHORTCOMINGS, PLANS)
PART_NAMES = {SHORTCOMINGS: "“存在的不足”", PLANS: "“下一年度安排”"}


def shortcoming_contradicts_figure(report: CheckInput) -> list[Problem]:
    problems = []
    statements = [(s, c) for s in report.sentences if s.part in DENIED_IN for c in t.clauses(s.text)]
    for denial in denials():
        figures = [f for f in report.own(denial.key) if f.part in STATED_IN and f.value is not None]
        if denial.full:
            figures = [f for f in figures if f.value == 100 and not f.approx]
        else:
            figures = [f for f in figures if f.value > 0]
        if not figures:
            continue
        for sentence, clause in statements:
            if not denial.subject.search(clause) or not denial.denies.search(clause) or not _a_fact(sentence, clause):
                continue
            if not denial.full and PARTIAL.search(clause) or denial.unless is not None and denial.unless.search(clause):
                continue
            figure = figures[0]
            problems.append(Problem(
                "shortcoming_contradicts_figure",
                f"{PART_NAMES[sentence.part]}中“{clause.strip()}”与{t.named(figure)}相互矛盾；"
                f"请核实，或写明两者所指的范围{'（如该比率按什么计算）' if denial.full else ''}",
                (denial.key,), WEIGHT))
            break  # one problem per figure
    return problems


def _a_fact(sentence, clause: str) -> bool:
    """Not an aim ("确保应审尽审") nor a rule ("未经合法性审查的，不得提交讨论")."""
    if AIM_WORDS.search(clause):
        return False
    return not (RULE_WORDS.search(sentence.text) and CONDITION.search(clause.strip()))
