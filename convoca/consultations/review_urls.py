"""The secretariat's and the reviewers' addresses (inside app_name "consultations")."""

from django.urls import path, re_path

from .views import review, secretariat

CALL = "secretariat/calls/<slug:slug>/"
SUBMISSION = f"{CALL}submissions/<int:pk>/"

urlpatterns = [
    path(
        "secretariat/consultations/<slug:slug>/",
        secretariat.consultation_dashboard,
        name="dashboard",
    ),
    re_path(
        r"^secretariat/consultations/(?P<slug>[-a-zA-Z0-9_]+)/submissions\.(?P<extension>csv|xlsx)$",
        secretariat.consultation_export,
        name="consultation_export",
    ),
    path(CALL, secretariat.manage_call, name="manage_call"),
    re_path(
        r"^secretariat/calls/(?P<slug>[-a-zA-Z0-9_]+)/submissions\.(?P<extension>csv|xlsx)$",
        secretariat.call_export,
        name="call_export",
    ),
    path(f"{CALL}state/", secretariat.call_transition, name="call_transition"),
    path(f"{CALL}criteria/", secretariat.add_criterion, name="add_criterion"),
    path(f"{CALL}criteria/<int:pk>/remove/", secretariat.remove_criterion, name="remove_criterion"),
    path(f"{CALL}extensions/", secretariat.grant_extension, name="grant_extension"),
    path(f"{CALL}auto-assign/", secretariat.auto_assign, name="auto_assign"),
    path(f"{CALL}decisions/", secretariat.decide, name="decide"),
    path(SUBMISSION, secretariat.manage_submission, name="manage_submission"),
    path(f"{SUBMISSION}assign/", secretariat.assign, name="assign"),
    path(
        f"{SUBMISSION}assignments/<int:assignment>/remove/",
        secretariat.unassign,
        name="unassign",
    ),
    path(f"{SUBMISSION}session/", secretariat.create_session, name="create_session"),
    path(f"{SUBMISSION}scheduled/", secretariat.mark_scheduled, name="mark_scheduled"),
    path("reviews/", review.my_reviews, name="my_reviews"),
    path("reviews/<int:pk>/", review.review_submission, name="review"),
]
