from django.urls import path

from . import views

app_name = "partnerships"
urlpatterns = [
    path("funds/<slug:slug>/", views.fund_detail, name="fund"),
    path("funds/<slug:slug>/contributors/", views.contributors, name="contributors"),
    path("funds/<slug:slug>/packages/", views.packages, name="packages"),
    path(
        "funds/<slug:slug>/packages/<slug:package>/request/",
        views.request_package,
        name="request_package",
    ),
    path("funds/<slug:slug>/my-packages/", views.my_packages, name="my_packages"),
    path("secretariat/funds/<slug:slug>/", views.dashboard, name="dashboard"),
    path("secretariat/funds/<slug:slug>/pledges/", views.record_pledge, name="record_pledge"),
    path("secretariat/funds/<slug:slug>/rates/", views.add_rate, name="add_rate"),
    path(
        "secretariat/funds/<slug:slug>/contributions.csv",
        views.contributions_csv,
        name="contributions_csv",
    ),
    path(
        "secretariat/funds/<slug:slug>/contributions.xlsx",
        views.contributions_xlsx,
        name="contributions_xlsx",
    ),
    path(
        "secretariat/funds/<slug:slug>/contributions/<int:pk>/",
        views.contribution_detail,
        name="contribution",
    ),
    path(
        "secretariat/funds/<slug:slug>/contributions/<int:pk>/receipts/",
        views.record_receipt,
        name="record_receipt",
    ),
    path(
        "secretariat/funds/<slug:slug>/contributions/<int:pk>/acknowledge/",
        views.acknowledge,
        name="acknowledge",
    ),
    path(
        "secretariat/funds/<slug:slug>/contributions/<int:pk>/acknowledgement.pdf",
        views.acknowledgement_letter,
        name="acknowledgement_letter",
    ),
    path(
        "secretariat/funds/<slug:slug>/contributions/<int:pk>/consent/",
        views.set_consent,
        name="set_consent",
    ),
    path(
        "secretariat/funds/<slug:slug>/requests/<int:pk>/confirm/",
        views.confirm_order,
        name="confirm_order",
    ),
    path(
        "secretariat/funds/<slug:slug>/requests/<int:pk>/decline/",
        views.decline_order,
        name="decline_order",
    ),
    path(
        "secretariat/funds/<slug:slug>/benefits/<int:pk>/",
        views.tick_benefit,
        name="tick_benefit",
    ),
]
