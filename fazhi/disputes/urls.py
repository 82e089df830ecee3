from django.urls import path

from fazhi.disputes import views

urlpatterns = [
    path("categories/", views.dispute_categories, name="dispute_categories"),
    path("<int:pk>/agreement.docx", views.dispute_agreement, name="dispute_agreement"),
]
