import datetime as dt
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from convoca.circulars import selectors, services
from convoca.circulars.models import Annex, Circular, CircularSeries, CircularState, SeriesCounter
from convoca.circulars.numbering import format_reference, is_valid_pattern
from convoca.core.audit import history
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("pattern", "year", "number", "reference"),
    [
        ("CL-{yy}/{nnn}", 2020, 25, "CL-20/025"),
        ("BDT/DIR/{nnn}", 2021, 110, "BDT/DIR/110"),
        ("WSIS Forum {yyyy}/{nn}", 2021, 1, "WSIS Forum 2021/01"),
    ],
)
def test_references_follow_the_series_pattern(pattern, year, number, reference):
    assert format_reference(pattern, year=year, number=number) == reference


def test_a_pattern_needs_a_number():
    assert is_valid_pattern("CL-{yy}/{nnn}")
    assert not is_valid_pattern("CL-{yy}")


def test_issuing_numbers_in_sequence_per_year_and_never_reuses(draft, issue, secretariat, series):
    first = issue(draft, on=dt.date(2021, 8, 16))
    assert first.reference == "CL-21/001"
    second = services.save_draft(
        by=secretariat, series=series, subject_en="Second", body_en="Text", default_language="en"
    )
    services.set_addressees(
        circular=second,
        groups=[{"kind": "stakeholder_type", "stakeholder_type": "government"}],
        by=secretariat,
    )
    assert issue(second, on=dt.date(2021, 9, 3)).reference == "CL-21/002"
    # withdrawing does not free the number
    services.transition(
        circular=first, to="withdrawn", by=secretariat, reason="Superseded by CL-21/002"
    )
    third = services.save_draft(
        by=secretariat, series=series, subject_en="Third", body_en="T", default_language="en"
    )
    services.set_addressees(
        circular=third,
        groups=[{"kind": "itu_status", "itu_status": "member_state"}],
        by=secretariat,
    )
    assert issue(third, on=dt.date(2022, 1, 5)).reference == "CL-22/001"  # a new year starts at 1
    assert SeriesCounter.objects.get(series=series, year=2021).last_number == 2


def test_a_draft_has_no_reference_until_issued(draft):
    assert draft.reference == ""
    assert draft.state == CircularState.DRAFT
    assert draft not in selectors.public_circulars()


def test_issuing_twice_issues_once(draft, issue, secretariat):
    issued = issue(draft)
    with pytest.raises(services.CircularError, match="already issued"):
        services.transition(circular=draft, to="issued", by=secretariat)
    issued.refresh_from_db()
    assert SeriesCounter.objects.get().last_number == 1
    assert [e.action for e in history(issued)].count("circulars.circular.issued") == 1


@pytest.mark.django_db(transaction=True)
def test_two_tabs_issuing_at_once_number_once(secretariat, series):
    circular = services.save_draft(
        by=secretariat, series=series, subject_en="S", body_en="B", default_language="en"
    )
    services.set_addressees(
        circular=circular,
        groups=[{"kind": "itu_status", "itu_status": "member_state"}],
        by=secretariat,
    )
    services.transition(circular=circular, to="approved", by=secretariat)
    outcomes = []
    barrier = threading.Barrier(2)

    def tab():
        barrier.wait()
        try:
            services.transition(circular=circular, to="issued", by=secretariat)
            outcomes.append("issued")
        except services.CircularError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=tab) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["issued", "refused"]
    assert SeriesCounter.objects.get().last_number == 1


def test_a_typed_reference_cannot_collide(secretariat, draft, issue):
    manual = services.save_draft(
        by=secretariat,
        reference="Foro CMSI 2022",
        subject_es="A",
        body_es="B",
        default_language="es",
    )
    with pytest.raises(services.CircularError, match="already used"):
        services.save_draft(
            by=secretariat,
            reference="foro cmsi 2022",
            subject_es="C",
            body_es="D",
            default_language="es",
        )
    assert Circular.objects.filter(reference__iexact="Foro CMSI 2022").count() == 1
    assert manual.reference == "Foro CMSI 2022"


def test_script_tags_in_the_body_are_refused_and_nothing_is_saved(secretariat):
    with pytest.raises(services.CircularError, match="<script>"):
        services.save_draft(
            by=secretariat,
            subject_en="Hello",
            body_en="Hi <script>alert(1)</script>",
            default_language="en",
        )
    assert not Circular.objects.exists()


def test_an_empty_addressee_list_cannot_be_approved(secretariat):
    circular = services.save_draft(
        by=secretariat, subject_en="S", body_en="B", default_language="en"
    )
    with pytest.raises(services.CircularError, match="addressee"):
        services.transition(circular=circular, to="approved", by=secretariat)
    services.set_addressees(
        circular=circular, groups=[{"kind": "label", "label": "UN agencies"}], by=secretariat
    )
    with pytest.raises(services.CircularError, match="addressee"):
        services.transition(circular=circular, to="approved", by=secretariat)
    circular.refresh_from_db()
    assert circular.state == CircularState.DRAFT


