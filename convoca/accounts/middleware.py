from allauth.mfa.utils import is_mfa_enabled
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils import timezone

from .policy import requires_mfa

# What a staff member without a second factor may still reach: enrolment itself and the way out.
MFA_ENROLMENT_VIEWS = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "account_logout",
    "account_reauthenticate",
    "set_language",
    "healthz",
}
SESSION_MFA_OK = "convoca_mfa_ok"
# Paths that must answer without touching the session or the user (health checks stay
# truthful when the cache that holds sessions is down).
UNPERSONAL_PATHS = ("/static/", "/healthz", "/api/")


class SignedInMiddleware:
    """Runs `handle(request, user)` for signed-in people on ordinary pages, passes the rest."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(UNPERSONAL_PATHS):
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        return self.handle(request, user)

    def handle(self, request, user):
        return self.get_response(request)


class UserTimezoneMiddleware(SignedInMiddleware):
    """Show times in the signed-in user's time zone; anonymous visitors get UTC."""

    def handle(self, request, user):
        zone = user.zone
        if zone is None:
            return self.get_response(request)
        timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            # Threads serve many people: never let one person's zone reach the next request.
            timezone.deactivate()


class RequireStaffMFAMiddleware(SignedInMiddleware):
    """Secretariat staff cannot use the site until they have enrolled an authenticator app."""

    def handle(self, request, user):
        if not request.session.get(SESSION_MFA_OK) and requires_mfa(user):
            if is_mfa_enabled(user, ["totp"]):
                request.session[SESSION_MFA_OK] = True
            elif self._url_name(request) not in MFA_ENROLMENT_VIEWS:
                return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _url_name(request) -> str | None:
        try:
            return resolve(request.path_info).url_name
        except Resolver404:
            return None
