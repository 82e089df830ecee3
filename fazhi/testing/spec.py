"""Facts from the shared specification that tests check the code against (kept apart from the code on purpose)."""

# The fixed keys of shared/INDICATORS.md, in its order: the registry may add keys but never rename these.
INDICATORS_MD_KEYS = (
    "rule_of_law_meetings", "study_sessions", "exam_participants", "exam_pass_rate", "court_hearings_attended",
    "legality_reviews", "normative_docs_filed", "normative_docs_repealed", "disclosure_proactive",
    "disclosure_requests", "disclosure_response_rate", "enforcement_officers", "enforcement_training",
    "penalty_cases", "case_file_reviews", "publicity_events", "publicity_materials", "legal_consultations",
    "publicity_audience", "legal_literates", "disputes_handled", "disputes_resolved", "dispute_success_rate",
    "reconsideration_cases", "litigation_cases", "court_appearances", "court_appearance_rate", "legal_aid",
    "legal_advisor_coverage",
)
