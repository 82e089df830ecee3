"""``{% sidebar as nav %}``: the grouped sidebar of fazhi/home/navigation.py for the page being shown."""
from django import template

from fazhi.home.navigation import groups_for, workbench_links

register = template.Library()


@register.simple_tag(takes_context=True)
def sidebar(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    path = request.path
    return {"top": workbench_links(user, path), "groups": groups_for(user, path, context.get("nav_reminders") or 0)}
