from django.urls import path

from . import views

app_name = "circulars"
urlpatterns = [
    path("circulars/", views.archive, name="archive"),
    path("circulars/feed/", views.ArchiveFeed(), name="feed"),
    path("circulars/<int:pk>/", views.detail, name="detail"),
    path("circulars/<int:pk>/<str:language>.pdf", views.pdf, name="pdf"),
    path("circulars/annexes/<int:pk>/", views.annex, name="annex"),
    path("circulars/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("secretariat/circulars/", views.manage_list, name="manage_list"),
    path("secretariat/circulars/new/", views.edit, name="new"),
    path("secretariat/circulars/<int:pk>/", views.manage, name="manage"),
    path("secretariat/circulars/<int:pk>/edit/", views.edit, name="edit"),
    path("secretariat/circulars/<int:pk>/state/", views.transition, name="transition"),
    path("secretariat/circulars/<int:pk>/revise/", views.revise, name="revise"),
    path("secretariat/circulars/<int:pk>/annexes/", views.add_annex, name="add_annex"),
    path("secretariat/circulars/<int:pk>/send/", views.send, name="send"),
    path("secretariat/mailings/<int:pk>/progress/", views.progress, name="progress"),
    path("secretariat/mailings/<int:pk>/pause/", views.pause, name="pause"),
    path("secretariat/mailings/<int:pk>/resume/", views.resume, name="resume"),
]
