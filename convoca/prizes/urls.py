app_name = "prizes"
urlpatterns: list = []
