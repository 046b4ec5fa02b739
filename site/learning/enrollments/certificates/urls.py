"""Certificate URLs: public verification and the holder's PDF."""

from django.urls import path

from . import views

urlpatterns = [
    path("verify/<str:verification_hash>/", views.verify, name="certificate_verify"),
    path("<str:number>/pdf/", views.download_pdf, name="certificate_pdf"),
]
