"""Certificates for champions and winners: an A4 landscape PDF laid out by WeasyPrint with the
circulars' bundled Noto fonts and resource fetcher (no system font, no network)."""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from convoca.circulars import pdf

from .errors import PrizeError
from .models import CHAMPION_STATES, Nomination, NominationState

TEMPLATE = "prizes/certificate.html"


def is_available(nomination: Nomination) -> bool:
    """A champion's certificate once the champions are public; a winner's once announced."""
    cycle = nomination.cycle
    if nomination.state == NominationState.WINNER and cycle.winners_public():
        return True
    return nomination.state in CHAMPION_STATES and cycle.champions_public()


def filename(nomination: Nomination) -> str:
    return (
        f"{nomination.cycle.slug}-certificate-{nomination.pk}-{slugify(nomination.title)[:40]}.pdf"
    )


def certificate_html(nomination: Nomination, language: str) -> str:
    cycle = nomination.cycle
    winner = nomination.state == NominationState.WINNER and cycle.winners_public()
    with translation.override(language):
        return render_to_string(
            TEMPLATE,
            {
                "lang": pdf.html_lang(language),
                "dir": "rtl" if translation.get_language_bidi() else "ltr",
                "nomination": nomination,
                "cycle": cycle,
                "organization": nomination.organization,
                "category": nomination.category,
                "winner": winner,
                "date": pdf.long_date(
                    timezone.localdate(
                        cycle.announced_at if winner else cycle.champions_published_at
                    ),
                    language,
                ),
                "stylesheet_href": f"{pdf.INTERNAL_ORIGIN}{pdf.STATIC_PREFIX}{pdf.STYLESHEET}",
            },
        )


def certificate_pdf(nomination: Nomination, language: str = "en") -> bytes:
    """The certificate of a published champion or winner, in `language`."""
    import weasyprint

    if language not in pdf.LANGUAGE_CODES:
        raise ValueError(f"not a language of this site: {language!r}")
    if not is_available(nomination):
        raise PrizeError(translation.gettext("There is no certificate for this project yet."))
    html = certificate_html(nomination, language)
    document = weasyprint.HTML(
        string=html, base_url=f"{pdf.INTERNAL_ORIGIN}/", url_fetcher=pdf.letter_url_fetcher()
    )
    return document.write_pdf(pdf_tags=True)
