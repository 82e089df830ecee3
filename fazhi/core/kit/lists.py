"""Paging a filtered list: 50 records a page on the HTML list and on the API list, the filters kept."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from rest_framework.pagination import PageNumberPagination

PER_PAGE = 50


def list_page(request, queryset: QuerySet, *, per_page: int = PER_PAGE) -> dict:
    """What a list page's template needs: ``page`` (an unreadable page number shows the first page, one past the end
    the last) and ``query``, the filters as a query string without ``page`` for the pagination links."""
    page: Page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page": page, "query": query.urlencode()}


class ApiPages(PageNumberPagination):
    """The API's paging: ``page`` (50 a page); a page that does not exist answers 404 with the reason in Chinese."""

    page_size = PER_PAGE
    invalid_page_message = "页码无效：没有第 {page_number} 页"


def api_list(view, request, queryset: QuerySet, rows: Callable[[Sequence], list]):
    """One page of ``queryset`` as the API's paginated answer (count, next, previous, results); ``rows`` turns the
    page's records into JSON rows."""
    paginator = ApiPages()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(rows(page))
