"""Forms of the review side: a reviewer's scores, the secretariat's criteria, assignments,
decisions, deadline extensions, the queue's filters and the session made from a proposal.

Forms only parse; the rules (ranges, conflicts, states) are the services' and come back as
errors on the field they name."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from convoca.programme.models import EditionFormat, SessionType, Track
from convoca.stakeholders.models import StakeholderType

from .models import Call, ReviewCriterion, SubmissionState
from .review import score_key
from .selectors import REVIEWED, SORTS, QueueFilters, itu_regions

User = get_user_model()


class ReviewForm(forms.Form):
    """One score per criterion of the call, and a comment. Scores may stay empty in a draft."""

    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The secretariat reads it; other reviewers see it once they have reviewed."),
    )

    def __init__(self, *args, criteria: list[ReviewCriterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        fields = {}
        for criterion in criteria:
            fields[score_key(criterion)] = forms.IntegerField(
                label=criterion.name,
                required=False,
                min_value=0,
                max_value=criterion.max_score,
                help_text=_("From 0 to %(max)d, weight %(weight)s.")
                % {"max": criterion.max_score, "weight": criterion.weight.normalize()},
                error_messages={
                    "min_value": _("Give a score from 0 to %(max)d.")
                    % {"max": criterion.max_score},
                    "max_value": _("Give a score from 0 to %(max)d.")
                    % {"max": criterion.max_score},
                    "invalid": _("Give a whole number from 0 to %(max)d.")
                    % {"max": criterion.max_score},
                },
                widget=forms.NumberInput(attrs={"min": 0, "max": criterion.max_score}),
            )
        # Scores first, in the criteria's order, then the comment.
        fields["comment"] = self.fields.pop("comment")
        self.fields = fields

    @classmethod
    def initial_for(cls, review) -> dict:
        if review is None:
            return {}
        initial = {f"criterion_{score.criterion_id}": score.value for score in review.scores.all()}
        return initial | {"comment": review.comment}

    def scores(self) -> dict[int, int | None]:
        return {c.pk: self.cleaned_data.get(score_key(c)) for c in self.criteria}


class CriterionForm(forms.ModelForm):
    class Meta:
        model = ReviewCriterion
        fields = ["name", "max_score", "weight"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["max_score"].min_value = 1
        self.fields["max_score"].validators.append(_at_least_one)
        self.fields["max_score"].widget.attrs.update({"min": 1, "max": 100})
        self.fields["weight"].widget.attrs.update({"min": "0.01", "step": "0.01"})

    def clean_weight(self):
        weight = self.cleaned_data["weight"]
        if weight is not None and weight <= 0:
            raise ValidationError(_("The weight must be more than 0."))
        return weight


def _at_least_one(value):
    if value is not None and value < 1:
        raise ValidationError(_("The highest score must be at least 1."))


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(User.objects.none(), label=_("Reviewer"))

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers
        self.fields["reviewer"].label_from_instance = lambda user: (
            f"{user.get_full_name()} <{user.email}>" if user.get_full_name() else user.email
        )


class AutoAssignForm(forms.Form):
    per_submission = forms.IntegerField(
        label=_("Reviewers per submission"),
        min_value=1,
        max_value=20,
        initial=3,
        error_messages={
            "min_value": _("Ask for 1 to 20 reviewers per submission."),
            "max_value": _("Ask for 1 to 20 reviewers per submission."),
        },
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (SubmissionState.ACCEPTED, _("Accept")),
            (SubmissionState.REJECTED, _("Reject")),
        ],
    )
    note = forms.CharField(
        label=_("Note to the submitters"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Added to the decision mail, in the language it is written in."),
    )
    submission = forms.TypedMultipleChoiceField(
        label=_("Submissions"),
        coerce=int,
        error_messages={"required": _("Tick at least one submission.")},
    )

    def __init__(self, *args, ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission"].choices = [(pk, pk) for pk in ids]
        self.fields["submission"].error_messages["invalid_choice"] = _(
            "Some of the ticked submissions are not in this call."
        )


class ExtensionForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person"))
    closes_at = forms.DateTimeField(
        label=_("New deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["closes_at"].help_text = _("In the call's time zone, %(zone)s.") % {
            "zone": call.time_zone
        }

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise ValidationError(_("Nobody has an account with this email address."))
        self.user = user
        return email

    def clean_closes_at(self):
        # The secretariat types the call's local time, whatever zone its browser is in.
        moment = self.cleaned_data["closes_at"]
        return moment.replace(tzinfo=None).replace(tzinfo=self.call.zone) if moment else moment


class CallStateForm(forms.Form):
    to = forms.ChoiceField(choices=[("open", "open"), ("closed", "closed"), ("decided", "decided")])


class SessionForm(forms.Form):
    session_type = forms.ModelChoiceField(SessionType.objects.none(), label=_("Session type"))
    track = forms.ModelChoiceField(Track.objects.none(), label=_("Track"))

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session_type"].queryset = SessionType.objects.filter(edition=edition)
        self.fields["track"].queryset = Track.objects.filter(edition=edition)


class QueueFilterForm(forms.Form):
    """The queue's filters, read from the query string; an unknown value is ignored."""

    q = forms.CharField(label=_("Title or organization"), required=False, max_length=200)
    state = forms.ChoiceField(label=_("State"), required=False)
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("Any")), *EditionFormat.choices]
    )
    stakeholder_type = forms.ChoiceField(
        label=_("Stakeholder type"),
        required=False,
        choices=[("", _("Any")), *StakeholderType.choices],
    )
    region = forms.ChoiceField(label=_("ITU region"), required=False)
    reviewed = forms.ChoiceField(
        label=_("Reviews"),
        required=False,
        choices=[
            ("", _("Any")),
            (REVIEWED[0], _("No reviewer yet")),
            (REVIEWED[1], _("Reviews missing")),
            (REVIEWED[2], _("Every review in")),
        ],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-submitted", _("Newest first")),
            ("submitted", _("Oldest first")),
            ("-score", _("Highest score first")),
            ("score", _("Lowest score first")),
            ("title", _("Title, A to Z")),
            ("-title", _("Title, Z to A")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("Any"))] + [
            (value, label)
            for value, label in SubmissionState.choices
            if value != SubmissionState.DRAFT
        ]
        self.fields["region"].choices = [("", _("Any"))] + [
            (region.code, region.name) for region in itu_regions()
        ]

    def filters(self) -> QueueFilters:
        self.is_valid()  # what is valid filters; anything else is left out
        data = {name: value for name, value in self.cleaned_data.items() if value}
        if data.get("sort") not in SORTS:
            data.pop("sort", None)
        return QueueFilters(**data)
