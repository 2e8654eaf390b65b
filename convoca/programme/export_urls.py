"""Schedule exports, under the language prefix: /en/editions/wsis-forum-2022/schedule.xml."""

from django.urls import path

from .exports import views

app_name = "programme_exports"
urlpatterns = [
    path("editions/<slug:slug>/schedule.xml", views.schedule_xml, name="schedule_xml"),
    path("editions/<slug:slug>/schedule.json", views.schedule_json, name="schedule_json"),
    path("editions/<slug:slug>/schedule.ics", views.schedule_ics, name="schedule_ics"),
    path("editions/<slug:slug>/sessions/<uuid:guid>.ics", views.session_ics, name="session_ics"),
    path("editions/<slug:slug>/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("editions/<slug:slug>/export.csv", views.export_csv, name="export_csv"),
    path("editions/<slug:slug>/export.xlsx", views.export_xlsx, name="export_xlsx"),
]
