from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import ProfileForm, TokenForm
from .models import ApiToken


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/profile.html", {"profile_user": request.user})


@login_required
def edit_profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.update_profile(user=request.user, **form.cleaned_data)
        with translation.override(user.preferred_language):
            messages.success(request, _("Your profile was saved."))
            response = redirect(reverse("accounts:profile"))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
        )
        return response
    return render(request, "accounts/profile_form.html", {"form": form})


NEW_TOKEN_SESSION_KEY = "convoca_new_api_token"


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """List and create tokens. A new token is shown once, after a redirect, so reloading the
    page never creates a second one."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _token, raw_token = services.issue_token(
                user=request.user, name=form.cleaned_data["name"]
            )
        except services.AccountError as error:
            form.add_error(None, error.message)
        else:
            request.session[NEW_TOKEN_SESSION_KEY] = raw_token
            return redirect("accounts:tokens")
    return render(
        request,
        "accounts/tokens.html",
        {
            "form": form,
            "raw_token": request.session.pop(NEW_TOKEN_SESSION_KEY, None),
            "tokens": request.user.api_tokens.all(),
        },
    )


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_token(token=token, by=request.user)
    messages.success(request, _("The token was revoked; it no longer opens the API."))
    return redirect("accounts:tokens")
