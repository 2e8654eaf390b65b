"""The expression of interest form: the applicant's organization and the call's questions."""

import re
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from convoca.consultations import services as calls
from convoca.core.permissions import require_or_404
from convoca.questionnaires.forms import AnswersForm

from .. import pipeline
from ..forms import ApplicantForm
from ._shared import attach, coalition_or_404

FORM_KEY = re.compile(r"[A-Za-z0-9_-]{16,40}")


@login_required
def express_interest(request: HttpRequest, slug: str) -> HttpResponse:
    """Send the coalition's form for an organization; refused after the deadline with the
    deadline in the call's and the applicant's time zones, keeping what was typed."""
    coalition = coalition_or_404(slug)
    call = coalition.eoi_call
    if call is None:
        raise Http404
    require_or_404(request.user, "consultations.submit")
    if request.method == "POST":
        form = ApplicantForm(request.POST)
        answers_form = AnswersForm(call.questionnaire, request.POST, request.FILES, prefix="q")
        if form.is_valid() and answers_form.is_valid():
            key = request.POST.get("form_key", "")
            try:
                outcome = pipeline.express_interest(
                    coalition=coalition,
                    user=request.user,
                    applicant=pipeline.Applicant(**form.cleaned_data),
                    answers=answers_form.answers(),
                    form_key=key if FORM_KEY.fullmatch(key) else "",
                )
            except ValidationError as error:
                attach(form, error, answers_form)
            else:
                if outcome.joined:
                    messages.info(
                        request,
                        _(
                            "%(organization)s had already expressed interest: your form has "
                            "been added to it, and the secretariat will get back to you both."
                        )
                        % {"organization": outcome.expression.organization},
                    )
                else:
                    messages.success(
                        request,
                        _(
                            "Thank you: the secretariat will contact you about the next steps "
                            "and the calendar of events."
                        ),
                    )
                return redirect(coalition)
    else:
        form = ApplicantForm()
        answers_form = AnswersForm(call.questionnaire, prefix="q")
    context = {
        "coalition": coalition,
        "call": call,
        "form": form,
        "answers_form": answers_form,
        "deadline": calls.deadline_for(call, request.user),
        "open": calls.accepts(call, request.user),
        "form_key": request.POST.get("form_key") or secrets.token_urlsafe(18),
    }
    return render(request, "coalitions/express_interest.html", context)
