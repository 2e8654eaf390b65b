"""The printed letter of a circular: what a reader finds in the PDF, in Latin, Arabic and Chinese
script, and that an issued letter is rendered once per revision and language while a draft
never is kept."""

import datetime as dt
import io
import logging
import re
import zlib
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image

from convoca.circulars import pdf
from convoca.circulars.models import (
    AddresseeGroup,
    AddresseeKind,
    Circular,
    CircularState,
    Contact,
    Letterhead,
    RenderedLetter,
    Signatory,
)
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

SPANISH_SUBJECT = "Invitación al Foro virtual de la Cumbre Mundial de la Sociedad de la Información"
ARABIC_SUBJECT = "دعوة إلى منتدى القمة العالمية لمجتمع المعلومات"
ARABIC_BODY = "يسرني أن أدعوكم إلى المشاركة في المنتدى الذي سيعقد في جنيف."
CHINESE_SUBJECT = "关于参加信息社会世界峰会论坛的邀请"
CHINESE_BODY = "我谨邀请您参加信息社会世界峰会论坛。"


# --- Reading a PDF the way a reader's viewer does -------------------------------------------


def pdf_text(data: bytes) -> str:
    """The text a viewer extracts (copy, search, screen reader), whitespace collapsed."""
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def shows(text: str, phrase: str) -> bool:
    """Whether the phrase is in the extracted text, whatever spaces the extractor added or lost
    at line ends and kerning gaps."""
    return "".join(phrase.split()) in "".join(text.split())


