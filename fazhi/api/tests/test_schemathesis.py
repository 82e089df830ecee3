"""Property-based fuzzing of every API operation in /api/openapi.json (schemathesis): whatever the input,
the API answers with a JSON error or success, never a server error. Runs as a clerk of the demo-like
township (session + CSRF), so write operations are exercised, and once anonymously for the public ones."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from django.test import Client  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from fazhi.wsgi import application  # noqa: E402

CSRF = "a" * 32  # an unmasked token: the cookie's secret and the header agree

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Calling the WSGI app directly fires request_finished, which would close the test's database connection
    (and its transaction); Django's own test client disconnects the same receivers."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def session_cookies(clerk, settings):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    client = Client()
    client.force_login(clerk)
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF}


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_no_input_makes_the_api_fail(case, session_cookies):
    response = case.call(cookies=session_cookies, headers={"X-CSRFToken": CSRF})
    case.validate_response(response, checks=[not_a_server_error])
    content_type = (response.headers.get("content-type") or [""])[0]
    assert content_type.startswith("application/json"), (response.status_code, content_type, response.text[:200])
