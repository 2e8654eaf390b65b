import pytest
from django.conf import settings
from django.utils import translation
from django_countries import countries

from convoca.core.models import CountryRegion, Region, RegionScheme

pytestmark = pytest.mark.django_db


def test_every_country_has_a_un_m49_sub_region_and_an_itu_region():
    mapped = CountryRegion.objects.exclude(m49_subregion=None).exclude(itu_region=None)
    missing = {code for code, _name in countries} - set(mapped.values_list("country", flat=True))
    assert missing == {"AQ"}  # Antarctica belongs to no region


def test_the_six_itu_regions_hold_their_members():
    def region_of(code):
        return CountryRegion.objects.get(country=code).itu_region.code

    assert Region.objects.filter(scheme=RegionScheme.ITU).count() == 6
    assert region_of("EG") == "ARB"  # Arab States, not Africa
    assert region_of("KZ") == "CIS"
    assert region_of("KE") == "AFR"
    assert region_of("FJ") == "ASP"
    assert region_of("CO") == "AMS"
    assert region_of("CH") == "EUR"


def test_m49_sub_regions_roll_up_to_regions():
    kenya = CountryRegion.objects.select_related("m49_subregion__parent").get(country="KE")
    assert kenya.m49_subregion.code == "014"
    assert kenya.m49_subregion.parent.code == "002"


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_region_names_exist_in_each_un_language(language):
    arab_states = Region.objects.get(scheme=RegionScheme.ITU, code="ARB")
    with translation.override(language):
        name = arab_states.name
    assert name
    if language != "en":
        assert name != arab_states.name_en
