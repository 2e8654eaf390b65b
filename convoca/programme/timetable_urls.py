from django.urls import path

from . import publishing, timetable

app_name = "timetable"

urlpatterns = [
    path("secretariat/editions/<slug:slug>/timetable/", timetable.grid, name="grid"),
    path("secretariat/editions/<slug:slug>/timetable/move/", timetable.move, name="move"),
    path("secretariat/editions/<slug:slug>/publish/", publishing.publish, name="publish"),
]
