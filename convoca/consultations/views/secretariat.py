"""The secretariat's pages of a consultation and its calls: the dashboard, the exports, a call's
management page (state, criteria, extensions, reviewers, the review queue with bulk
decisions) and one submission with its reviews, assignments and programme session.

Every write goes through `services` or `review`; a refusal comes back as a form error or a
message and nothing is half saved. A call or consultation the user may not manage is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from convoca.core.permissions import require_or_404
from convoca.questionnaires import answers as answer_display

from .. import dashboard, exports, review, selectors, services
from ..forms_review import (
    AssignForm,
    AutoAssignForm,
    CallStateForm,
    CriterionForm,
    DecisionForm,
    ExtensionForm,
    QueueFilterForm,
    SessionForm,
)
from ..models import CALL_TRANSITIONS, CallState, ReviewAssignment, SubmissionState

MANAGE = "consultations.manage_call"  # the secretariat predicate; it reads any scoped object
PER_PAGE = 100


def _managed_call(request: HttpRequest, slug: str):
    call = selectors.managed_call(slug=slug)
    if call is None:
        raise Http404
    require_or_404(request.user, MANAGE, call)
    return call


def _managed_consultation(request: HttpRequest, slug: str):
    consultation = selectors.managed_consultation(slug=slug)
    if consultation is None:
        raise Http404
    require_or_404(request.user, MANAGE, consultation)
    return consultation


def _refusal(error: ValidationError) -> str:
    return " ".join(error.messages)


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


# --- Consultation: dashboard and exports -------------------------------------------------------


@login_required
@require_safe
def consultation_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _managed_consultation(request, slug)
    context = {
        "consultation": consultation,
        "breakdowns": dashboard.breakdowns(consultation),
        "calls": consultation.calls.order_by("closes_at", "pk"),
    }
    return render(request, "consultations/secretariat/dashboard.html", context)


@login_required
@require_safe
def consultation_export(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    consultation = _managed_consultation(request, slug)
    return _export(exports.submissions_export(consultation=consultation), extension)


@login_required
@require_safe
def call_export(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    call = _managed_call(request, slug)
    return _export(exports.submissions_export(call=call), extension)


def _export(export: exports.Export, extension: str) -> HttpResponse:
    filename = f"{export.name}-submissions.{extension}"
    if extension == "csv":
        return _download(export.csv(), "text/csv; charset=utf-8", filename)
    return _download(export.xlsx(), exports.XLSX, filename)


# --- A call: its page with the review queue ----------------------------------------------------


def _queue_url(call, query: str = "", anchor: str = "") -> str:
    url = reverse("consultations:manage_call", kwargs={"slug": call.slug})
    # Re-encoded, so only a query string can follow the call's own address.
    query = QueryDict(query).urlencode() if query else ""
    return f"{url}{'?' + query if query else ''}{'#' + anchor if anchor else ''}"


def _without_page(query: QueryDict) -> str:
    kept = query.copy()
    kept.pop("page", None)
    return kept.urlencode()


def _render_call(request: HttpRequest, call, status: int = 200, **forms) -> HttpResponse:
    filter_form = QueueFilterForm(request.GET or None)
    filters = filter_form.filters() if request.GET else selectors.QueueFilters()
    page = Paginator(selectors.review_queue(call=call, filters=filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    reviewer_pool = selectors.reviewers_for(call=call)
    context = {
        "call": call,
        "consultation": call.consultation,
        "criteria": list(call.criteria.all()),
        "extensions": call.extensions.select_related("user").order_by("closes_at"),
        "next_states": sorted(CALL_TRANSITIONS[call.state]),
        "state_labels": dict(CallState.choices),
        "filter_form": filter_form,
        "page": page,
        "query": _without_page(request.GET),
        "sort": filters.sort,
        "reviewer_count": reviewer_pool.count(),
        "criterion_form": forms.get("criterion_form") or CriterionForm(prefix="criterion"),
        "extension_form": forms.get("extension_form") or ExtensionForm(call=call),
        "auto_assign_form": forms.get("auto_assign_form") or AutoAssignForm(),
        "decision_form": forms.get("decision_form") or DecisionForm(ids=[]),
    }
    return render(request, "consultations/secretariat/call.html", context, status=status)


@login_required
@require_safe
def manage_call(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_call(request, _managed_call(request, slug))


@login_required
@require_POST
def call_transition(request: HttpRequest, slug: str) -> HttpResponse:
    call = _managed_call(request, slug)
    form = CallStateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what to do with the call."))
        return redirect(_queue_url(call))
    try:
        call = services.transition_call(call, to=form.cleaned_data["to"], by=request.user)
    except ValidationError as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(
            request, _("The call is now “%(state)s”.") % {"state": call.get_state_display()}
        )
    return redirect(_queue_url(call))


@login_required
@require_POST
def add_criterion(request: HttpRequest, slug: str) -> HttpResponse:
    call = _managed_call(request, slug)
    form = CriterionForm(request.POST, prefix="criterion")
    if form.is_valid():
        try:
            criterion = review.add_criterion(call=call, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, _refusal(error))
        else:
            messages.success(request, _("Criterion “%(name)s” added.") % {"name": criterion.name})
            return redirect(_queue_url(call, anchor="criteria"))
    return _render_call(request, call, status=400, criterion_form=form)


@login_required
@require_POST
def remove_criterion(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = _managed_call(request, slug)
    criterion = get_object_or_404(call.criteria, pk=pk)
    try:
        review.remove_criterion(criterion=criterion, by=request.user)
    except ValidationError as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(request, _("Criterion “%(name)s” removed.") % {"name": criterion.name})
    return redirect(_queue_url(call, anchor="criteria"))


@login_required
@require_POST
def grant_extension(request: HttpRequest, slug: str) -> HttpResponse:
    call = _managed_call(request, slug)
    form = ExtensionForm(request.POST, call=call)
    if form.is_valid():
        try:
            services.grant_extension(
                call=call,
                user=form.user,
                closes_at=form.cleaned_data["closes_at"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("closes_at", _refusal(error))
        else:
            messages.success(
                request,
                _("%(email)s may now submit until the new deadline.") % {"email": form.user.email},
            )
            return redirect(_queue_url(call, anchor="extensions"))
    return _render_call(request, call, status=400, extension_form=form)


@login_required
@require_POST
def auto_assign(request: HttpRequest, slug: str) -> HttpResponse:
    call = _managed_call(request, slug)
    form = AutoAssignForm(request.POST)
    if form.is_valid():
        try:
            result = review.auto_assign(
                call=call, per_submission=form.cleaned_data["per_submission"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, _refusal(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d assignment made.", "%(count)d assignments made.", result.created
                )
                % {"count": result.created},
            )
            if result.short:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)d submission has fewer reviewers than asked: not enough "
                        "reviewers without a conflict.",
                        "%(count)d submissions have fewer reviewers than asked: not enough "
                        "reviewers without a conflict.",
                        len(result.short),
                    )
                    % {"count": len(result.short)},
                )
            return redirect(_queue_url(call, anchor="queue"))
    return _render_call(request, call, status=400, auto_assign_form=form)


@login_required
@require_POST
def decide(request: HttpRequest, slug: str) -> HttpResponse:
    """Accept or reject the ticked submissions; each submitter is mailed in their language."""
    call = _managed_call(request, slug)
    ids = list(call.submissions.values_list("pk", flat=True))
    form = DecisionForm(request.POST, ids=ids)
    query = request.POST.get("query", "")
    single = request.POST.get("from") == "submission"
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = review.decide_many(
                call=call,
                submissions=data["submission"],
                to=data["decision"],
                by=request.user,
                note=data["note"],
            )
        except ValidationError as error:
            form.add_error(None, _refusal(error))
        else:
            if result.decided:
                label = SubmissionState(data["decision"]).label.lower()
                messages.success(
                    request,
                    ngettext(
                        "%(count)d submission %(decision)s; its submitter will be mailed.",
                        "%(count)d submissions %(decision)s; their submitters will be mailed.",
                        len(result.decided),
                    )
                    % {"count": len(result.decided), "decision": label},
                )
            for _submission, reason in result.refused:
                messages.error(request, reason)
            if single:
                return redirect(
                    "consultations:manage_submission", slug=call.slug, pk=data["submission"][0]
                )
            return redirect(_queue_url(call, query, anchor="queue"))
    for error in form.errors.get("submission", []) + form.non_field_errors():
        messages.error(request, error)
    if single and form.data.get("submission", "").isdigit():
        return redirect(
            "consultations:manage_submission", slug=call.slug, pk=form.data["submission"]
        )
    return _render_call(request, call, status=400, decision_form=form)


# --- One submission ----------------------------------------------------------------------------


def _managed_submission(call, pk: int):
    submission = selectors.managed_submission(call=call, pk=pk)
    if submission is None:
        raise Http404
    return submission


def _render_submission(request, call, submission, status=200, **forms) -> HttpResponse:
    criteria = list(call.criteria.all())
    reviews = list(submission.reviews.all())
    for entry in reviews:
        by_criterion = {score.criterion_id: score.value for score in entry.scores.all()}
        entry.values = [by_criterion.get(criterion.pk) for criterion in criteria]
    edition = call.consultation.edition if call.consultation_id else None
    can_create_session = (
        call.is_workshop
        and submission.state == SubmissionState.ACCEPTED
        and submission.session_id is None
        and edition is not None
    )
    context = {
        "call": call,
        "submission": submission,
        "answers": answer_display.display(call.questionnaire, submission.answers),
        "criteria": criteria,
        "reviews": reviews,
        "assign_form": forms.get("assign_form")
        or AssignForm(reviewers=selectors.reviewers_for(call=call)),
        "can_assign": submission.state in review.REVIEWABLE_STATES,
        "can_decide": bool(
            {SubmissionState.ACCEPTED, SubmissionState.REJECTED}
            & services.TRANSITIONS[submission.state]
        ),
        "decision_form": DecisionForm(ids=[submission.pk]),
        "session_form": forms.get("session_form") or SessionForm(edition=edition)
        if can_create_session
        else None,
        "can_mark_scheduled": submission.state == SubmissionState.ACCEPTED
        and submission.session is not None
        and submission.session.starts_at is not None,
        "sent_reviews": {entry.reviewer_id for entry in reviews},
    }
    return render(request, "consultations/secretariat/submission.html", context, status=status)


@login_required
@require_safe
def manage_submission(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = _managed_call(request, slug)
    return _render_submission(request, call, _managed_submission(call, pk))


@login_required
@require_POST
def assign(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = _managed_call(request, slug)
    submission = _managed_submission(call, pk)
    form = AssignForm(request.POST, reviewers=selectors.reviewers_for(call=call))
    if form.is_valid():
        reviewer = form.cleaned_data["reviewer"]
        try:
            review.assign_reviewer(submission=submission, reviewer=reviewer, by=request.user)
        except ValidationError as error:
            form.add_error("reviewer", _refusal(error))
        else:
            messages.success(
                request,
                _("“%(title)s” is assigned to %(name)s.")
                % {"title": submission.title, "name": reviewer.get_full_name() or reviewer.email},
            )
            return redirect("consultations:manage_submission", slug=call.slug, pk=submission.pk)
    return _render_submission(request, call, submission, status=400, assign_form=form)


@login_required
@require_POST
def unassign(request: HttpRequest, slug: str, pk: int, assignment: int) -> HttpResponse:
    call = _managed_call(request, slug)
    submission = _managed_submission(call, pk)
    found = get_object_or_404(
        ReviewAssignment.objects.select_related("reviewer"), pk=assignment, submission=submission
    )
    try:
        review.unassign_reviewer(assignment=found, by=request.user)
    except ValidationError as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(
            request,
            _("%(name)s no longer reviews “%(title)s”.")
            % {
                "name": found.reviewer.get_full_name() or found.reviewer.email,
                "title": submission.title,
            },
        )
    return redirect("consultations:manage_submission", slug=call.slug, pk=submission.pk)


@login_required
@require_POST
def create_session(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = _managed_call(request, slug)
    submission = _managed_submission(call, pk)
    edition = call.consultation.edition if call.consultation_id else None
    if edition is None:
        raise Http404
    form = SessionForm(request.POST, edition=edition)
    if form.is_valid():
        try:
            session = review.create_session(
                submission=submission,
                session_type=form.cleaned_data["session_type"],
                track=form.cleaned_data["track"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, _refusal(error))
        else:
            messages.success(
                request,
                _("Draft session “%(title)s” created; schedule it in the programme.")
                % {"title": session.title},
            )
            return redirect("consultations:manage_submission", slug=call.slug, pk=submission.pk)
    return _render_submission(request, call, submission, status=400, session_form=form)


@login_required
@require_POST
def mark_scheduled(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = _managed_call(request, slug)
    submission = _managed_submission(call, pk)
    try:
        review.mark_scheduled(submission=submission, by=request.user)
    except ValidationError as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(request, _("The proposal is marked as scheduled."))
    return redirect("consultations:manage_submission", slug=call.slug, pk=submission.pk)
