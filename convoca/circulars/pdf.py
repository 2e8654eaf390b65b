"""The printed letter: one HTML body for the web page and the PDF, laid out by WeasyPrint.

`letter_context` gathers what `circulars/letter/letter.html` prints, in one language;
`render_pdf` turns it into an A4 PDF with the fonts bundled in the app's static folder (no
system font, no network, no collectstatic); `pdf_for` keeps the PDF of an issued revision in
storage so it is rendered once per revision and language, while a draft is rendered each time.
"""

import functools
import logging
import mimetypes
import re
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from babel import Locale
from babel.dates import format_date
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from .models import Circular, CircularState, RenderedLetter
from .selectors import available_languages

logger = logging.getLogger(__name__)

LETTER_TEMPLATE = "circulars/letter/letter.html"
PDF_TEMPLATE = "circulars/letter/pdf.html"
STYLESHEET = "circulars/letter.css"

# The PDF's resources live under this made-up origin; `_LetterFetcher` answers for it from the
# app's static files and from storage, and refuses everything else (no network, no local
# files outside the app's static folder).
INTERNAL_ORIGIN = "https://letter.convoca.invalid"
STATIC_PREFIX = "/static/"
MEDIA_PREFIX = "/media/"
STATIC_ALLOWED = "circulars/"

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def html_lang(language: str) -> str:
    """BCP 47 spelling of a Django language code for `lang=""`: zh-hans gives zh-Hans."""
    first, *rest = language.split("-")
    subtags = [first.lower()]
    for subtag in rest:
        if len(subtag) == 4:
            subtags.append(subtag.title())  # script
        elif len(subtag) == 2:
            subtags.append(subtag.upper())  # region
        else:
            subtags.append(subtag.lower())
    return "-".join(subtags)


def babel_locale(language: str) -> Locale:
    # UN and ITU letters date in British order in English: 16 August 2021.
    return Locale.parse("en_GB" if language == "en" else translation.to_locale(language))


def long_date(value, language: str) -> str:
    """The date as the letter prints it: 16 de agosto de 2021, 16 August 2021, 2021年8月16日."""
    if value is None:
        return ""
    return format_date(value, format="long", locale=babel_locale(language))


def _check_language(language: str) -> None:
    if language not in LANGUAGE_CODES:
        raise ValueError(f"not a language of this site: {language!r}")


def superseding_revision(circular: Circular) -> Circular | None:
    """The issued (or withdrawn) correction that replaces this revision, if any."""
    try:
        correction = circular.correction
    except Circular.DoesNotExist:
        return None
    return correction if correction.is_public else None


def letter_context(circular: Circular, language: str) -> dict[str, Any]:
    """Everything `letter.html` and `pdf.html` print, read in `language`, as plain values. A
    part not written in that language is printed in the letter's original language, never in a
    third one."""
    _check_language(language)

    def text(obj, field: str) -> str:
        return (
            getattr(obj, build_localized_fieldname(field, language), "")
            or getattr(obj, build_localized_fieldname(field, circular.default_language), "")
            or ""
        )

    def addressee_line(group) -> str:
        return text(group, "label") or (group.printed_line if group.kind != "label" else "")

    with translation.override(language):
        letterhead = circular.letterhead
        organization = letterhead.organization if letterhead else None
        image = letterhead.image if letterhead and letterhead.image else None
        withdrawn = circular.state == CircularState.WITHDRAWN
        annexes = [
            {
                "title": annex.title,
                "url": annex.file.url if annex.file else "",
                "language": annex.language,
                "size": annex.size,
            }
            for annex in circular.annexes.all()
        ]
        return {
            "circular": circular,
            "language": language,
            "lang": html_lang(language),
            "dir": "rtl" if translation.get_language_bidi() else "ltr",
            "state": circular.state,
            "is_draft": not circular.is_public,
            "reference": circular.reference,
            "revision": circular.revision,
            "subject": text(circular, "subject"),
            "salutation": text(circular, "salutation"),
            "body": text(circular, "body"),
            "closing": text(circular, "closing"),
            "annex_note": text(circular, "annex_note"),
            "annex_line": text(circular, "annex_note") or "; ".join(a["title"] for a in annexes),
            "annexes": annexes,
            "place": text(circular, "place"),
            "issue_date": circular.issue_date,
            "date": long_date(circular.issue_date, language),
            "office": text(circular, "office") or (letterhead.office if letterhead else ""),
            "letterhead": letterhead,
            "organization_name": str(organization) if organization else "",
            "letterhead_src": image.url if image else "",
            "letterhead_image_name": image.name if image else "",
            # The letterhead is the bureau's paper, in whatever languages it was made in.
            "footer": letterhead.footer if letterhead else "",
            "contacts": [
                {"name": c.name, "phone": c.phone, "fax": c.fax, "email": c.email}
                for c in circular.contacts.all()
            ],
            "addressees": [
                line for group in circular.addressees.all() if (line := addressee_line(group))
            ],
            "signatories": [
                {"name": s.name, "title": text(s, "title"), "signed_note": text(s, "signed_note")}
                for s in circular.signatories.all()
            ],
            "withdrawn": withdrawn,
            "withdrawn_on": long_date(
                timezone.localdate(circular.withdrawn_at) if circular.withdrawn_at else None,
                language,
            )
            if withdrawn
            else "",
            "withdrawal_reason": circular.withdrawal_reason if withdrawn else "",
            "superseded_by": superseding_revision(circular),
            "stylesheet_href": static(STYLESHEET),
            "pdf": False,
        }


