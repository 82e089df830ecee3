from django.urls import path

from fazhi.contracts import views

urlpatterns = [
    path("", views.contract_list, name="contract_list"),
    path("new/", views.contract_create, name="contract_create"),
    path("<int:pk>/", views.contract_detail, name="contract_detail"),
    path("<int:pk>/review/", views.review, name="contract_review"),
    path("<int:pk>/sign/", views.sign, name="contract_sign"),
    path("<int:pk>/close/", views.close, name="contract_close"),
    path("<int:pk>/void/", views.void, name="contract_void"),
]
