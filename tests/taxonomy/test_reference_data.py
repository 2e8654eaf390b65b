import pytest
from django.conf import settings
from django.utils import translation

from convoca.taxonomy.models import SDG, ActionLine, ActionLineSDG, FocusArea, Theme

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_eleven_action_lines_and_eight_c7_sub_lines():
    assert list(ActionLine.objects.filter(parent=None).values_list("code", flat=True)) == [
        f"C{n}" for n in range(1, 12)
    ]
    c7 = ActionLine.objects.get(code="C7")
    assert [line.name_en for line in c7.sub_lines.order_by("position")] == [
        "E-government",
        "E-business",
        "E-learning",
        "E-health",
        "E-employment",
        "E-environment",
        "E-agriculture",
        "E-science",
    ]


def test_seventeen_goals_with_their_official_colours():
    assert SDG.objects.count() == 17
    assert SDG.objects.get(number=1).color.upper() == "#E5243B"
    assert SDG.objects.get(number=17).name_en == "Partnerships for the goals"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reference_name_exists_in_each_un_language(language):
    field = f"name_{language.replace('-', '_')}"
    for model in (ActionLine, SDG, FocusArea, Theme):
        names = list(model.objects.values_list(field, flat=True))
        assert names, model
        assert all(names), (model, language)
        if language != "en":
            english = set(model.objects.values_list("name_en", flat=True))
            assert len(set(names) - english) > len(names) / 2, (model, language)


def test_the_active_language_picks_the_name():
    goal = SDG.objects.get(number=4)
    with translation.override("ru"):
        assert goal.name == goal.name_ru
    with translation.override("es"):
        assert goal.name == "Educación de calidad"


def test_the_matrix_serves_every_goal_from_every_line():
    assert set(ActionLineSDG.objects.values_list("sdg__number", flat=True)) == set(range(1, 18))
    lines_without_goals = ActionLine.objects.filter(sdgs=None)
    assert not lines_without_goals.exists()
    assert ActionLine.objects.get(code="C7.3").sdgs.filter(number=4).exists()  # e-learning


def test_partner2connect_focus_areas_follow_the_circular():
    with translation.override("es"):
        assert list(FocusArea.objects.values_list("name", flat=True)) == [
            "Conectar a las personas en cualquier lugar",
            "Empoderar a las comunidades",
            "Crear ecosistemas digitales",
            "Incentivar la inversión",
        ]
