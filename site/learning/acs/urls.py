"""/acs/: the public standards and the editors' element search."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.standard_index, name="acs_index"),
    path("elements/search/", views.element_search, name="acs_element_search"),
    path("<slug:slug>/", views.standard_detail, name="acs_standard"),
]
