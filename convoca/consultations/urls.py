from django.urls import include, path

from .views import public, setup, submitting

app_name = "consultations"
urlpatterns = [
    path("consultations/", public.consultation_list, name="list"),
    path("consultations/<slug:slug>/", public.consultation_detail, name="detail"),
    path("consultations/<slug:slug>/phases.ics", public.phases_ical, name="phases_ical"),
    path("consultations/<slug:slug>/inputs/", public.inputs, name="inputs"),
    path("consultations/<slug:slug>/inputs/new/", submitting.new_input, name="new_input"),
    path("calls/<slug:slug>/", public.call_detail, name="call"),
    path("calls/<slug:slug>/submit/", submitting.edit_submission, name="submit"),
    path("calls/<slug:slug>/submit/<int:pk>/", submitting.edit_submission, name="edit_submission"),
    path("submissions/", submitting.my_submissions, name="my_submissions"),
    path("submissions/<int:pk>/", submitting.submission_detail, name="submission"),
    path("submissions/<int:pk>/withdraw/", submitting.withdraw, name="withdraw"),
    path("secretariat/consultations/", setup.manage_list, name="manage_list"),
    path("secretariat/consultations/new/", setup.edit_consultation, name="new_consultation"),
    path(
        "secretariat/consultations/<slug:slug>/setup/",
        setup.edit_consultation,
        name="edit_consultation",
    ),
    path(
        "secretariat/consultations/<slug:consultation>/calls/new/",
        setup.edit_call,
        name="new_call",
    ),
    path("secretariat/calls/<slug:slug>/setup/", setup.edit_call, name="edit_call"),
    path("secretariat/calls/<slug:slug>/questions/", setup.edit_questions, name="edit_questions"),
    path("", include("convoca.consultations.review_urls")),
]
