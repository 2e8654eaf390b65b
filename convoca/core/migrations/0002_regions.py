"""Load UN M49 regions and sub-regions, the six ITU regions, and where each country sits."""

from django.db import migrations

from convoca.core import region_data


def _names(values):
    return {f"name_{lang}": values[lang] for lang in region_data.LANGUAGES} | {"name": values["en"]}


def load(apps, schema_editor):
    Region = apps.get_model("core", "Region")
    CountryRegion = apps.get_model("core", "CountryRegion")

    regions = {}
    for row in region_data.M49_REGIONS:
        regions[row["code"]], _ = Region.objects.update_or_create(
            scheme="m49_region", code=row["code"], defaults=_names(row["name"])
        )
    subregions = {}
    for row in region_data.M49_SUBREGIONS:
        subregions[row["code"]], _ = Region.objects.update_or_create(
            scheme="m49_subregion",
            code=row["code"],
            defaults={"parent": regions[row["region"]], **_names(row["name"])},
        )
    itu = {}
    for row in region_data.ITU_REGIONS:
        itu[row["code"]], _ = Region.objects.update_or_create(
            scheme="itu", code=row["code"], defaults=_names(row["name"])
        )
    for country, (m49, itu_code) in region_data.COUNTRIES.items():
        CountryRegion.objects.update_or_create(
            country=country,
            defaults={
                "m49_subregion": subregions.get(m49) if m49 else None,
                "itu_region": itu.get(itu_code) if itu_code else None,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
