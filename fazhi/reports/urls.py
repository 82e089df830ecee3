from django.urls import path
from django.http import HttpResponse

# Placeholder until the reports app lands (being written now).
urlpatterns = [path("", lambda r: HttpResponse("年度报告"), name="report_index")]
