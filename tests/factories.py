import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from convoca.accounts.models import User
from convoca.stakeholders.models import (
    FocalPoint,
    FocalPointState,
    ItuStatus,
    Organization,
    Person,
    StakeholderType,
)

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Verified by default; UserFactory(verified=False) for an account that never confirmed."""
        if create:
            self.save()
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    country = "CH"
    stakeholder_type = StakeholderType.CIVIL_SOCIETY
    itu_status = ItuStatus.NONE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    given_name = factory.Faker("first_name")
    family_name = factory.Faker("last_name")
    organization = factory.SubFactory(OrganizationFactory)


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPoint

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    state = FocalPointState.APPROVED
    decided_at = factory.LazyFunction(timezone.now)
