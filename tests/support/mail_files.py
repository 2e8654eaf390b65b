"""A mail backend for tests that run another process: one .eml file per message sent, and a
way to kill that process in the middle of a mail-out, as an operator or the OOM killer would."""

import os
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

DIRECTORY = "CONVOCA_TEST_MAIL_DIR"
DIE_AFTER = "CONVOCA_TEST_DIE_AFTER"


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        directory = Path(os.environ[DIRECTORY])
        limit = int(os.environ.get(DIE_AFTER, "0"))
        for message in email_messages:
            if limit and len(list(directory.glob("*.eml"))) >= limit:
                os._exit(137)  # killed mid-run: no cleanup, no commit
            (directory / f"{uuid.uuid4().hex}.eml").write_bytes(message.message().as_bytes())
        return len(email_messages)
