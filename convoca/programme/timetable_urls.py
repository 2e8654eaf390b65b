app_name = "timetable"

urlpatterns = []
