from django import template

register = template.Library()


@register.inclusion_tag("oversight/_filing_panel.html", takes_context=True)
def filing_panel(context, org, year):
    """The report page's box: where the report stands with the county, and the next step (submit, publish)."""
    from fazhi.oversight.views.filing import filing_panel_context

    return {**filing_panel_context(context["request"].user, org, year), "request": context["request"],
            "csrf_token": context.get("csrf_token")}
