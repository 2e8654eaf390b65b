from django.urls import path

from . import views

app_name = "stakeholders"
urlpatterns = [
    path("organizations/", views.organization_list, name="organizations"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization"),
    path("organizations/<slug:slug>/edit/", views.organization_edit, name="organization_edit"),
    path(
        "organizations/<slug:slug>/focal-point/",
        views.request_focal_point,
        name="request_focal_point",
    ),
    path("secretariat/focal-points/", views.focal_point_requests, name="focal_point_requests"),
    path("secretariat/focal-points/<int:pk>/", views.decide_focal_point, name="decide_focal_point"),
]