def _pdf_dictionaries(data: bytes) -> bytes:
    """The PDF with every compressed stream inflated (WeasyPrint packs objects in streams)."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end() :]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def embedded_fonts(data: bytes) -> set[str]:
    """PostScript names of the fonts embedded in the PDF, without the subset prefix."""
    names = re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_.-]+)", _pdf_dictionaries(data))
    return {name.decode().split("+", 1)[-1] for name in names}


# --- Letters ---------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def letterhead():
    organization = OrganizationFactory(name="International Telecommunication Union", acronym="ITU")
    return Letterhead.objects.create(
        organization=organization,
        name="ITU",
        office_en="General Secretariat (SG)",
        office_es="Secretaría General (SG)",
        footer="Place des Nations • CH-1211 Geneva 20 • Switzerland",
    )


def make_circular(letterhead=None, *, state=CircularState.ISSUED, **fields) -> Circular:
    values = {
        "reference": "CL-20/025",
        "issue_date": dt.date(2021, 8, 16),
        "issued_at": timezone.now(),
        "letterhead": letterhead,
        "state": state,
    }
    if state in (CircularState.DRAFT, CircularState.APPROVED):
        values.update(reference="", issue_date=None, issued_at=None)
    values.update(fields)
    return Circular.objects.create(**values)


@pytest.fixture
def spanish(letterhead):
    circular = make_circular(
        letterhead,
        default_language="es",
        place_es="Ginebra",
        subject_es=SPANISH_SUBJECT,
        salutation_es="Muy Señora mía/Muy Señor mío:",
        body_es=(
            "El Foro se celebrará en línea **a partir del 22 de junio**.\n\n"
            "- Talleres\n- Exposición"
        ),
        closing_es="Atentamente,",
        annex_note_es="Lotes de Asociación para el Foro de la CMSI de 2022",
    )
    Contact.objects.create(
        circular=circular,
        name="Sra. Gitanjali Sah",
        phone="+41 22 730 6240",
        fax="+41 22 730 6453",
        email="wsis-info@itu.int",
    )
    AddresseeGroup.objects.create(
        circular=circular, order=0, kind=AddresseeKind.LABEL_ONLY, label_es="Gobiernos"
    )
    AddresseeGroup.objects.create(
        circular=circular, order=1, kind=AddresseeKind.LABEL_ONLY, label_es="Sociedad civil"
    )
    Signatory.objects.create(
        circular=circular,
        order=0,
        name="Houlin ZHAO",
        title_es="Secretario General",
        signed_note_es="(firmado)",
    )
    Signatory.objects.create(
        circular=circular,
        order=1,
        name="Audrey Azoulay",
        title_es="Directora General de la UNESCO",
        signed_note_es="(firmado)",
    )
    return circular


@pytest.fixture
def arabic():
    return make_circular(
        reference="CL-21/007",
        default_language="ar",
        place_ar="جنيف",
        subject_ar=ARABIC_SUBJECT,
        body_ar=ARABIC_BODY,
    )


@pytest.fixture
def chinese():
    return make_circular(
        reference="CL-21/008",
        default_language="zh-hans",
        place_zh_hans="日内瓦",
        subject_zh_hans=CHINESE_SUBJECT,
        body_zh_hans=CHINESE_BODY,
    )


@pytest.fixture
def renders(monkeypatch):
    """Counts the PDFs actually laid out by WeasyPrint."""
    calls = []
    original = pdf.render_pdf

    def counting(circular, language):
        calls.append((circular.pk, language))
        return original(circular, language)

    monkeypatch.setattr(pdf, "render_pdf", counting)
    return calls


def no_missing_glyphs(caplog) -> bool:
    return not [r for r in caplog.records if ".notdef" in r.getMessage()]


# --- What the reader sees --------------------------------------------------------------------


def test_spanish_letter_prints_every_part_of_the_circular(spanish):
    text = pdf_text(pdf.render_pdf(spanish, "es"))

    for expected in (
        "International Telecommunication Union (ITU)",
        "Secretaría General (SG)",
        "Ginebra, 16 de agosto de 2021",
        "CL-20/025",
        "Sra. Gitanjali Sah",
        "+41 22 730 6240",
        "wsis-info@itu.int",
        "Gobiernos",
        "Sociedad civil",
        SPANISH_SUBJECT,
        "Muy Señora mía/Muy Señor mío:",
        "a partir del 22 de junio",
        "Talleres",
        "Atentamente,",
        "(firmado)",
        "Houlin ZHAO",
        "Secretario General",
        "Audrey Azoulay",
        "Lotes de Asociación para el Foro de la CMSI de 2022",
        "Place des Nations",
    ):
        assert shows(text, expected), expected
    assert "**" not in text  # the body's Markdown is rendered, not printed


@pytest.mark.parametrize(
    ("language", "date"),
    [
        ("es", "16 de agosto de 2021"),
        ("fr", "16 août 2021"),
        ("ru", "16 августа 2021\u202fг."),
        ("ar", "16 أغسطس 2021"),
        ("zh-hans", "2021年8月16日"),
    ],
)
def test_the_date_is_written_in_the_language_of_the_letter(spanish, language, date):
    assert pdf.letter_context(spanish, language)["date"] == date


def test_each_page_shows_the_letterhead_footer_and_its_number(spanish):
    spanish.body_es = "\n\n".join(["Un párrafo bastante largo del cuerpo de la carta. " * 8] * 12)
    spanish.save()

    data = pdf.render_pdf(spanish, "es")

    text = pdf_text(data)
    # a Spanish letter numbers its pages in Spanish
    pages = int(re.search(r"Página 1 de (\d+)", text)[1])
    assert pages >= 2
    assert f"Página {pages} de {pages}" in text
    assert text.count("Place des Nations") == pages


def test_an_arabic_letter_is_right_to_left_with_shaped_arabic_text(arabic, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    html = pdf.render_html(arabic, "ar")
    assert '<html lang="ar" dir="rtl">' in html

    data = pdf.render_pdf(arabic, "ar")

    assert any("Naskh" in name or "Arabic" in name for name in embedded_fonts(data))
    assert no_missing_glyphs(caplog)
    text = pdf_text(data)
    for word in (*ARABIC_SUBJECT.split(), "يسرني", "المشاركة", "جنيف"):
        assert shows(text, word), word


def test_a_chinese_letter_embeds_a_chinese_font_and_its_text_can_be_read(chinese, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    assert '<html lang="zh-Hans" dir="ltr">' in pdf.render_html(chinese, "zh-hans")

    data = pdf.render_pdf(chinese, "zh-hans")

    assert any("SC" in name or "CJK" in name for name in embedded_fonts(data))
    assert no_missing_glyphs(caplog)
    text = pdf_text(data)
    assert shows(text, CHINESE_SUBJECT)
    assert shows(text, "日内瓦")
    assert shows(text, "2021年8月16日")


def test_a_russian_letter_prints_cyrillic_beside_latin_and_greek():
    circular = make_circular(
        reference="CL-22/001",
        default_language="ru",
        place_ru="Женева",
        subject_ru="Приглашение на Форум ВВУИО 2022 года",
        body_ru="Имею честь пригласить вас на **Форум ВВУИО** (WSIS Forum): Zürich, Łódź, Ελλάδα.",
    )

    data = pdf.render_pdf(circular, "ru")

    text = pdf_text(data)
    for phrase in (
        "Женева, 16 августа 2021",
        "Приглашение на Форум ВВУИО 2022 года",
        "(WSIS Forum): Zürich, Łódź, Ελλάδα.",
    ):
        assert shows(text, phrase), phrase


def test_each_font_face_is_a_single_file():
    """WeasyPrint embeds one file per family, weight and style: a face split in unicode-range
    subsets would print one subset's glyphs for another's (garbled Cyrillic, for one)."""
    css = Path(finders.find("circulars/letter.css")).read_text()
    faces = []
    for rule in re.findall(r"@font-face\s*\{(.*?)\}", css, re.S):
        descriptors = dict(re.findall(r"([a-z-]+)\s*:\s*([^;]+);", rule))
        faces.append(
            (descriptors["font-family"], descriptors["font-style"], descriptors["font-weight"])
        )
        for url in re.findall(r"url\(([^)]+)\)", rule):
            assert finders.find(f"circulars/{url}"), url
    assert len(faces) == len(set(faces)) >= 8


def test_only_the_bundled_fonts_are_used(spanish, arabic, chinese):
    for circular, language in ((spanish, "es"), (arabic, "ar"), (chinese, "zh-hans")):
        fonts = embedded_fonts(pdf.render_pdf(circular, language))
        assert fonts
        assert all(name.startswith("Noto") for name in fonts), fonts


def test_the_letterhead_image_comes_from_storage(letterhead, spanish):
    picture = io.BytesIO()
    Image.new("RGB", (400, 80), "#005a9c").save(picture, format="PNG")
    letterhead.image.save("itu.png", ContentFile(picture.getvalue()))

    data = pdf.render_pdf(spanish, "es")

    assert b"/Subtype /Image" in _pdf_dictionaries(data)
    # The image replaces the organization's name in the letterhead.
    assert not shows(pdf_text(data), "International Telecommunication Union")


def test_a_withdrawn_letter_says_so(spanish):
    spanish.state = CircularState.WITHDRAWN
    spanish.withdrawn_at = timezone.now()
    spanish.withdrawal_reason = "Sustituida por la circular CL-20/030."
    spanish.save()

    text = pdf_text(pdf.render_pdf(spanish, "es"))

    assert shows(text, "Sustituida por la circular CL-20/030.")
    assert pdf.letter_context(spanish, "en")["withdrawn"]


def test_a_corrected_revision_points_to_its_correction():
    first = make_circular(subject_en="Invitation", body_en="Come.")
    make_circular(
        previous=first, revision=2, subject_en="Invitation (corrected)", body_en="Come, please."
    )

    text = pdf_text(pdf.render_pdf(first, "en"))

    assert shows(text, "This revision has been superseded by revision 2.")


# --- Rendered once, kept, and safe when two requests race -----------------------------------


def test_an_issued_letter_is_rendered_once_and_kept(spanish, renders):
    first, filename = pdf.pdf_for(spanish, "es")
    second, _ = pdf.pdf_for(spanish, "es")

    assert first.startswith(b"%PDF")
    assert second == first
    assert len(renders) == 1
    assert filename == "cl-20-025-r1-es.pdf"
    rendered = RenderedLetter.objects.get()
    assert (rendered.circular, rendered.language) == (spanish, "es")
    assert rendered.file.name == "circulars/pdf/cl-20-025-r1-es.pdf"
    assert default_storage.exists(rendered.file.name)


def test_each_language_is_kept_apart(spanish, renders):
    spanish.subject_en, spanish.body_en = "Invitation to the WSIS Forum", "Dear all."
    spanish.save()

    spanish_pdf, _ = pdf.pdf_for(spanish, "es")
    english_pdf, english_name = pdf.pdf_for(spanish, "en")

    assert english_name == "cl-20-025-r1-en.pdf"
    assert RenderedLetter.objects.count() == 2
    assert len(renders) == 2
    assert spanish_pdf != english_pdf


def test_a_draft_is_rendered_each_time_and_never_kept(letterhead, renders):
    draft = make_circular(
        letterhead, state=CircularState.DRAFT, subject_es="Borrador", body_es="Texto."
    )

    data, filename = pdf.pdf_for(draft, "es")
    pdf.pdf_for(draft, "es")

    assert data.startswith(b"%PDF")
    assert filename == f"draft-{draft.pk}-es.pdf"
    assert len(renders) == 2
    assert not RenderedLetter.objects.exists()
    assert not default_storage.exists("circulars/pdf")


def test_two_requests_rendering_the_same_letter_serve_the_first_file(spanish, monkeypatch):
    original = pdf.render_pdf

    def rendered_while_another_request_finished_first(circular, language):
        data = original(circular, language)
        name = default_storage.save("circulars/pdf/other-request.pdf", ContentFile(b"%PDF-other"))
        RenderedLetter.objects.create(circular=circular, language=language, file=name)
        return data

    monkeypatch.setattr(pdf, "render_pdf", rendered_while_another_request_finished_first)

    data, _ = pdf.pdf_for(spanish, "es")

    assert data == b"%PDF-other"
    assert RenderedLetter.objects.get().file.name == "circulars/pdf/other-request.pdf"
    _folders, files = default_storage.listdir("circulars/pdf")
    assert files == ["other-request.pdf"]  # the loser's file is not left behind


def test_a_letter_kept_before_its_withdrawal_is_rendered_again(spanish, renders):
    before, _ = pdf.pdf_for(spanish, "es")
    old_name = RenderedLetter.objects.get().file.name
    Circular.objects.filter(pk=spanish.pk).update(
        state=CircularState.WITHDRAWN,
        withdrawn_at=timezone.now(),
        withdrawal_reason="Publicada por error.",
    )
    spanish.refresh_from_db()

    after, _ = pdf.pdf_for(spanish, "es")
    again, _ = pdf.pdf_for(spanish, "es")

    assert shows(pdf_text(after), "Publicada por error.")
    assert again == after != before
    assert len(renders) == 2
    rendered = RenderedLetter.objects.get()
    assert rendered.file.name != old_name
    assert not default_storage.exists(old_name)


def test_a_language_the_issued_letter_is_not_written_in_is_refused(spanish):
    with pytest.raises(ValueError, match="not written in"):
        pdf.pdf_for(spanish, "fr")
    with pytest.raises(ValueError, match="not a language"):
        pdf.pdf_for(spanish, "de")


# --- The renderer reaches nothing but the app's own files ------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/logo.png",
        "file:///etc/passwd",
        f"{pdf.INTERNAL_ORIGIN}/static/web/convoca.css",
        f"{pdf.INTERNAL_ORIGIN}/static/circulars/../../../../settings.py",
        f"{pdf.INTERNAL_ORIGIN}/media/letterheads/someone-elses.png",
    ],
)
def test_the_renderer_fetches_nothing_else(url):
    fetcher = pdf.letter_url_fetcher(media_names={"letterheads/itu.png"})
    with pytest.raises(ValueError, match="not a resource of the letter"):
        fetcher.fetch(url)


def test_the_renderer_reads_the_stylesheet_and_fonts_from_the_app():
    fetcher = pdf.letter_url_fetcher()

    css = fetcher.fetch(f"{pdf.INTERNAL_ORIGIN}/static/circulars/letter.css")
    font = fetcher.fetch(
        f"{pdf.INTERNAL_ORIGIN}/static/circulars/fonts/noto-naskh-arabic/NotoNaskhArabic-Regular.ttf"
    )

    assert css.content_type == "text/css"
    assert b"@font-face" in css.read()
    assert font.read()[:4] == b"\x00\x01\x00\x00"  # TrueType


def test_an_untranslated_part_prints_in_the_original_language_never_a_third(draft):
    from convoca.circulars.pdf import letter_context

    draft.annex_note_ar = "مرفق: حزم الشراكة"
    draft.closing_es = "Atentamente."
    draft.save()
    spanish = letter_context(draft, "es")
    assert spanish["annex_note"] == ""  # only the Arabic version has one
    french = letter_context(draft, "fr")
    assert french["closing"] == "Atentamente."  # no French: the Spanish original
    assert french["subject"] == "Invitación al Foro de la CMSI 2022"
    english = letter_context(draft, "en")
    assert english["subject"] == "Invitation to the WSIS Forum 2022"
