from django.urls import path

from fazhi.participation import views

urlpatterns = [
    path("comments/<int:pk>/moderate/", views.moderate, name="comment_moderate"),
]
