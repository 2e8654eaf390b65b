"""Reads for the secretariat's and the reviewers' pages, each with its joins, so a page costs
the same few queries whether a call has one submission or two thousand."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Avg,
    CharField,
    Count,
    DecimalField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from convoca.core.models import CountryRegion, Region, RegionScheme
from convoca.stakeholders.models import RoleAssignment
from convoca.stakeholders.selectors import role_scopes

from .models import (
    Call,
    Consultation,
    Review,
    ReviewAssignment,
    Score,
    Submission,
    SubmissionState,
)

User = get_user_model()

SORTS = {
    "-score": (F("average").desc(nulls_last=True), "-submitted_at", "-pk"),
    "score": (F("average").asc(nulls_last=True), "-submitted_at", "-pk"),
    "-submitted": ("-submitted_at", "-pk"),
    "submitted": ("submitted_at", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
}
REVIEWED = ("unassigned", "pending", "complete")


def reviewers_for(*, call: Call) -> QuerySet:
    """Active accounts holding the reviewer role on the call, above it, or platform-wide."""
    condition = Q(scope_type__isnull=True)
    for scope in role_scopes(call):
        condition |= Q(
            scope_type=ContentType.objects.get_for_model(scope, for_concrete_model=True),
            scope_id=str(scope.pk),
        )
    holders = RoleAssignment.objects.filter(condition, role="reviewer").values("user_id")
    return User.objects.filter(pk__in=holders, is_active=True).order_by(
        "last_name", "first_name", "email"
    )


def itu_regions() -> QuerySet[Region]:
    return Region.objects.filter(scheme=RegionScheme.ITU).order_by("code")


def managed_call(*, slug: str) -> Call | None:
    return (
        Call.objects.select_related("consultation__edition", "questionnaire")
        .prefetch_related("criteria", "questionnaire__questions")
        .filter(slug=slug)
        .first()
    )


def managed_consultation(*, slug: str) -> Consultation | None:
    return Consultation.objects.select_related("edition").filter(slug=slug).first()


def with_review_figures(submissions: QuerySet[Submission]) -> QuerySet[Submission]:
    """Each submission with reviews sent, reviewers assigned, average weighted score and the
    ITU region of its organization's country, as subqueries (no join multiplies rows)."""
    sent = Review.objects.filter(submission=OuterRef("pk"), submitted_at__isnull=False)
    per_submission = sent.order_by().values("submission")
    assignments = (
        ReviewAssignment.objects.filter(submission=OuterRef("pk"))
        .order_by()
        .values("submission")
        .annotate(n=Count("pk"))
        .values("n")
    )
    region = CountryRegion.objects.filter(country=OuterRef("organization__country")).values(
        "itu_region__name"
    )[:1]
    return submissions.annotate(
        reviews_done=Coalesce(
            Subquery(
                per_submission.annotate(n=Count("pk")).values("n"), output_field=IntegerField()
            ),
            Value(0),
        ),
        reviewers=Coalesce(Subquery(assignments, output_field=IntegerField()), Value(0)),
        average=Subquery(
            per_submission.annotate(a=Avg("total")).values("a"),
            output_field=DecimalField(max_digits=7, decimal_places=2),
        ),
        region_name=Subquery(region, output_field=CharField()),
    )


@dataclass(frozen=True)
class QueueFilters:
    state: str = ""
    format: str = ""
    stakeholder_type: str = ""
    region: str = ""  # an ITU region code
    reviewed: str = ""
    q: str = ""
    sort: str = "-submitted"