def _css_string(text: str) -> str:
    """A CSS string literal that cannot end the string or the surrounding <style> element."""
    escaped = "".join(
        f"\\{ord(char):x} " if char in '"\\<>&' or ord(char) < 0x20 else char for char in text
    )
    return f'"{escaped}"'


def page_counter_content() -> SafeString:
    """CSS `content` for the translated “Page X of Y” in the page footer."""
    text = gettext("Page %(page)s of %(pages)s")
    tokens = []
    for part in re.split(r"(%\(pages?\)s)", text):
        if part == "%(page)s":
            tokens.append("counter(page)")
        elif part == "%(pages)s":
            tokens.append("counter(pages)")
        elif part:
            tokens.append(_css_string(part))
    return mark_safe(" ".join(tokens))  # built from escaped CSS strings only


def _static_path(name: str):
    if not name.startswith(STATIC_ALLOWED):
        return None
    try:
        found = finders.find(name)
    except SuspiciousFileOperation:
        return None
    return found if isinstance(found, str) else None


@functools.cache
def _fetcher_class():
    import weasyprint
    from weasyprint.urls import URLFetcherResponse

    class LetterFetcher(weasyprint.URLFetcher):
        """Answers the PDF's requests from the app's static files and from storage only."""

        def __init__(self, *, media_names: set[str]):
            super().__init__(allowed_protocols={"https"}, allow_redirects=False)
            self.media_names = media_names

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}" != INTERNAL_ORIGIN:
                raise ValueError(f"not a resource of the letter: {url}")
            path = unquote(parts.path)
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            if path.endswith(".woff2"):
                # letter.css offers each font as WOFF2 then TrueType: take the TrueType one,
                # as WOFF2 is decompressed in pure Python (seconds for the Chinese font).
                raise ValueError(f"TrueType is preferred to {url}")
            if path.startswith(STATIC_PREFIX):
                found = _static_path(path.removeprefix(STATIC_PREFIX))
                if found is None:
                    raise ValueError(f"not a resource of the letter: {url}")
                with open(found, "rb") as file:
                    body = file.read()
            elif (
                path.startswith(MEDIA_PREFIX)
                and path.removeprefix(MEDIA_PREFIX) in self.media_names
            ):
                with default_storage.open(path.removeprefix(MEDIA_PREFIX), "rb") as file:
                    body = file.read()
            else:
                raise ValueError(f"not a resource of the letter: {url}")
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return LetterFetcher


def letter_url_fetcher(*, media_names=frozenset()):
    """WeasyPrint's fetcher for a letter: the app's static files under circulars/, and the named
    files from storage (the letterhead image); nothing else, so a letter never reaches out."""
    return _fetcher_class()(media_names=set(media_names))


