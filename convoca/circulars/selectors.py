from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from modeltranslation.utils import build_localized_fieldname

from convoca.stakeholders.models import FocalPoint, FocalPointState, Person

from .models import (
    AddresseeGroup,
    AddresseeKind,
    Circular,
    CircularState,
    Delivery,
    DeliveryState,
    Mailing,
    MailingListEntry,
    Unsubscription,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def available_languages(circular: Circular) -> list[str]:
    """The languages in which the circular has both a subject and a body."""
    return [
        code
        for code in LANGUAGE_CODES
        if getattr(circular, build_localized_fieldname("subject", code), "")
        and getattr(circular, build_localized_fieldname("body", code), "")
    ]


def public_circulars(
    *, q: str = "", year: int | None = None, group: str = "", language: str = ""
) -> QuerySet[Circular]:
    """Issued and withdrawn circulars, latest revision of each reference, newest first."""
    circulars = Circular.objects.filter(
        state__in=[CircularState.ISSUED, CircularState.WITHDRAWN]
    ).exclude(correction__state__in=[CircularState.ISSUED, CircularState.WITHDRAWN])
    if q:
        text = Q(reference__icontains=q)
        for code in LANGUAGE_CODES:
            text |= Q(**{f"{build_localized_fieldname('subject', code)}__icontains": q})
        circulars = circulars.filter(text)
    if year:
        circulars = circulars.filter(issue_date__year=year)
    if group:
        circulars = circulars.filter(
            Q(addressees__stakeholder_type=group) | Q(addressees__itu_status=group)
        ).distinct()
    if language:
        for field in (
            build_localized_fieldname("subject", language),
            build_localized_fieldname("body", language),
        ):
            # modeltranslation stores a missing translation as NULL or as ""
            circulars = circulars.exclude(Q(**{field: ""}) | Q(**{f"{field}__isnull": True}))
    return (
        circulars.select_related("series")
        .prefetch_related(
            Prefetch("addressees", queryset=AddresseeGroup.objects.order_by("order", "pk"))
        )
        .order_by("-issue_date", "-issued_at")
    )


def circular_for_display(*, pk: int) -> QuerySet[Circular]:
    return (
        Circular.objects.filter(pk=pk)
        .select_related("series", "letterhead__organization", "previous", "correction")
        .prefetch_related("addressees", "signatories", "contacts", "annexes")
    )


def secretariat_circulars() -> QuerySet[Circular]:
    return (
        Circular.objects.select_related("series")
        .prefetch_related("mailings")
        .order_by("-updated_at")
    )


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    language: str
    person_id: int | None = None


def _people_recipients(people: QuerySet[Person], default: str) -> list[Recipient]:
    rows = people.exclude(email="", user__isnull=True).values_list(
        "pk", "email", "given_name", "family_name", "user__email", "user__preferred_language"
    )
    found = []
    for pk, email, given, family, user_email, preferred in rows:
        address = email or user_email
        if address:
            found.append(Recipient(address, f"{given} {family}".strip(), preferred or default, pk))
    return found


def resolve_recipients(circular: Circular) -> list[Recipient]:
    """Everyone the addressee groups reach, one entry per email address, in the language each
    prefers when the circular exists in it, else in the circular's original language."""
    available = set(available_languages(circular)) or {circular.default_language}
    default = circular.default_language
    found: list[Recipient] = []
    for group in circular.addressees.all():
        match group.kind:
            case AddresseeKind.STAKEHOLDER_TYPE:
                people = Person.objects.filter(
                    organization__stakeholder_type=group.stakeholder_type
                )
                focal = FocalPoint.objects.filter(
                    organization__stakeholder_type=group.stakeholder_type,
                    state=FocalPointState.APPROVED,
                )
            case AddresseeKind.ITU_STATUS:
                people = Person.objects.filter(organization__itu_status=group.itu_status)
                focal = FocalPoint.objects.filter(
                    organization__itu_status=group.itu_status, state=FocalPointState.APPROVED
                )
            case AddresseeKind.ORGANIZATION:
                people = Person.objects.filter(organization=group.organization_id)
                focal = FocalPoint.objects.filter(
                    organization=group.organization_id, state=FocalPointState.APPROVED
                )
            case AddresseeKind.PERSON:
                people = Person.objects.filter(pk=group.person_id)
                focal = FocalPoint.objects.none()
            case AddresseeKind.MAILING_LIST:
                entries = MailingListEntry.objects.filter(mailing_list=group.mailing_list_id)
                found.extend(
                    Recipient(email, name, language or default)
                    for email, name, language in entries.values_list("email", "name", "language")
                )
                continue
            case _:
                continue
        found.extend(_people_recipients(people, default))
        found.extend(
            Recipient(email, f"{first} {last}".strip(), language or default)
            for email, first, last, language in focal.values_list(
                "user__email", "user__first_name", "user__last_name", "user__preferred_language"
            )
        )
    unsubscribed = (
        set() if circular.statutory else set(Unsubscription.objects.values_list("email", flat=True))
    )
    unique: dict[str, Recipient] = {}
    for recipient in found:
        key = recipient.email.strip().lower()
        if not key or key in unique or key in unsubscribed:
            continue
        language = recipient.language if recipient.language in available else default
        unique[key] = Recipient(key, recipient.name, language, recipient.person_id)
    return list(unique.values())


@dataclass(frozen=True)
class Progress:
    total: int
    queued: int
    sent: int
    failed: int
    bounced: int

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.bounced

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


def mailing_progress(mailing: Mailing) -> Progress:
    from django.db.models import Count

    counts = dict(
        Delivery.objects.filter(mailing=mailing)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    return Progress(
        total=sum(counts.values()),
        queued=counts.get(DeliveryState.QUEUED, 0),
        sent=counts.get(DeliveryState.SENT, 0),
        failed=counts.get(DeliveryState.FAILED, 0),
        bounced=counts.get(DeliveryState.BOUNCED, 0),
    )
