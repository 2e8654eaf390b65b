from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from convoca.accounts.tokens import authenticate_token


class TokenAuth(HttpBearer):
    """A personal API token (`Authorization: Bearer cvk_…`); required where it is used. One
    query finds the account and whether its address is verified (`request.email_verified`)."""

    def authenticate(self, request, token):
        user = authenticate_token(token)
        if user is not None:
            request.user = user
            request.email_verified = user.has_verified_email
        return user


class PublicOrToken(TokenAuth):
    """Open to anyone, but a token that is sent must be valid: a wrong token answers 401."""

    def __call__(self, request):
        if not request.headers.get("Authorization"):
            request.user = AnonymousUser()
            return request.user
        user = super().__call__(request)
        if user is None:
            raise AuthenticationError(401, _("The API token is missing, malformed or revoked."))
        return user


token_auth = TokenAuth()
public_or_token = PublicOrToken()
