"""The jury's pages: the champions to score, and one champion's score form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import selectors, services
from ..forms import ScoreForm
from ..models import CHAMPION_STATES, JuryReview, Nomination
from ._shared import judged_cycle, nav


def board(request: HttpRequest, cycle: str) -> HttpResponse:
    found = judged_cycle(request, cycle)
    context = nav(request, found, "jury") | {
        "board": selectors.jury_board(cycle=found, juror=request.user)
    }
    return render(request, "prizes/jury.html", context)


def score(request: HttpRequest, cycle: str, pk: int) -> HttpResponse:
    found = judged_cycle(request, cycle)
    nomination = get_object_or_404(
        Nomination.objects.select_related("organization", "category"),
        cycle=found, pk=pk, state__in=list(CHAMPION_STATES),
    )  # fmt: skip
    review = JuryReview.objects.filter(nomination=nomination, juror=request.user).first()
    form = ScoreForm(request.POST or None, criteria=found.criteria.all(), review=review)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            services.score_champion(
                nomination=nomination, juror=request.user, scores=form.scores(),
                comment=form.cleaned_data["comment"], submit=submit,
            )  # fmt: skip
        except ValidationError as refused:
            form.add_error(None, refused.messages[0])
        else:
            messages.success(request, _("Scores submitted.") if submit else _("Scores saved."))
            return redirect("prizes:score", cycle=found.slug, pk=nomination.pk)
    context = nav(request, found, "jury") | {
        "project": nomination,
        "form": form,
        "review": review,
        "reviews": selectors.reviews_visible_to(nomination=nomination, juror=request.user),
    }
    return render(request, "prizes/score.html", context)
