"""Pages of a submitter: the submission form (drafts, autosave, submit), their submissions,
a withdrawal, and the input of a regional or national event."""

import re
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convoca.core.permissions import require_or_404
from convoca.questionnaires import answers as answer_display
from convoca.questionnaires.forms import AnswersForm

from .. import public_selectors as selectors
from .. import services
from ..forms import EventInputForm, SpeakerFormSet, SubmissionForm, speakers_of
from ..models import SubmissionState
from .public import _consultation, viewer_zone

FORM_KEY = re.compile(r"[A-Za-z0-9_-]{16,40}")


def _call(slug: str):
    call = selectors.call_page(slug=slug)
    if call is None:
        raise Http404
    return call


def _draft(call, user, pk: int | None):
    if pk is None:
        return None
    submission = call.submissions.filter(pk=pk, submitter=user).first()
    if submission is None:
        raise Http404
    return submission


def _speaker_initial(submission) -> list[dict]:
    if submission is None:
        return []
    return [
        {
            "name": s.name,
            "organization_name": s.organization_name,
            "country": s.country.code if s.country else "",
            "gender": s.gender,
            "email": s.email,
        }
        for s in submission.speakers.all()
    ]


@login_required
def edit_submission(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Save a draft (by the button or by autosave) or submit; a refused submit keeps the draft."""
    call = _call(slug)
    require_or_404(request.user, "consultations.submit")
    submission = _draft(call, request.user, pk)
    if submission is not None and not submission.is_editable:
        return redirect(submission)
    answers = submission.answers if submission else {}
    if request.method == "POST":
        form = SubmissionForm(request.POST, call=call, user=request.user)
        # Types are checked here; required answers by the service on submit, so a refused
        # submission still keeps everything typed as a draft.
        answers_form = AnswersForm(
            call.questionnaire,
            request.POST,
            request.FILES,
            answers=answers,
            prefix="q",
            require=False,
        )
        speakers = SpeakerFormSet(request.POST, prefix="speakers") if call.is_workshop else None
        forms_valid = [form.is_valid(), answers_form.is_valid()]
        forms_valid.append(speakers is None or speakers.is_valid())
        if all(forms_valid):
            result = _save(request, call, submission, form, answers_form, speakers)
            if result is not None:
                return result
            submission = submission or getattr(form, "saved", None)
        elif request.headers.get("HX-Request"):
            return render(request, "consultations/submitting/_autosaved.html", {"failed": True})
    else:
        form = SubmissionForm(
            initial=SubmissionForm.initial_for(submission), call=call, user=request.user
        )
        answers_form = AnswersForm(call.questionnaire, answers=answers, prefix="q")
        speakers = (
            SpeakerFormSet(initial=_speaker_initial(submission), prefix="speakers")
            if call.is_workshop
            else None
        )
    warn_gender = False
    if speakers is not None and speakers.is_bound and speakers.is_valid():
        warn_gender = services.lacks_woman_speaker(speakers_of(speakers))
    elif submission is not None and call.is_workshop:
        warn_gender = services.lacks_woman_speaker(submission.speakers.all())
    context = {
        "call": call,
        "submission": submission,
        "form": form,
        "answers_form": answers_form,
        "speakers": speakers,
        "warn_gender": warn_gender,
        "deadline": services.deadline_for(call, request.user),
        "form_key": request.POST.get("form_key")
        or (submission.form_key if submission else "")
        or secrets.token_urlsafe(18),
        "viewer_zone": viewer_zone(request),
    }
    return render(request, "consultations/submitting/edit.html", context)


def _save(request, call, submission, form, answers_form, speakers) -> HttpResponse | None:
    """Save the draft, then submit if asked; None re-renders the form with the refusal."""
    data = form.cleaned_data
    arguments = {
        "call": call,
        "user": request.user,
        "title": data["title"],
        "answers": answers_form.answers(),
        "organization": data.get("organization"),
        "format": data.get("format", ""),
        "speakers": speakers_of(speakers) if speakers is not None else None,
        "action_lines": data.get("action_lines"),
        "sdgs": data.get("sdgs"),
        "co_organizations": data.get("co_organizations"),
    }
    form_key = request.POST.get("form_key", "")
    arguments["form_key"] = form_key if FORM_KEY.fullmatch(form_key) else ""
    try:
        draft = services.save_draft(submission=submission, **arguments)
    except ValidationError as error:
        _attach(form, answers_form, error)
        return None
    if not draft.is_editable:
        return redirect(draft)  # this form was already sent: a second click
    form.saved = draft
    if request.POST.get("action") == "submit":
        try:
            sent = services.submit(submission=draft, **arguments)
        except ValidationError as error:
            _attach(form, answers_form, error)
            form.add_error(
                None, _("Not sent yet: your draft is saved. Complete it and send again.")
            )
            return None
        messages.success(request, _("Your submission has been sent. Thank you."))
        return redirect(sent)
    if request.headers.get("HX-Request"):
        return render(request, "consultations/submitting/_autosaved.html", {"submission": draft})
    messages.success(request, _("Draft saved. You can come back to it before the deadline."))
    return redirect("consultations:edit_submission", slug=call.slug, pk=draft.pk)


def _attach(form, answers_form, error: ValidationError) -> None:
    """A refusal from the service lands on the field it names, or on top of the form."""
    if hasattr(error, "error_dict"):
        for key, messages_ in error.message_dict.items():
            target = answers_form if key in answers_form.fields else form
            for message in messages_:
                target.add_error(key if key in target.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


@login_required
def my_submissions(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "consultations/submitting/mine.html",
        {"submissions": selectors.submissions_of(user=request.user)},
    )


@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_page(pk=pk)
    if submission is None:
        raise Http404
    require_or_404(request.user, "consultations.view_submission", submission)
    context = {
        "submission": submission,
        "call": submission.call,
        "answers": answer_display.display(submission.call.questionnaire, submission.answers),
        "can_withdraw": submission.submitter_id == request.user.pk
        and SubmissionState.WITHDRAWN in services.TRANSITIONS[submission.state],
        "decided": submission.state in services.DECIDED_STATES,
    }
    return render(request, "consultations/submitting/detail.html", context)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_page(pk=pk)
    if submission is None or submission.submitter_id != request.user.pk:
        raise Http404
    try:
        services.transition(submission, to=SubmissionState.WITHDRAWN, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your submission has been withdrawn."))
    return redirect(submission)


@login_required
def new_input(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    require_or_404(request.user, "consultations.submit")
    form = EventInputForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.submit_input(consultation=consultation, user=request.user, form=form)
        messages.success(request, _("Thank you: your event's outcome is now listed as an input."))
        return redirect("consultations:inputs", slug=consultation.slug)
    return render(
        request,
        "consultations/submitting/new_input.html",
        {"consultation": consultation, "form": form},
    )
