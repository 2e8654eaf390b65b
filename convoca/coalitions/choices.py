"""What a pledge can be and what its targets count (the state machines stay in models.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PledgeKind(models.TextChoices):
    INFRASTRUCTURE = "infrastructure", _("Connectivity infrastructure")
    SKILLS = "skills", _("Digital skills")
    POLICY = "policy", _("Policy and regulation")
    FINANCING = "financing", _("Financing")
    DEVICES = "devices", _("Devices")
    CONTENT = "content", _("Content and services")
    RESEARCH = "research", _("Research and data")
    OTHER = "other", _("Other")


class Unit(models.TextChoices):
    PEOPLE = "people", _("people")
    HOUSEHOLDS = "households", _("households")
    SCHOOLS = "schools", _("schools")
    COMMUNITIES = "communities", _("communities")
    SITES = "sites", _("sites")
    DEVICES = "devices", _("devices")
    KILOMETRES = "km", _("kilometres")
    USD = "usd", _("US dollars")
