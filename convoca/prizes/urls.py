from django.urls import path

from . import views

app_name = "prizes"
C = "prizes/<slug:cycle>"
urlpatterns = [
    path("prizes/", views.cycles, name="cycles"),
    path("prizes/winners/", views.winners, name="winners"),
    path(f"{C}/", views.cycle_detail, name="cycle"),
    path(f"{C}/ballot/", views.ballot, name="ballot"),
    path(f"{C}/ballot/<slug:category>/", views.ballot, name="category"),
    path(f"{C}/projects/<int:pk>/", views.project, name="project"),
    path(f"{C}/projects/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
    path(f"{C}/vote/", views.vote, name="vote"),
    path(f"{C}/my-votes/", views.my_votes, name="my_votes"),
    path(f"{C}/results/", views.results, name="results"),
    path(f"{C}/nominate/", views.nominate, name="nominate"),
    path(f"{C}/my-nominations/", views.my_nominations, name="my_nominations"),
    path(f"{C}/my-nominations/<int:pk>/revise/", views.revise, name="revise"),
    path(f"{C}/manage/", views.manage, name="manage"),
    path(f"{C}/manage/nominations/<int:pk>/", views.decide, name="decide"),
    path(f"{C}/manage/ballot/", views.publish_ballot, name="publish_ballot"),
    path(f"{C}/manage/void/", views.void, name="void"),
    path(f"{C}/manage/champions/", views.champions, name="champions"),
    path(f"{C}/manage/winners/<int:pk>/", views.winner, name="winner"),
    path(f"{C}/jury/", views.board, name="jury"),
    path(f"{C}/jury/<int:pk>/", views.score, name="score"),
]
