"""/acs/: the index of standards and the editors' element search (a standard's own
page, with readiness marks, is in learning.learner)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.standard_index, name="acs_index"),
    path("elements/search/", views.element_search, name="acs_element_search"),
]
