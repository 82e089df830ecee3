from fazhi.core.ledgers import Ledger, register
from fazhi.disclosure.forms import DisclosureAppealForm, ProactiveReleaseForm
from fazhi.disclosure.models import DisclosureAppeal, ProactiveRelease
from fazhi.disclosure.releases import timeliness_column

register(Ledger(
    model=ProactiveRelease, slug="proactive-releases", title="主动公开", form_class=ProactiveReleaseForm,
    date_field="published_on", group="政务公开", order=50, attachments=True,
    natural_key=("published_on", "title"),
    list_fields=("published_on", "title", "category", "document_number", "formed_on", "venue"),
    filter_fields=("category", "table_item"), search_fields=("title", "document_number"),
    computed=(("公开时限（第二十六条）", timeliness_column),),
    help_text="条例第二十六条：信息形成或者变更之日起20个工作日内予以公开。超过期限公开的记录在列表和政务公开首页中标出。",
))
register(Ledger(
    model=DisclosureAppeal, slug="disclosure-appeals", title="公开复议诉讼", form_class=DisclosureAppealForm,
    date_field="filed_on", group="政务公开", order=52, attachments=True,
    natural_key=("kind", "filed_on", "request", "case_number"),
    list_fields=("filed_on", "kind", "case_number", "request", "outcome", "decided_on"),
    filter_fields=("kind", "outcome"), search_fields=("case_number", "notes"),
    help_text="因政府信息公开工作被申请行政复议、提起行政诉讼的案件，计入年度报告表四。",
))
