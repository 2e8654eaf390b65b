"""UN M49 geographic regions and ITU-D regions for every country in django-countries, read
from regions.json beside this file. Names are given in the six UN languages.

Sources:
- UN M49 (Standard country or area codes for statistical use), UN Statistics Division:
  region and sub-region names are the official UNSD names in each language.
- ITU Telecommunication Development Bureau (BDT) regions: Africa, Americas, Arab States,
  Asia-Pacific, CIS and Europe, with ITU's names for them in each language.

M49 level used: the continental regions (002, 019, 142, 150, 009) and, below them, the
sub-regions, except that the intermediate groupings 202 Sub-Saharan Africa and 419 Latin
America and the Caribbean are skipped: their intermediate regions (014, 017, 018, 011 and
029, 013, 005) are used directly as sub-regions.

ITU regions follow ITU-D's composition:
- Arab States (ARB) are the 22 Arab League members (Palestine included as an ITU observer),
  the African ones included; they are not in Africa or Asia-Pacific.
- CIS is the nine countries ITU-D's Regional Office for CIS serves: Armenia, Azerbaijan,
  Belarus, Kazakhstan, Kyrgyzstan, Russian Federation, Tajikistan, Turkmenistan, Uzbekistan.
  Georgia, the Republic of Moldova and Ukraine are counted in Europe.
- Cyprus, Israel and Türkiye are in Europe; Iran and Afghanistan are in Asia-Pacific.
- Territories and non-member areas take the ITU region of their geography (Greenland and
  Caribbean territories: Americas; Réunion and Mayotte: Africa; Hong Kong, Macao and Pacific
  territories: Asia-Pacific). Western Sahara, in the Maghreb among Arab States, takes ARB.
- Antarctica has neither an M49 sub-region nor an ITU region.

The data migration core 0002 loads it; a change to the JSON ships with a new migration.
"""

import json
from pathlib import Path

LANGUAGES = ("en", "fr", "es", "ar", "zh_hans", "ru")

_DATA = json.loads((Path(__file__).with_name("regions.json")).read_text(encoding="utf-8"))

M49_REGIONS: list[dict] = _DATA["m49_regions"]
M49_SUBREGIONS: list[dict] = _DATA["m49_subregions"]
ITU_REGIONS: list[dict] = _DATA["itu_regions"]
# ISO 3166-1 alpha-2 code -> (M49 sub-region code or None, ITU region code or None)
COUNTRIES: dict[str, tuple[str | None, str | None]] = {
    code: tuple(pair) for code, pair in _DATA["countries"].items()
}
