"""Load the WSIS Action Lines, SDGs, WSIS–SDG Matrix, P2C focus areas and themes in six languages."""

from django.db import migrations

from convoca.taxonomy import reference


def _names(field, values):
    return {f"{field}_{lang}": values[lang] for lang in reference.LANGUAGES} | {field: values["en"]}


def load(apps, schema_editor):
    ActionLine = apps.get_model("taxonomy", "ActionLine")
    SDG = apps.get_model("taxonomy", "SDG")
    ActionLineSDG = apps.get_model("taxonomy", "ActionLineSDG")
    FocusArea = apps.get_model("taxonomy", "FocusArea")
    Theme = apps.get_model("taxonomy", "Theme")

    lines = {}
    for row in reference.ACTION_LINES:
        main, _dot, sub = row["code"].removeprefix("C").partition(".")
        lines[row["code"]], _ = ActionLine.objects.update_or_create(
            code=row["code"],
            defaults={
                "parent": lines.get(row["parent"]),
                "position": int(main) * 100 + int(sub or 0),
                **_names("name", row["name"]),
            },
        )
    goals = {}
    for row in reference.SDGS:
        goals[row["number"]], _ = SDG.objects.update_or_create(
            number=row["number"],
            defaults={
                "color": row["color"],
                **_names("name", row["name"]),
                **_names("title", row["title"]),
            },
        )
    for code, number in reference.ACTION_LINE_SDGS:
        ActionLineSDG.objects.get_or_create(action_line=lines[code], sdg=goals[number])
    for row in reference.FOCUS_AREAS:
        FocusArea.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "order": row["order"],
                **_names("name", row["name"]),
                **_names("description", row["description"]),
            },
        )
    for row in reference.THEMES:
        Theme.objects.update_or_create(slug=row["slug"], defaults=_names("name", row["name"]))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
