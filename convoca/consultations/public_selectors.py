"""Reads for the public and participant pages, with their joins."""

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Call, CallState, Consultation, EventInput, Phase, Submission


def public_consultations() -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(is_public=True)
        .select_related("edition")
        .annotate(open_calls=Count("calls", filter=Q(calls__state=CallState.OPEN), distinct=True))
        .order_by("-created_at")
    )


def consultation_page(*, slug: str) -> Consultation | None:
    """A public consultation with its phases (and their documents) and its published calls."""
    return (
        Consultation.objects.filter(is_public=True, slug=slug)
        .select_related("edition")
        .prefetch_related(
            Prefetch(
                "phases",
                queryset=Phase.objects.prefetch_related("documents").order_by(
                    "starts_at", "number"
                ),
            ),
            Prefetch("calls", queryset=public_calls()),
        )
        .first()
    )


def public_calls() -> QuerySet[Call]:
    return Call.objects.exclude(state=CallState.DRAFT).select_related("consultation")


def call_page(*, slug: str) -> Call | None:
    return (
        public_calls()
        .select_related("questionnaire")
        .prefetch_related("questionnaire__questions")
        .filter(slug=slug)
        .first()
    )


def public_inputs(*, consultation: Consultation) -> QuerySet[EventInput]:
    return (
        consultation.inputs.filter(is_public=True)
        .select_related("organization", "region")
        .prefetch_related("action_lines")
    )


def submissions_of(*, user) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(submitter=user)
        .select_related("call__consultation", "organization")
        .order_by("-updated_at")
    )


def submission_page(*, pk: int) -> Submission | None:
    return (
        Submission.objects.select_related(
            "call__questionnaire", "call__consultation", "organization", "submitter", "session"
        )
        .prefetch_related(
            "speakers", "action_lines", "sdgs", "co_organizations", "call__questionnaire__questions"
        )
        .filter(pk=pk)
        .first()
    )
