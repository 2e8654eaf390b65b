"""Identity document numbers, encrypted at rest with a key derived from SECRET_KEY.

Only accreditation staff read them (through `reveal`), and the erasure job empties them a
configurable number of days after the edition. A token that no longer decrypts (the SECRET_KEY
changed) reads as unavailable rather than failing the page.
"""

import base64
import functools

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

INFO = b"convoca.registration.identity"


@functools.cache
def _fernet(secret: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=INFO).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def seal(value: str) -> str:
    """The encrypted token of a document number ("" for nothing)."""
    value = value.strip()
    if not value:
        return ""
    return _fernet(settings.SECRET_KEY).encrypt(value.encode()).decode()


def reveal(token: str) -> str | None:
    """The document number, "" when none was given, None when it cannot be decrypted."""
    if not token:
        return ""
    try:
        return _fernet(settings.SECRET_KEY).decrypt(token.encode()).decode()
    except InvalidToken:
        return None
