"""Quiz URLs for learners: start an attempt, take it (autosave, save, submit), see the result."""

from django.urls import path

from . import views

urlpatterns = [
    path("learn/quizzes/<id:assessment_id>/start/", views.start, name="quiz_start"),
    path("learn/attempts/<id:attempt_id>/", views.attempt_page, name="quiz_attempt"),
    path("learn/attempts/<id:attempt_id>/answer/", views.answer, name="quiz_answer"),
    path("learn/attempts/<id:attempt_id>/save/", views.save, name="quiz_save"),
    path("learn/attempts/<id:attempt_id>/submit/", views.submit, name="quiz_submit"),
    path("learn/attempts/<id:attempt_id>/result/", views.result, name="quiz_result"),
]