def test_an_issued_letter_cannot_be_edited_but_can_be_corrected(draft, issue, secretariat):
    issued = issue(draft)
    with pytest.raises(services.CircularError, match="Only a draft"):
        services.save_draft(by=secretariat, circular=issued, subject_es="Cambiado")
    correction = services.new_revision(circular=issued, by=secretariat)
    assert (correction.reference, correction.revision, correction.state) == (
        issued.reference,
        2,
        "draft",
    )
    assert list(correction.addressees.values_list("stakeholder_type", flat=True)) == ["government"]
    services.save_draft(by=secretariat, circular=correction, body_es="Texto **corregido**.")
    corrected = issue(correction)
    assert corrected.reference == issued.reference
    assert SeriesCounter.objects.get().last_number == 1  # the correction keeps the number
    archive = list(selectors.public_circulars())
    assert archive == [corrected]  # the archive lists the latest revision
    with pytest.raises(services.CircularError, match="already exists"):
        services.new_revision(circular=issued, by=secretariat)


def test_withdrawing_needs_a_reason_and_stays_listed(draft, issue, secretariat):
    issued = issue(draft)
    with pytest.raises(services.CircularError, match="why"):
        services.transition(circular=issued, to="withdrawn", by=secretariat, reason=" ")
    services.transition(circular=issued, to="withdrawn", by=secretariat, reason="Sent in error")
    assert [c.state for c in selectors.public_circulars()] == ["withdrawn"]


def test_addressees_resolve_to_unique_reachable_people(
    draft, governments, mailing_list, secretariat
):
    PersonFactory(
        organization=governments[0], email="ANA@gov-a.example.org"
    )  # same address, other case
    duplicate_list = mailing_list(2)
    duplicate_list.entries.create(email="ben@gov-b.example.org")
    services.set_addressees(
        circular=draft,
        groups=[
            {"kind": "stakeholder_type", "stakeholder_type": "government"},
            {"kind": "mailing_list", "mailing_list": duplicate_list},
        ],
        by=secretariat,
    )
    emails = sorted(r.email for r in selectors.resolve_recipients(draft))
    assert emails == [
        "ana@gov-a.example.org",
        "ben@gov-b.example.org",
        "chen@gov-b.example.org",
        "mission0@missions.example.org",
        "mission1@missions.example.org",
    ]


def test_each_recipient_reads_their_language_when_the_letter_exists_in_it(draft, governments):
    languages = {r.email: r.language for r in selectors.resolve_recipients(draft)}
    assert languages["ana@gov-a.example.org"] == "es"  # no preference: the original
    # Chen prefers Chinese, which the letter lacks: the original language instead
    assert languages["chen@gov-b.example.org"] == "es"
    chen = governments[1].people.get(user__isnull=False).user
    chen.preferred_language = "en"
    chen.save()
    languages = {r.email: r.language for r in selectors.resolve_recipients(draft)}
    assert languages["chen@gov-b.example.org"] == "en"


def test_focal_points_of_addressed_organizations_are_reached(draft, governments):
    from tests.factories import FocalPointFactory

    FocalPointFactory(organization=governments[0], user__email="focal@gov-a.example.org")
    assert "focal@gov-a.example.org" in {r.email for r in selectors.resolve_recipients(draft)}


def pdf_upload(name="lotes.pdf", content=b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_an_annex_must_be_what_its_extension_says(draft, secretariat):
    annex = services.add_annex(
        circular=draft, upload=pdf_upload(), title="Lotes de Asociación", by=secretariat
    )
    assert annex.content_type == "application/pdf"
    fake = SimpleUploadedFile(
        "lotes.pdf", b"MZ\x90\x00 this is an executable", content_type="application/pdf"
    )
    with pytest.raises(services.CircularError, match=r"not really a \.pdf"):
        services.add_annex(circular=draft, upload=fake, title="x", by=secretariat)
    with pytest.raises(services.CircularError, match="may be"):
        services.add_annex(circular=draft, upload=pdf_upload("run.exe"), title="x", by=secretariat)
    assert Annex.objects.count() == 1


def test_an_annex_over_the_limit_is_refused(draft, secretariat, settings):
    settings.CIRCULAR_ANNEX_MAX_BYTES = 100
    with pytest.raises(services.CircularError, match="limit"):
        services.add_annex(
            circular=draft,
            upload=pdf_upload(content=b"%PDF-1.7\n" + b"0" * 200),
            title="x",
            by=secretariat,
        )
    assert not Annex.objects.exists()


def test_a_series_letterhead_is_used_by_default(secretariat):
    from convoca.circulars.models import Letterhead

    letterhead = Letterhead.objects.create(organization=OrganizationFactory(), name="BDT")
    series = CircularSeries.objects.create(
        name="BDT", slug="bdt", pattern="BDT/DIR/{nnn}", letterhead=letterhead
    )
    circular = services.save_draft(
        by=secretariat, series=series, subject_en="S", body_en="B", default_language="en"
    )
    assert circular.letterhead == letterhead
