"""Certificate URLs: public verification and the holder's PDF."""

from django.urls import path

from . import certificate_views

urlpatterns = [
    path("verify/<str:verification_hash>/", certificate_views.verify, name="certificate_verify"),
    path("<str:number>/pdf/", certificate_views.download_pdf, name="certificate_pdf"),
]
