from django.urls import path

from . import views

app_name = "coalitions"
C = "coalitions/<slug:slug>/"
S = "secretariat/coalitions/<slug:slug>/"
urlpatterns = [
    path("coalitions/", views.coalition_list, name="list"),
    path(C, views.coalition_detail, name="detail"),
    path(C + "join/", views.express_interest, name="express_interest"),
    path(C + "pledges/", views.registry, name="registry"),
    path(C + "pledges.csv", views.registry_csv, name="registry_csv"),
    path(C + "pledges.xlsx", views.registry_xlsx, name="registry_xlsx"),
    path(C + "pledges/<int:pk>/", views.pledge_detail, name="pledge"),
    path(C + "pledges/<int:pk>/edit/", views.edit_pledge, name="edit_pledge"),
    path(C + "pledges/<int:pk>/state/", views.publish_pledge, name="publish_pledge"),
    path(C + "pledges/<int:pk>/progress/", views.report_progress, name="report_progress"),
    path(C + "pledges/new/", views.edit_pledge, name="new_pledge"),
    path(C + "my-pledges/", views.my_pledges, name="my_pledges"),
    path(C + "world/", views.world, name="world"),
    path(C + "countries/<str:code>/", views.country_page, name="country"),
    path(C + "working-groups/", views.working_groups, name="working_groups"),
    path(C + "working-groups/<slug:group>/", views.working_group, name="working_group"),
    path(C + "working-groups/<slug:group>/meetings.ics", views.group_ical, name="group_ical"),
    path(S + "board/", views.board, name="board"),
    path(S + "expressions/<int:pk>/", views.expression_detail, name="expression"),
    path(S + "expressions/<int:pk>/move/", views.move_expression, name="move"),
    path(S + "expressions/<int:pk>/follow-up/", views.follow_up, name="follow_up"),
    path(S + "expressions/<int:pk>/email/", views.email_expression, name="email"),
    path(S + "expressions/<int:pk>/merge/", views.merge_expression, name="merge"),
    path(S + "rates/", views.add_rate, name="rates"),
    path(S + "working-groups/<slug:group>/", views.manage_group, name="manage_group"),
]
