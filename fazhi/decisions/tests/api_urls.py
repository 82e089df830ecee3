"""A URL conf with only the decisions API under /api/, as fazhi/api/urls.py is to include it."""
from django.urls import include, path

from fazhi.decisions.api import api_urlpatterns

urlpatterns = [path("api/", include(api_urlpatterns))]