def review_queue(*, call: Call, filters: QueueFilters = QueueFilters()) -> QuerySet[Submission]:
    """The call's sent submissions, filtered and sorted, with what the queue shows of each."""
    submissions = with_review_figures(
        Submission.objects.filter(call=call).exclude(state=SubmissionState.DRAFT)
    )
    if filters.state:
        submissions = submissions.filter(state=filters.state)
    if filters.format:
        submissions = submissions.filter(format=filters.format)
    if filters.stakeholder_type:
        submissions = submissions.filter(organization__stakeholder_type=filters.stakeholder_type)
    if filters.region:
        submissions = submissions.filter(
            organization__country__in=CountryRegion.objects.filter(
                itu_region__scheme=RegionScheme.ITU, itu_region__code=filters.region
            ).values("country")
        )
    if filters.q:
        submissions = submissions.filter(
            Q(title__icontains=filters.q) | Q(organization__name__icontains=filters.q)
        )
    if filters.reviewed == "unassigned":
        submissions = submissions.filter(reviewers=0)
    elif filters.reviewed == "pending":
        submissions = submissions.filter(reviewers__gt=F("reviews_done"))
    elif filters.reviewed == "complete":
        submissions = submissions.filter(reviewers__gt=0, reviews_done__gte=F("reviewers"))
    return (
        submissions.select_related("organization", "submitter")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=ReviewAssignment.objects.select_related("reviewer").order_by(
                    "reviewer__last_name", "reviewer__email"
                ),
            )
        )
        .order_by(*SORTS.get(filters.sort, SORTS["-submitted"]))
    )


def managed_submission(*, call: Call, pk: int) -> Submission | None:
    """One submission as the secretariat sees it: everything, every review and score."""
    return (
        with_review_figures(Submission.objects.filter(call=call, pk=pk))
        .exclude(state=SubmissionState.DRAFT)
        .select_related("organization", "submitter", "session")
        .prefetch_related(
            "speakers",
            "action_lines",
            "sdgs",
            "co_organizations",
            Prefetch(
                "assignments",
                queryset=ReviewAssignment.objects.select_related("reviewer").order_by("pk"),
            ),
            Prefetch(
                "reviews",
                queryset=Review.objects.filter(submitted_at__isnull=False)
                .select_related("reviewer")
                .prefetch_related(Prefetch("scores", queryset=Score.objects.order_by("criterion")))
                .order_by("submitted_at"),
            ),
        )
        .first()
    )


def my_assignments(*, reviewer) -> QuerySet[ReviewAssignment]:
    """What a reviewer is given, newest calls first, each with the state of their own review."""
    mine = Review.objects.filter(submission=OuterRef("submission"), reviewer=reviewer)
    return (
        ReviewAssignment.objects.filter(reviewer=reviewer)
        .exclude(submission__state=SubmissionState.WITHDRAWN)
        .select_related("submission__call__consultation", "submission__organization")
        .annotate(
            sent_at=Subquery(mine.values("submitted_at")[:1]),
            started=Exists(mine),
            my_total=Subquery(
                mine.filter(submitted_at__isnull=False).values("total")[:1],
                output_field=DecimalField(max_digits=7, decimal_places=2),
            ),
        )
        .order_by("submission__call__closes_at", "submission__title", "pk")
    )


def review_page(*, pk: int) -> Submission | None:
    """A submission as its reviewer reads it (the call's questions and criteria with it)."""
    return (
        Submission.objects.filter(pk=pk)
        .exclude(state=SubmissionState.DRAFT)
        .select_related("call__questionnaire", "call__consultation", "organization")
        .prefetch_related(
            "speakers",
            "action_lines",
            "sdgs",
            "co_organizations",
            "call__criteria",
            "call__questionnaire__questions",
        )
        .first()
    )


def review_of(*, submission: Submission, reviewer) -> Review | None:
    return (
        Review.objects.filter(submission=submission, reviewer=reviewer)
        .prefetch_related("scores")
        .first()
    )


def sent_reviews(*, submission: Submission) -> list[Review]:
    """Every review sent for a submission, with its scores; callers decide who may see them."""
    return list(
        Review.objects.filter(submission=submission, submitted_at__isnull=False)
        .select_related("reviewer")
        .prefetch_related("scores")
        .order_by("submitted_at", "pk")
    )
