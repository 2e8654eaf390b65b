from django.urls import path

from . import publishing, views

app_name = "programme"
urlpatterns = [
    path("editions/", views.edition_list, name="editions"),
    path("editions/<slug:slug>/", views.edition_detail, name="edition"),
    path("editions/<slug:slug>/programme/", views.programme, name="programme"),
    path("editions/<slug:slug>/changes/", publishing.changes, name="changes"),
    path("editions/<slug:slug>/sessions/<slug:code>/", views.session_detail, name="session"),
    path("editions/<slug:slug>/speakers/", views.speaker_list, name="speakers"),
    path("editions/<slug:slug>/speakers/<int:pk>/", views.speaker_detail, name="speaker"),
    path("editions/<slug:slug>/agenda/", views.agenda, name="agenda"),
    path("editions/<slug:slug>/agenda/star/", views.star, name="star"),
]
