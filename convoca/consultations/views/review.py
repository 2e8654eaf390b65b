"""A reviewer's pages: what is assigned to me with the state of my review, and the review form.

Blindness: the other reviewers' scores and comments appear only once my own review is sent.
A submission not assigned to me is a 404."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from convoca.core.permissions import require_or_404
from convoca.questionnaires import answers as answer_display

from .. import review, selectors
from ..forms_review import ReviewForm


@login_required
def my_reviews(request: HttpRequest) -> HttpResponse:
    assignments = list(selectors.my_assignments(reviewer=request.user))
    return render(
        request,
        "consultations/review/mine.html",
        {
            "assignments": assignments,
            "to_do": sum(1 for a in assignments if a.sent_at is None),
        },
    )


def _others(submission, me) -> tuple[list, Decimal | None, list]:
    """Every sent review (mine included) with its scores in the criteria's order, and the
    average weighted score."""
    criteria = list(submission.call.criteria.all())
    reviews = selectors.sent_reviews(submission=submission)
    for entry in reviews:
        values = {score.criterion_id: score.value for score in entry.scores.all()}
        entry.values = [values.get(criterion.pk) for criterion in criteria]
        entry.is_mine = entry.reviewer_id == me.pk
    average = (
        (sum((r.total for r in reviews), Decimal("0")) / len(reviews)).quantize(Decimal("0.01"))
        if reviews
        else None
    )
    return reviews, average, criteria


@login_required
def review_submission(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.review_page(pk=pk)
    if submission is None:
        raise Http404
    require_or_404(request.user, "consultations.review_submission", submission)
    criteria = list(submission.call.criteria.all())
    mine = selectors.review_of(submission=submission, reviewer=request.user)
    conflict = review.conflict(request.user, submission)
    if request.method == "POST":
        form = ReviewForm(request.POST, criteria=criteria)
        if form.is_valid():
            final = request.POST.get("action") == "submit"
            try:
                review.save_review(
                    submission=submission,
                    reviewer=request.user,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                    final=final,
                )
            except ValidationError as error:
                _attach(form, error)
            else:
                messages.success(
                    request,
                    _("Your review is sent. The other reviewers' scores are shown below.")
                    if final
                    else _("Your review is saved as a draft; send it when it is complete."),
                )
                return redirect("consultations:review", pk=submission.pk)
        if not form.errors.get("__all__"):
            form.add_error(None, _("Nothing was sent: correct the marked scores and send again."))
        status = 400
    else:
        form = ReviewForm(initial=ReviewForm.initial_for(mine), criteria=criteria)
        status = 200
    sent = mine is not None and mine.submitted_at is not None
    reviews, average, _criteria = _others(submission, request.user) if sent else ([], None, [])
    context = {
        "submission": submission,
        "call": submission.call,
        "answers": answer_display.display(submission.call.questionnaire, submission.answers),
        "form": form,
        "review": mine,
        "sent": sent,
        "conflict": conflict,
        "open": submission.state in review.REVIEWABLE_STATES and not conflict,
        "criteria": criteria,
        "reviews": reviews,
        "average": average,
    }
    return render(request, "consultations/review/form.html", context, status=status)


def _attach(form: ReviewForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for key, messages_ in error.message_dict.items():
            for message in messages_:
                form.add_error(key if key in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
