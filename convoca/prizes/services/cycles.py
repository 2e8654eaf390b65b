"""Setting a prize cycle up: its dated phases, its categories and its nomination call."""

import itertools

from django.db import transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from convoca.consultations.models import Call, CallKind, CallState
from convoca.core.audit import log_action
from convoca.questionnaires.services import build_questionnaire
from convoca.taxonomy.models import ActionLine

from ..errors import PrizeError
from ..models import Category, PrizeCycle

# The 18 WSIS Prizes categories, each aligned to the WSIS Action Lines it rewards.
DEFAULT_CATEGORIES = [
    ("c1-role-of-stakeholders", ["C1"]),
    ("c2-infrastructure", ["C2"]),
    ("c3-access-to-knowledge", ["C3"]),
    ("c4-capacity-building", ["C4"]),
    ("c5-confidence-and-security", ["C5"]),
    ("c6-enabling-environment", ["C6"]),
    ("c7-e-government", ["C7.1"]),
    ("c7-e-business", ["C7.2"]),
    ("c7-e-learning", ["C7.3"]),
    ("c7-e-health", ["C7.4"]),
    ("c7-e-employment", ["C7.5"]),
    ("c7-e-environment", ["C7.6"]),
    ("c7-e-agriculture", ["C7.7"]),
    ("c7-e-science", ["C7.8"]),
    ("c8-cultural-diversity", ["C8"]),
    ("c9-media", ["C9"]),
    ("c10-ethical-dimensions", ["C10"]),
    ("c11-international-cooperation", ["C11"]),
]
LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh_hans"]
DATE_FIELDS = (
    "nominations_open_at",
    "nominations_close_at",
    "voting_opens_at",
    "voting_closes_at",
    "champions_published_at",
    "jury_closes_at",
    "announced_at",
)


def _check_order(values: dict) -> None:
    dates = [values[name] for name in DATE_FIELDS]
    if any(later < earlier for earlier, later in itertools.pairwise(dates)):
        raise PrizeError(
            _(
                "The phases must follow each other: nominations, validation, public voting, "
                "champions, jury, announcement."
            ),
            code="dates",
        )
    if values["nominations_close_at"] == values["nominations_open_at"] or (
        values["voting_closes_at"] == values["voting_opens_at"]
    ):
        raise PrizeError(_("Nominations and public voting each need time to run."), code="dates")


@transaction.atomic
def create_cycle(
    *,
    name: str,
    slug: str,
    year: int,
    by,
    edition=None,
    categories: list[tuple[str, list[str]]] | None = None,
    **fields,
) -> PrizeCycle:
    """A cycle with its dated phases in order and its categories (the 18 by default), each
    named after and linked to its Action Lines."""
    _check_order(fields)
    cycle = PrizeCycle.objects.create(name=name, slug=slug, year=year, edition=edition, **fields)
    specs = DEFAULT_CATEGORIES if categories is None else categories
    lines = {line.code: line for line in ActionLine.objects.all()}
    for number, (category_slug, codes) in enumerate(specs, start=1):
        first = lines.get(codes[0])
        category = Category(cycle=cycle, number=number, slug=category_slug)
        category.name = str(first.name) if first else category_slug
        if first is not None:
            for language in LANGUAGES:
                field = build_localized_fieldname("name", language.replace("_", "-"))
                setattr(category, field, getattr(first, field, "") or "")
        category.save()
        category.action_lines.set([lines[code] for code in codes if code in lines])
    log_action(cycle, "prizes.cycle.created", by=by, data={"categories": len(specs)})
    return cycle


@transaction.atomic
def open_nominations(*, cycle: PrizeCycle, by) -> Call:
    """The nomination call: one form per project, made for an organization, at most
    `nominations_per_organization` per organization, open during the nominations phase."""
    if cycle.nomination_call_id:
        return cycle.nomination_call
    choices = [
        {"value": c.slug, "label": {"en": str(c)}} for c in cycle.categories.order_by("number")
    ]
    questionnaire = build_questionnaire(
        name=f"{cycle.name} — nomination",
        questions=[
            {"key": "category", "kind": "choice", "label": _("Category"), "required": True,
             "choices": choices},
            {"key": "description", "kind": "long_text", "label": _("Description of the project"),
             "required": True},
            {"key": "countries", "kind": "countries", "label": _("Countries where it runs"),
             "required": True},
            {"key": "action_lines", "kind": "action_lines", "label": _("WSIS Action Lines")},
            {"key": "sdgs", "kind": "sdgs", "label": _("Sustainable Development Goals")},
            {"key": "image", "kind": "file", "label": _("Image of the project"),
             "file_types": "jpg,jpeg,png,webp", "max_file_mb": 5},
            {"key": "website", "kind": "url", "label": _("Project website")},
            {"key": "video", "kind": "url", "label": _("Video")},
            {"key": "contact_name", "kind": "text", "label": _("Contact person"),
             "required": True},
            {"key": "contact_email", "kind": "email", "label": _("Contact email"),
             "required": True},
        ],
    )  # fmt: skip
    call = Call.objects.create(
        kind=CallKind.PRIZE_NOMINATION,
        slug=f"{cycle.slug}-nominations"[:100],
        title=_("Nominations for %(cycle)s") % {"cycle": cycle.name},
        opens_at=cycle.nominations_open_at,
        closes_at=cycle.nominations_close_at,
        time_zone=cycle.time_zone,
        questionnaire=questionnaire,
        state=CallState.OPEN,
        limit_per_organization=cycle.nominations_per_organization or None,
        requires_organization=True,
    )
    cycle.nomination_call = call
    cycle.save(update_fields=["nomination_call", "updated_at"])
    log_action(cycle, "prizes.cycle.nominations_opened", by=by, data={"call": call.slug})
    return call


@transaction.atomic
def link_ceremony(*, cycle: PrizeCycle, session, by) -> PrizeCycle:
    """The programme session where the winners receive their prize."""
    if session is not None and cycle.edition_id and session.edition_id != cycle.edition_id:
        raise PrizeError(_("The ceremony must be a session of the cycle's edition."))
    cycle.ceremony = session
    cycle.save(update_fields=["ceremony", "updated_at"])
    log_action(
        cycle, "prizes.cycle.ceremony", by=by, data={"session": session.pk if session else None}
    )
    return cycle
