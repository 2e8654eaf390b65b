from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from convoca.api.api import api
from convoca.web import views as web

handler500 = "convoca.web.views.server_error"

urlpatterns = [
    path("healthz", web.healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", web.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("convoca.accounts.urls")),
    path("", include("convoca.stakeholders.urls")),
    path("", include("convoca.circulars.urls")),
    path("", include("convoca.programme.urls")),
    path("", include("convoca.programme.export_urls")),
    path("", include("convoca.programme.timetable_urls")),
    path("", include("convoca.partnerships.urls")),
    path("", include("convoca.consultations.urls")),
    path("", include("convoca.registration.urls")),
    path("", include("convoca.prizes.urls")),
    path("", include("convoca.coalitions.urls")),
    path("action-lines/", web.action_lines, name="action_lines"),
    path("sdgs/", web.sdgs, name="sdgs"),
    path("focus-areas/", web.focus_areas, name="focus_areas"),
    path("history/<str:model>/<str:pk>/", web.object_history, name="history"),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
