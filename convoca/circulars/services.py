"""Every write to circulars: drafting, numbering, issuing, revising, and the mail-out."""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from convoca.core.audit import log_action
from convoca.core.markup import html_tags_in

from . import selectors
from .models import (
    TRANSITIONS,
    AddresseeGroup,
    AddresseeKind,
    Annex,
    Circular,
    CircularLink,
    CircularState,
    Contact,
    Mailing,
    MailingState,
    SeriesCounter,
    Signatory,
    Unsubscription,
)
from .numbering import format_reference

CONTENT_FIELDS = (
    "office",
    "place",
    "subject",
    "salutation",
    "body",
    "closing",
    "annex_note",
)
TRANSLATED_CONTENT = tuple(
    f"{field}_{code.replace('-', '_')}"
    for field in CONTENT_FIELDS
    for code, _name in settings.LANGUAGES
)
PLAIN_FIELDS = (
    "series",
    "reference",
    "letterhead",
    "issue_date",
    "default_language",
    "statutory",
)


class CircularError(Exception):
    """A refusal the secretariat can read and act on."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _check_markup(values: dict) -> None:
    for field, value in values.items():
        if isinstance(value, str) and field.startswith(("body", "subject")):
            tags = html_tags_in(value)
            if tags:
                raise CircularError(
                    _("HTML tags are not allowed (%(tags)s); write Markdown instead.")
                    % {"tags": ", ".join(f"<{t}>" for t in tags)}
                )


def _check_reference_free(circular: Circular) -> None:
    """A typed reference must not belong to another letter (its own revisions excepted)."""
    if not circular.reference:
        return
    lineage = {c.pk for c in _lineage(circular)}
    clash = Circular.objects.filter(reference__iexact=circular.reference).exclude(pk__in=lineage)
    if clash.exists():
        raise CircularError(
            _("The reference “%(reference)s” is already used by another circular.")
            % {"reference": circular.reference}
        )


def _lineage(circular: Circular) -> list[Circular]:
    chain, current = [], circular
    while current is not None and current.pk:
        chain.append(current)
        current = current.previous
    return chain


@transaction.atomic
def save_draft(*, by, circular: Circular | None = None, **values) -> Circular:
    """Create or edit a draft; only drafts change, and a typed reference must be free."""
    unknown = set(values) - set(CONTENT_FIELDS) - set(TRANSLATED_CONTENT) - set(PLAIN_FIELDS)
    if unknown:
        raise TypeError(f"not circular content: {sorted(unknown)}")
    _check_markup(values)
    if circular is None:
        circular = Circular()
        created = True
    else:
        circular = Circular.objects.select_for_update().get(pk=circular.pk)
        created = False
        if not circular.is_editable:
            raise CircularError(_("Only a draft can be edited; make a new revision instead."))
    for field, value in values.items():
        setattr(circular, field, value)
    if circular.series_id and circular.reference and circular.revision == 1:
        raise CircularError(
            _("A circular in a numbered series gets its reference when it is issued.")
        )
    if not circular.letterhead_id and circular.series_id:
        circular.letterhead = circular.series.letterhead
    _check_reference_free(circular)
    try:
        circular.full_clean(exclude=["reference"] if circular.revision > 1 else None)
    except ValidationError as error:
        raise CircularError("; ".join(error.messages)) from error
    circular.save()
    log_action(
        circular,
        "circulars.circular.created" if created else "circulars.circular.edited",
        by=by,
        data={"fields": sorted(values)},
    )
    return circular


@transaction.atomic
def set_addressees(*, circular: Circular, groups: Iterable[dict], by) -> list[AddresseeGroup]:
    """Replace the addressee block of a draft (each dict: kind and its target, optional label)."""
    _require_draft(circular)
    circular.addressees.all().delete()
    created = []
    for order, group in enumerate(groups):
        addressee = AddresseeGroup(circular=circular, order=order, **group)
        try:
            addressee.full_clean(exclude=["circular"])
        except ValidationError as error:
            raise CircularError("; ".join(error.messages)) from error
        addressee.save()
        created.append(addressee)
    log_action(circular, "circulars.addressees.set", by=by, data={"count": len(created)})
    return created


@transaction.atomic
def set_people(
    *, circular: Circular, signatories: Iterable[dict], contacts: Iterable[dict], by
) -> None:
    """Replace who signs the letter and whom to contact about it."""
    _require_draft(circular)
    circular.signatories.all().delete()
    circular.contacts.all().delete()
    for order, values in enumerate(signatories):
        Signatory.objects.create(circular=circular, order=order, **values)
    for order, values in enumerate(contacts):
        Contact.objects.create(circular=circular, order=order, **values)
    log_action(circular, "circulars.people.set", by=by)


def _require_draft(circular: Circular) -> None:
    if Circular.objects.filter(pk=circular.pk, state=CircularState.DRAFT).exists():
        return
    raise CircularError(_("Only a draft can be edited; make a new revision instead."))


ANNEX_TYPES = {
    "pdf": {"application/pdf"},
    "docx": {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/zip",
    },
    "xlsx": {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/zip",
    },
    "pptx": {
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/zip",
    },
    "doc": {"application/msword", "application/x-ole-storage", "application/CDFV2"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
}


def sniff_content_type(upload: UploadedFile) -> set[str]:
    """What the bytes say the file is (magic numbers), whatever its name claims."""
    import puremagic

    head = upload.read(8192)
    upload.seek(0)
    try:
        matches = puremagic.magic_string(head)
    except puremagic.PureError:
        return set()
    return {match.mime_type for match in matches if match.mime_type}


@transaction.atomic
def add_annex(
    *, circular: Circular, upload: UploadedFile, title: str, by, language: str = ""
) -> Annex:
    """Attach a file to a draft: its extension must match its content, its size the limit."""
    _require_draft(circular)
    limit = settings.CIRCULAR_ANNEX_MAX_BYTES
    if upload.size > limit:
        raise CircularError(
            _("The annex is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(upload.size / 1e6, 1), "limit": round(limit / 1e6, 1)}
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ANNEX_TYPES:
        raise CircularError(
            _("Annexes may be %(types)s files.") % {"types": ", ".join(sorted(ANNEX_TYPES))}
        )
    sniffed = sniff_content_type(upload)
    if not sniffed & ANNEX_TYPES[extension]:
        raise CircularError(
            _("“%(name)s” is not really a .%(ext)s file; its content says otherwise.")
            % {"name": upload.name, "ext": extension}
        )
    annex = Annex.objects.create(
        circular=circular,
        order=circular.annexes.count(),
        title=title.strip() or upload.name,
        file=upload,
        content_type=sorted(sniffed & ANNEX_TYPES[extension])[0],
        size=upload.size,
        language=language,
    )
    log_action(circular, "circulars.annex.added", by=by, data={"annex": annex.title})
    return annex


@transaction.atomic
def link(*, circular: Circular, target: Model, by) -> CircularLink:
    """Record what the circular announces (an edition, a call, a fund…)."""
    content_type = ContentType.objects.get_for_model(target, for_concrete_model=True)
    found, created = CircularLink.objects.get_or_create(
        circular=circular, target_type=content_type, target_id=str(target.pk)
    )
    if created:
        log_action(circular, "circulars.link.added", by=by, data={"target": str(target)})
    return found


@transaction.atomic
def transition(*, circular: Circular, to: str, by, reason: str = "") -> Circular:
    """Move along draft → approved → issued → withdrawn (approved may go back to draft).

    The row is locked, so two tabs issuing at once issue once and number once.
    """
    circular = Circular.objects.select_for_update().get(pk=circular.pk)
    if circular.state == to == CircularState.ISSUED:
        raise CircularError(
            _("This circular was already issued as %(reference)s.")
            % {"reference": circular.reference}
        )
    if to not in TRANSITIONS[circular.state]:
        raise CircularError(
            _("A circular that is “%(state)s” cannot become “%(to)s”.")
            % {"state": circular.get_state_display(), "to": CircularState(to).label}
        )
    now = timezone.now()
    if to == CircularState.APPROVED:
        _check_ready(circular)
        circular.approved_by, circular.approved_at = by, now
    elif to == CircularState.ISSUED:
        _check_ready(circular)
        # A letter dated in advance (or back-dated on import) is numbered in its own year.
        _assign_reference(circular, today=circular.issue_date or timezone.localdate(now))
        circular.issued_by, circular.issued_at = by, now
        circular.issue_date = circular.issue_date or timezone.localdate(now)
    elif to == CircularState.WITHDRAWN:
        if not reason.strip():
            raise CircularError(_("Say why the circular is withdrawn; the archive shows it."))
        circular.withdrawn_at, circular.withdrawal_reason = now, reason.strip()
    before = circular.state
    circular.state = to
    circular.save()
    log_action(
        circular,
        f"circulars.circular.{to}",
        by=by,
        data={"from": before, "to": to, "reference": circular.reference},
    )
    return circular


def _check_ready(circular: Circular) -> None:
    if not selectors.available_languages(circular):
        raise CircularError(_("Write a subject and a body in at least one language."))
    if not circular.addressees.exclude(kind=AddresseeKind.LABEL_ONLY).exists():
        raise CircularError(
            _("Name at least one addressee group that mail can reach (not only printed lines).")
        )


def _assign_reference(circular: Circular, *, today: dt.date) -> None:
    if circular.revision > 1 or not circular.series_id:
        if not circular.reference:
            raise CircularError(_("Type a reference, or choose a numbered series."))
        _check_reference_free(circular)
        return
    series = circular.series
    year = today.year if series.yearly else 0
    SeriesCounter.objects.get_or_create(series=series, year=year)
    counter = SeriesCounter.objects.select_for_update().get(series=series, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    circular.number = counter.last_number
    circular.reference = format_reference(
        series.pattern, year=today.year, number=counter.last_number
    )
    _check_reference_free(circular)


@transaction.atomic
def new_revision(*, circular: Circular, by) -> Circular:
    """A correction: a new draft with the same reference and the next revision number."""
    circular = Circular.objects.select_for_update().get(pk=circular.pk)
    if circular.state != CircularState.ISSUED:
        raise CircularError(_("Only an issued circular can be corrected."))
    if Circular.objects.filter(previous=circular).exists():
        raise CircularError(_("A correction of this revision already exists."))
    copy = Circular.objects.get(pk=circular.pk)
    copy.pk = None
    copy.previous = circular
    copy.revision = circular.revision + 1
    copy.state = CircularState.DRAFT
    copy.issue_date = None
    copy.approved_by = copy.approved_at = copy.issued_by = copy.issued_at = None
    copy.save()
    for related in ("addressees", "signatories", "contacts", "annexes", "links"):
        for item in getattr(circular, related).all():
            item.pk = None
            item.circular = copy
            item.save()
    log_action(copy, "circulars.circular.revised", by=by, data={"revision": copy.revision})
    return copy


# --- Mail-out --------------------------------------------------------------------------------


@transaction.atomic
def start_mailing(*, circular: Circular, by) -> Mailing:
    """Queue one delivery per resolved addressee; the worker sends them. A revision is mailed
    once: a second attempt (another tab, a double click) changes nothing."""
    from .models import Delivery

    circular = Circular.objects.select_for_update().get(pk=circular.pk)
    if circular.state != CircularState.ISSUED:
        raise CircularError(_("Only an issued circular can be sent."))
    if Mailing.objects.filter(circular=circular).exists():
        raise CircularError(_("This circular has already been sent."))
    recipients = selectors.resolve_recipients(circular)
    if not recipients:
        raise CircularError(_("Nobody is reachable through these addressee groups."))
    try:
        with transaction.atomic():
            mailing = Mailing.objects.create(
                circular=circular, created_by=by, total=len(recipients)
            )
    except IntegrityError as error:
        raise CircularError(_("This circular has already been sent.")) from error
    Delivery.objects.bulk_create(
        (
            Delivery(
                mailing=mailing,
                email=r.email,
                name=r.name[:300],
                language=r.language,
                person_id=r.person_id,
            )
            for r in recipients
        ),
        batch_size=2000,
    )
    log_action(mailing, "circulars.mailing.started", by=by, data={"recipients": len(recipients)})
    transaction.on_commit(lambda: _enqueue(mailing.pk))
    return mailing


def _enqueue(mailing_id: int, *, run_after: dt.datetime | None = None) -> None:
    from .tasks import send_mailing

    task = send_mailing
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # retries wait for the next resume; an immediate re-run would spin
        task = task.using(run_after=run_after)
    task.enqueue(mailing_id)


@transaction.atomic
def pause_mailing(*, mailing: Mailing, by) -> Mailing:
    """The worker stops after the message it is sending; nothing is lost or doubled."""
    mailing = Mailing.objects.select_for_update().get(pk=mailing.pk)
    if mailing.state == MailingState.SENDING:
        mailing.state = MailingState.PAUSED
        mailing.save(update_fields=["state", "updated_at"])
        log_action(mailing, "circulars.mailing.paused", by=by)
    return mailing


@transaction.atomic
def resume_mailing(*, mailing: Mailing, by) -> Mailing:
    """Continue where it stopped: also the way to restart after a worker was killed."""
    mailing = Mailing.objects.select_for_update().get(pk=mailing.pk)
    if mailing.state == MailingState.DONE:
        return mailing
    mailing.state = MailingState.SENDING
    mailing.save(update_fields=["state", "updated_at"])
    log_action(mailing, "circulars.mailing.resumed", by=by)
    transaction.on_commit(lambda: _enqueue(mailing.pk))
    return mailing


@transaction.atomic
def unsubscribe(*, email: str) -> Unsubscription:
    """Stop non-statutory circulars to this address; statutory ones still arrive."""
    found, _created = Unsubscription.objects.get_or_create(email=email.strip().lower())
    return found


@transaction.atomic
def mark_bounced(*, email: str, mailing: Mailing, reason: str = "") -> int:
    """Record a bounce reported by the mail system for one address of one mailing."""
    from .models import Delivery, DeliveryState

    return Delivery.objects.filter(mailing=mailing, email=email.strip().lower()).update(
        state=DeliveryState.BOUNCED, last_error=reason[:1000]
    )
