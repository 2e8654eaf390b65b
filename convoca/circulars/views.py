from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core import signing
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from convoca.core.permissions import object_or_404, require_or_404

from . import selectors, services
from .forms import (
    AddresseeFormSet,
    AnnexForm,
    ArchiveFilterForm,
    CircularForm,
    ContactFormSet,
    SignatoryFormSet,
    WithdrawForm,
)
from .models import Annex, Circular, CircularState, Mailing
from .sending import UNSUBSCRIBE_SALT

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


# --- Public archive --------------------------------------------------------------------------


def archive(request: HttpRequest) -> HttpResponse:
    form = ArchiveFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    circulars = selectors.public_circulars(
        q=filters.get("q", ""),
        year=filters.get("year"),
        group=filters.get("group", ""),
        language=filters.get("language", ""),
    )
    page = Paginator(circulars, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "circulars/archive.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def _public_or_managed(request: HttpRequest, pk: int) -> Circular:
    circular = get_object_or_404(selectors.circular_for_display(pk=pk))
    if not circular.is_public and not request.user.has_perm("circulars.change_circular", circular):
        raise Http404
    return circular


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    from .pdf import letter_context

    circular = _public_or_managed(request, pk)
    language = translation.get_language()
    available = selectors.available_languages(circular)
    shown = language if language in available else circular.default_language
    context = letter_context(circular, shown) | {
        "circular": circular,
        "available": available,
        "shown_language": shown,
        "can_manage": request.user.has_perm("circulars.change_circular", circular),
    }
    return render(request, "circulars/detail.html", context)


def pdf(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    from .pdf import pdf_for

    if language not in LANGUAGE_CODES:
        raise Http404
    circular = _public_or_managed(request, pk)
    if language not in selectors.available_languages(circular):
        raise Http404
    content, filename = pdf_for(circular, language)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if circular.is_public:
        response["Cache-Control"] = "public, max-age=3600"
    return response


def annex(request: HttpRequest, pk: int) -> FileResponse:
    found = get_object_or_404(Annex.objects.select_related("circular"), pk=pk)
    _public_or_managed(request, found.circular_id)
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.file.name.rsplit("/", 1)[-1],
        content_type=found.content_type,
    )


class ArchiveFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Circular letters")
    subtitle = gettext_lazy("Circulars issued by the secretariat, newest first.")

    def link(self):
        return reverse("circulars:archive")

    def items(self):
        return selectors.public_circulars()[:50]

    def item_title(self, item: Circular):
        prefix = _("[Withdrawn] ") if item.state == CircularState.WITHDRAWN else ""
        return f"{prefix}{item.reference} — {item.subject}"

    def item_description(self, item: Circular):
        from convoca.core.markup import render_markdown

        return render_markdown(item.body)

    def item_link(self, item: Circular):
        return reverse("circulars:detail", kwargs={"pk": item.pk})

    def item_pubdate(self, item: Circular):
        return item.issued_at

    def item_updateddate(self, item: Circular):
        return item.withdrawn_at or item.issued_at


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        email = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    done = False
    if request.method == "POST":
        services.unsubscribe(email=email)
        done = True
    return render(request, "circulars/unsubscribe.html", {"email": email, "done": done})


# --- Secretariat -----------------------------------------------------------------------------


@login_required
def manage_list(request: HttpRequest) -> HttpResponse:
    # Writing circulars is the platform secretariat's, who may change every one of them: no
    # per-letter permission check (two queries each) is needed to list them.
    require_or_404(request.user, "circulars.add_circular")
    circulars = selectors.secretariat_circulars()[:300]
    return render(request, "circulars/manage_list.html", {"circulars": circulars})


def _formsets(request: HttpRequest, circular: Circular | None):
    data = request.POST if request.method == "POST" else None
    if circular is None:
        initial_addressees = initial_signatories = initial_contacts = None
    else:
        initial_addressees = [
            {
                "kind": g.kind,
                "stakeholder_type": g.stakeholder_type,
                "itu_status": g.itu_status,
                "organization": g.organization_id,
                "mailing_list": g.mailing_list_id,
                "label": g.label,
            }
            for g in circular.addressees.all()
        ]
        initial_signatories = [
            {"name": s.name, "title": s.title, "signed_note": s.signed_note}
            for s in circular.signatories.all()
        ]
        initial_contacts = [
            {"name": c.name, "phone": c.phone, "fax": c.fax, "email": c.email}
            for c in circular.contacts.all()
        ]
    return (
        AddresseeFormSet(data, initial=initial_addressees, prefix="addressees"),
        SignatoryFormSet(data, initial=initial_signatories, prefix="signatories"),
        ContactFormSet(data, initial=initial_contacts, prefix="contacts"),
    )


def _kept(formset) -> list:
    """Filled-in forms of a formset, without the blank extras and the ones marked deleted."""
    return [f for f in formset if f.cleaned_data and not f.cleaned_data.get("DELETE")]


@login_required
def edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Write or edit a draft: the text in six languages, addressees, signatories, contacts."""
    if pk is None:
        require_or_404(request.user, "circulars.add_circular")
        circular = None
    else:
        circular = object_or_404(request.user, "circulars.change_circular", Circular, pk=pk)
        if not circular.is_editable:
            messages.error(request, _("Only a draft can be edited; make a new revision instead."))
            return redirect("circulars:manage", pk=circular.pk)
    form = CircularForm(request.POST or None, instance=circular)
    addressees, signatories, contacts = _formsets(request, circular)
    if request.method == "POST" and all(
        f.is_valid() for f in (form, addressees, signatories, contacts)
    ):
        try:
            with transaction.atomic():
                saved = services.save_draft(by=request.user, circular=circular, **form.content())
                services.set_addressees(
                    circular=saved,
                    groups=[f.group() for f in _kept(addressees) if f.cleaned_data.get("kind")],
                    by=request.user,
                )
                services.set_people(
                    circular=saved,
                    signatories=[_fields(f) for f in _kept(signatories)],
                    contacts=[_fields(f) for f in _kept(contacts)],
                    by=request.user,
                )
        except services.CircularError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("circulars:manage", pk=saved.pk)
    return render(
        request,
        "circulars/edit.html",
        {
            "form": form,
            "circular": circular,
            "addressees": addressees,
            "signatories": signatories,
            "contacts": contacts,
        },
    )


def _fields(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}


@login_required
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    circular = object_or_404(
        request.user, "circulars.change_circular", selectors.circular_for_display(pk=pk), pk=pk
    )
    mailing = Mailing.objects.filter(circular=circular).first()
    return render(
        request,
        "circulars/manage.html",
        {
            "circular": circular,
            "available": selectors.available_languages(circular),
            "mailing": mailing,
            "progress": selectors.mailing_progress(mailing) if mailing else None,
            "annex_form": AnnexForm(),
            "withdraw_form": WithdrawForm(),
            "recipient_count": len(selectors.resolve_recipients(circular))
            if circular.state == CircularState.ISSUED and mailing is None
            else None,
        },
    )


def _act(request: HttpRequest, pk: int, action) -> HttpResponse:
    circular = object_or_404(request.user, "circulars.change_circular", Circular, pk=pk)
    try:
        message, target = action(circular)
    except services.CircularError as error:
        messages.error(request, error.message)
        return redirect("circulars:manage", pk=circular.pk)
    messages.success(request, message)
    return redirect(target)


@login_required
@require_POST
def transition(request: HttpRequest, pk: int) -> HttpResponse:
    to = request.POST.get("to", "")
    if to not in CircularState.values:
        raise Http404
    if to == CircularState.ISSUED:
        require_or_404(request.user, "circulars.issue_circular", get_object_or_404(Circular, pk=pk))

    def act(circular):
        done = services.transition(
            circular=circular, to=to, by=request.user, reason=request.POST.get("reason", "")
        )
        return _("The circular is now “%(state)s”.") % {"state": done.get_state_display()}, reverse(
            "circulars:manage", kwargs={"pk": done.pk}
        )

    return _act(request, pk, act)


@login_required
@require_POST
def revise(request: HttpRequest, pk: int) -> HttpResponse:
    def act(circular):
        copy = services.new_revision(circular=circular, by=request.user)
        return _("Revision %(n)s is a draft: correct it, then issue it.") % {
            "n": copy.revision
        }, reverse("circulars:edit", kwargs={"pk": copy.pk})

    return _act(request, pk, act)


@login_required
@require_POST
def add_annex(request: HttpRequest, pk: int) -> HttpResponse:
    form = AnnexForm(request.POST, request.FILES)

    def act(circular):
        if not form.is_valid():
            raise services.CircularError(_("Choose a file to attach."))
        services.add_annex(
            circular=circular,
            upload=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
            by=request.user,
        )
        return _("The annex was attached."), reverse("circulars:manage", kwargs={"pk": pk})

    return _act(request, pk, act)


@login_required
@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    require_or_404(request.user, "circulars.send_circular", get_object_or_404(Circular, pk=pk))

    def act(circular):
        mailing = services.start_mailing(circular=circular, by=request.user)
        return _("Sending to %(n)s addressees.") % {"n": mailing.total}, reverse(
            "circulars:manage", kwargs={"pk": pk}
        )

    return _act(request, pk, act)


def _mailing(request: HttpRequest, pk: int) -> Mailing:
    mailing = get_object_or_404(Mailing.objects.select_related("circular"), pk=pk)
    require_or_404(request.user, "circulars.send_circular", mailing.circular)
    return mailing


@login_required
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar, polled by htmx while a mailing runs."""
    mailing = _mailing(request, pk)
    return render(
        request,
        "circulars/_progress.html",
        {"mailing": mailing, "progress": selectors.mailing_progress(mailing)},
    )


@login_required
@require_POST
def pause(request: HttpRequest, pk: int) -> HttpResponse:
    mailing = services.pause_mailing(mailing=_mailing(request, pk), by=request.user)
    messages.success(request, _("Sending is paused."))
    return redirect("circulars:manage", pk=mailing.circular_id)


@login_required
@require_POST
def resume(request: HttpRequest, pk: int) -> HttpResponse:
    mailing = services.resume_mailing(mailing=_mailing(request, pk), by=request.user)
    messages.success(request, _("Sending resumed."))
    return redirect("circulars:manage", pk=mailing.circular_id)
