import pytest
from django.urls import reverse

from convoca.consultations.models import Consultation
from convoca.registration.models import RegistrationForm

pytestmark = pytest.mark.django_db


def test_an_edition_page_offers_registration_and_its_consultation(
    client, edition, django_capture_on_commit_callbacks
):
    url = reverse("programme:edition", args=[edition.slug])
    assert 'data-testid="edition-links"' not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        RegistrationForm.objects.create(edition=edition)
        Consultation.objects.create(edition=edition, slug="next", title="Open consultation")
    page = client.get(url).content.decode()
    assert reverse("registration:register", args=[edition.slug]) in page
    assert reverse("registration:remote", args=[edition.slug]) in page
    assert "Consultation: Open consultation" in page