def render_html(circular: Circular, language: str, *, for_pdf: bool = True) -> str:
    """The standalone HTML document of the letter: what WeasyPrint lays out, its resources under
    INTERNAL_ORIGIN; `for_pdf=False` gives the same document with the site's URLs (a preview)."""
    context = letter_context(circular, language)
    if for_pdf:
        context["pdf"] = True
        context["stylesheet_href"] = f"{INTERNAL_ORIGIN}{STATIC_PREFIX}{STYLESHEET}"
        if context["letterhead_image_name"]:
            context["letterhead_src"] = (
                f"{INTERNAL_ORIGIN}{MEDIA_PREFIX}{quote(context['letterhead_image_name'])}"
            )
    with translation.override(language):
        context["page_counter"] = page_counter_content()
        return render_to_string(PDF_TEMPLATE, context)


def render_pdf(circular: Circular, language: str) -> bytes:
    """The letter as an A4 PDF, rendered now (no cache)."""
    import weasyprint

    html = render_html(circular, language)
    image = (
        circular.letterhead.image.name if circular.letterhead and circular.letterhead.image else ""
    )
    fetcher = letter_url_fetcher(media_names={image} if image else ())
    document = weasyprint.HTML(string=html, base_url=f"{INTERNAL_ORIGIN}/", url_fetcher=fetcher)
    return document.write_pdf(pdf_tags=True)


def download_filename(circular: Circular, language: str) -> str:
    """cl-21-007-r1-es.pdf; a draft is draft-<id>-<language>.pdf."""
    if circular.is_public and circular.reference:
        stem = slugify(re.sub(r"[/\\]+", "-", circular.reference)) or f"circular-{circular.pk}"
        return f"{stem}-r{circular.revision}-{language}.pdf"
    return f"draft-{circular.pk}-{language}.pdf"


def _is_stale(rendered: RenderedLetter, circular: Circular) -> bool:
    """A letter rendered before its withdrawal, or before a correction replaced it, lacks the
    notice the reader must see: render it again."""
    if circular.withdrawn_at and rendered.created_at < circular.withdrawn_at:
        return True
    correction = superseding_revision(circular)
    return bool(correction and correction.issued_at and rendered.created_at < correction.issued_at)


def _read(rendered: RenderedLetter) -> bytes | None:
    try:
        with rendered.file.open("rb") as file:
            return file.read()
    except (OSError, ValueError):
        logger.warning("Rendered letter %s has lost its file %s", rendered.pk, rendered.file.name)
        return None


def pdf_for(circular: Circular, language: str) -> tuple[bytes, str]:
    """The PDF of the letter in `language` and its download name.

    An issued or withdrawn revision is rendered once per language and kept in storage
    (RenderedLetter); a draft is rendered each time and never kept. Two requests rendering the
    same letter at once both succeed: the first to record its file wins, the other serves it.
    """
    _check_language(language)
    filename = download_filename(circular, language)
    if not circular.is_public:
        return render_pdf(circular, language), filename
    if language not in available_languages(circular):
        raise ValueError(f"circular {circular.pk} is not written in {language!r}")

    rendered = RenderedLetter.objects.filter(circular=circular, language=language).first()
    if rendered is not None and not _is_stale(rendered, circular):
        data = _read(rendered)
        if data is not None:
            return data, filename

    data = render_pdf(circular, language)
    field = RenderedLetter._meta.get_field("file")
    name = field.storage.save(field.generate_filename(None, filename), ContentFile(data))

    if rendered is None:
        try:
            with transaction.atomic():
                RenderedLetter.objects.create(circular=circular, language=language, file=name)
        except IntegrityError:
            # Another request recorded the same letter first: serve its file, drop ours.
            field.storage.delete(name)
            winner = RenderedLetter.objects.get(circular=circular, language=language)
            return _read(winner) or data, filename
        return data, filename

    # Replace a stale or lost file; if another request replaced it meanwhile, serve theirs.
    replaced = RenderedLetter.objects.filter(pk=rendered.pk, file=rendered.file.name).update(
        file=name, created_at=timezone.now()
    )
    if replaced:
        if rendered.file.name and rendered.file.name != name:
            field.storage.delete(rendered.file.name)
        return data, filename
    field.storage.delete(name)
    winner = RenderedLetter.objects.filter(pk=rendered.pk).first()
    return (_read(winner) if winner else None) or data, filename
