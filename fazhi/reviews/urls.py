from django.urls import path

from fazhi.reviews import views

urlpatterns = [
    path("", views.queue, name="review_queue"),
    path("new/", views.register_other, name="review_register"),
    path("<int:pk>/", views.detail, name="review_detail"),
    path("<int:pk>/take/", views.take, name="review_take"),
    path("<int:pk>/conclude/", views.conclude, name="review_conclude"),
    path("<int:pk>/withdraw/", views.withdraw, name="review_withdraw"),
    path("<int:pk>/void/", views.void, name="review_void"),
]
