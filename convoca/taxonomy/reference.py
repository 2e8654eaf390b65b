"""Reference data for the taxonomy, read from reference.json beside this file: the WSIS
Action Lines, the SDGs, the WSIS–SDG Matrix, Partner2Connect focus areas and themes.

Every label is a dict keyed by the six UN languages in ``LANGUAGES``.

Sources:
- Action lines: the Geneva Plan of Action (WSIS-03/GENEVA/DOC/5, section C) as published
  by ITU, in all six languages. The C7 sub-lines follow the Plan of Action order
  (paragraphs 15 to 22).
- SDGs: short titles as published on un.org in each language; full titles from
  General Assembly resolution A/RES/70/1; colours from the UN SDG communication guidelines.
- Matrix: the WSIS–SDG Matrix (ITU and UN action line facilitators, 2015).
- Focus areas: Partner2Connect Digital Coalition (ITU circular BDT/DIR/110, 2021).

The data migration taxonomy 0002 loads it; a change to the JSON ships with a new migration.
"""

import json
from pathlib import Path

LANGUAGES = ("en", "fr", "es", "ar", "zh_hans", "ru")

_DATA = json.loads((Path(__file__).with_name("reference.json")).read_text(encoding="utf-8"))

ACTION_LINES: list[dict] = _DATA["action_lines"]
SDGS: list[dict] = _DATA["sdgs"]
ACTION_LINE_SDGS: list[tuple[str, int]] = [tuple(pair) for pair in _DATA["action_line_sdgs"]]
FOCUS_AREAS: list[dict] = _DATA["focus_areas"]
THEMES: list[dict] = _DATA["themes"]
