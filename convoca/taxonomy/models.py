from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionLine(models.Model):
    """One of the eleven WSIS Action Lines (C1–C11) of the Geneva Plan of Action, or C7 sub-line."""

    code = models.CharField(
        _("code"),
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^C(1[01]|[1-9])(\.[1-9])?$")],
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="sub_lines"
    )
    # C1=100, C7=700, C7.3=703, C11=1100: sorts the lines as the Plan of Action numbers them.
    position = models.PositiveSmallIntegerField(_("position"), unique=True, editable=False)
    name = models.CharField(_("name"), max_length=300)
    sdgs = models.ManyToManyField(
        "SDG", through="ActionLineSDG", related_name="action_lines", verbose_name=_("SDGs")
    )

    class Meta:
        verbose_name = _("WSIS Action Line")
        verbose_name_plural = _("WSIS Action Lines")
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        self.position = position_of(self.code)
        super().save(*args, **kwargs)

    @property
    def is_sub_line(self) -> bool:
        return self.parent_id is not None


def position_of(code: str) -> int:
    main, _dot, sub = code.removeprefix("C").partition(".")
    return int(main) * 100 + int(sub or 0)


class SDG(models.Model):
    """A Sustainable Development Goal (2030 Agenda, A/RES/70/1)."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("goal"), max_length=300)
    color = models.CharField(
        _("colour"), max_length=7, validators=[RegexValidator(r"^#[0-9A-Fa-f]{6}$")]
    )

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class ActionLineSDG(models.Model):
    """A cell of the WSIS–SDG Matrix: this action line serves this goal."""

    action_line = models.ForeignKey(ActionLine, on_delete=models.CASCADE)
    sdg = models.ForeignKey(SDG, on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("WSIS–SDG Matrix link")
        verbose_name_plural = _("WSIS–SDG Matrix")
        ordering = ["action_line__code", "sdg__number"]
        constraints = [
            models.UniqueConstraint(fields=["action_line", "sdg"], name="taxonomy_matrix_unique")
        ]

    def __str__(self) -> str:
        return f"{self.action_line.code} ↔ SDG {self.sdg.number}"


class FocusArea(models.Model):
    """A focus area of a digital coalition (Partner2Connect has four)."""

    slug = models.SlugField(_("slug"), unique=True)
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """A cross-cutting theme of a programme (gender equality, older persons, climate…)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
