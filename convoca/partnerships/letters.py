"""The acknowledgement letter: a thank-you on the fund's letterhead, as an A4 PDF.

The layout, bundled fonts, stylesheet and resource fetcher are the circulars' (convoca.circulars
.pdf): the letter is laid out by WeasyPrint from `partnerships/letters/acknowledgement.html`,
whose wording lives in one template per language (`acknowledgement_<language>.html`, so a
translator edits a whole letter, not scattered phrases). The letterhead is the one of the fund's
circular, else the first letterhead of the ITU, else none (the organization's name in plain
type). The letter is written in the language of the contributor's focal point, else English.
"""

from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.db.models import Q
from django.template.loader import select_template
from django.utils import timezone, translation
from django.utils.text import slugify

from convoca.circulars import pdf
from convoca.circulars.models import Letterhead
from convoca.core.money import Money
from convoca.stakeholders.models import FocalPoint, FocalPointState

from .models import Contribution, ContributionKind, ContributionState
from .services import FundError

LAYOUT = "partnerships/letters/acknowledgement.html"
WORDING = "partnerships/letters/acknowledgement_{language}.html"
FALLBACK_LANGUAGE = "en"
ITU_SLUG = "itu"

# Where the secretariat writes from, as each language names it.
PLACE = {
    "ar": "جنيف",
    "zh-hans": "日内瓦",
    "en": "Geneva",
    "fr": "Genève",
    "ru": "Женева",
    "es": "Ginebra",
}

THANKED = (ContributionState.RECEIVED, ContributionState.ACKNOWLEDGED)


def _check_language(language: str) -> None:
    if language not in pdf.LANGUAGE_CODES:
        raise ValueError(f"not a language of this site: {language!r}")


def focal_point_for(contribution: Contribution) -> FocalPoint | None:
    """The contributor's first approved focal point (the earliest approved), if any."""
    return (
        FocalPoint.objects.filter(
            organization_id=contribution.contributor_id, state=FocalPointState.APPROVED
        )
        .select_related("user")
        .order_by("decided_at", "pk")
        .first()
    )


def letter_language(contribution: Contribution) -> str:
    """The focal point's preferred language, or English when there is none."""
    focal_point = focal_point_for(contribution)
    language = focal_point.user.preferred_language if focal_point else ""
    return language if language in pdf.LANGUAGE_CODES else FALLBACK_LANGUAGE


def letterhead_for(fund) -> Letterhead | None:
    """The paper the fund writes on: its circular's letterhead, else the ITU's first one."""
    circular = fund.circular
    if circular is not None and circular.letterhead_id:
        return circular.letterhead
    return (
        Letterhead.objects.filter(
            Q(organization__slug=ITU_SLUG) | Q(organization__acronym__iexact="ITU")
        )
        .select_related("organization")
        .order_by("organization__name", "name", "pk")
        .first()
    )


def acknowledgement_filename(contribution: Contribution) -> str:
    """wsis-trust-fund-2022-acknowledgement-17.pdf"""
    fund_slug = slugify(contribution.fund.slug) or "fund"
    return f"{fund_slug}-acknowledgement-{contribution.pk}.pdf"


def _money(amount: Decimal, currency: str, language: str) -> str:
    return Money(amount, currency).format(language)


