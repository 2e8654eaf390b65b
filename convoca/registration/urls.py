from django.urls import path, re_path

from . import views

app_name = "registration"
EDITION = "editions/<slug:slug>/"
STAFF = "secretariat/editions/<slug:slug>/"
urlpatterns = [
    path(f"{EDITION}register/", views.register, name="register"),
    path(f"{EDITION}registration/", views.mine, name="mine"),
    path(f"{EDITION}registration/cancel/", views.cancel, name="cancel"),
    path(f"{EDITION}registration/badge.pdf", views.my_badge, name="my_badge"),
    path(f"{EDITION}remote/", views.remote, name="remote"),
    path(f"{EDITION}remote/<slug:code>/join/", views.join, name="join"),
    path(f"{EDITION}seats/<slug:code>/", views.take_seat, name="take_seat"),
    path(f"{EDITION}seats/<slug:code>/cancel/", views.cancel_seat, name="cancel_seat"),
    path(f"{EDITION}delegations/<slug:organization>/", views.delegation, name="delegation"),
    path(f"{STAFF}registrations/", views.registrations, name="staff_list"),
    path(f"{STAFF}registrations/decide/", views.bulk_decide, name="bulk_decide"),
    path(f"{STAFF}registrations/<int:pk>/", views.registration_detail, name="staff_detail"),
    re_path(
        r"^secretariat/editions/(?P<slug>[-\w]+)/registrations\.(?P<kind>csv|xlsx)$",
        views.export,
        name="export",
    ),
    path(f"{STAFF}badges.pdf", views.badges_pdf, name="badges"),
    path(f"{STAFF}registration-settings/", views.settings, name="settings"),
    path(f"{STAFF}invitations/", views.invitations, name="invitations"),
    path(f"{STAFF}check-in/", views.check_in, name="check_in"),
    path(f"{STAFF}attendance/", views.figures, name="figures"),
    re_path(
        r"^secretariat/editions/(?P<slug>[-\w]+)/attendance\.(?P<kind>csv|xlsx)$",
        views.figures_export,
        name="figures_export",
    ),
]
