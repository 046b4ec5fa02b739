"""Site URLs of the endorsements part, mounted at /endorsements/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.endorsement_list, name="endorsement_list"),
    path("verify/<str:verification_hash>/", views.endorsement_verify, name="endorsement_verify"),
    path("<str:verification_hash>/pdf/", views.endorsement_pdf, name="endorsement_pdf"),
]