def acknowledgement_context(contribution: Contribution, language: str) -> dict[str, Any]:
    """What the letter prints, in `language`, as plain values."""
    _check_language(language)
    contribution = (
        Contribution.objects.select_related(
            "fund__circular__letterhead__organization", "contributor", "fund_rate"
        )
        .prefetch_related("receipts")
        .get(pk=contribution.pk)
    )
    fund = contribution.fund
    currency = contribution.currency
    receipts = list(contribution.receipts.all())
    received = sum((receipt.amount for receipt in receipts), Decimal("0"))
    letterhead = letterhead_for(fund)
    organization = letterhead.organization if letterhead else None
    image = letterhead.image if letterhead and letterhead.image else None
    focal_point = focal_point_for(contribution)
    circular = fund.circular
    day = (
        timezone.localdate(contribution.acknowledged_at)
        if contribution.acknowledged_at
        else timezone.localdate()
    )
    rate = contribution.fund_rate
    with translation.override(language):
        return {
            "language": language,
            "lang": pdf.html_lang(language),
            "dir": "rtl" if translation.get_language_bidi() else "ltr",
            "contribution": contribution,
            "fund_name": fund.name,
            "contributor_name": str(contribution.contributor),
            "attention": focal_point.user.get_full_name() if focal_point else "",
            "reference": f"{fund.slug}/{contribution.pk}",
            "place": PLACE[language],
            "date": pdf.long_date(day, language),
            "pledged": _money(contribution.amount, currency, language),
            "pledged_on": pdf.long_date(contribution.pledged_on, language),
            "received": _money(received, currency, language),
            "in_kind": contribution.kind == ContributionKind.IN_KIND,
            "in_kind_description": contribution.in_kind_description,
            "earmark": contribution.earmark,
            "converted": (
                _money(contribution.fund_amount, fund.currency, language)
                if contribution.fund_amount is not None and currency != fund.currency
                else ""
            ),
            "rate": f"1 {rate.from_currency} = {rate.rate.normalize():f} {rate.to_currency}"
            if rate
            else "",
            "rate_date": pdf.long_date(rate.valid_from, language) if rate else "",
            "receipts": [
                {
                    "date": pdf.long_date(receipt.received_on, language),
                    "reference": receipt.reference,
                    "amount": _money(receipt.amount, currency, language),
                }
                for receipt in receipts
            ],
            "letterhead": letterhead,
            "organization_name": str(organization) if organization else "",
            "letterhead_src": image.url if image else "",
            "letterhead_image_name": image.name if image else "",
            "office": letterhead.office if letterhead else "",
            "footer": letterhead.footer if letterhead else "",
            "contacts": [
                {"name": c.name, "phone": c.phone, "fax": c.fax, "email": c.email}
                for c in circular.contacts.all()
            ]
            if circular
            else [],
            "stylesheet_href": f"{pdf.INTERNAL_ORIGIN}{pdf.STATIC_PREFIX}{pdf.STYLESHEET}",
            "page_counter": pdf.page_counter_content(),
        }


def acknowledgement_html(contribution: Contribution, language: str) -> str:
    """The standalone HTML document WeasyPrint lays out (its resources under the letter's
    internal origin)."""
    context = acknowledgement_context(contribution, language)
    if context["letterhead_image_name"]:
        context["letterhead_src"] = (
            f"{pdf.INTERNAL_ORIGIN}{pdf.MEDIA_PREFIX}{quote(context['letterhead_image_name'])}"
        )
    template = select_template(
        [WORDING.format(language=language), WORDING.format(language=FALLBACK_LANGUAGE)]
    )
    with translation.override(language):
        return template.render(context)


def acknowledgement_pdf(contribution: Contribution, language: str | None = None) -> bytes:
    """The thank-you letter for a contribution received in full (or acknowledged), as an A4 PDF.
    `language` None: the focal point's language, else English."""
    import weasyprint

    if contribution.state not in THANKED:
        raise FundError(
            translation.gettext("A contribution is thanked for once it is received in full.")
        )
    language = language or letter_language(contribution)
    html = acknowledgement_html(contribution, language)
    letterhead = letterhead_for(contribution.fund)
    image = letterhead.image.name if letterhead and letterhead.image else ""
    fetcher = pdf.letter_url_fetcher(media_names={image} if image else ())
    document = weasyprint.HTML(string=html, base_url=f"{pdf.INTERNAL_ORIGIN}/", url_fetcher=fetcher)
    return document.write_pdf(pdf_tags=True)
