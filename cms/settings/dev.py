"""Development: DEBUG on, a secret generated once into var/, console e-mail."""

import secrets
import sys

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env_bool, env_str, served_base_url

DEBUG = env_bool("DEBUG", True)


def _dev_secret_key():
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY") or _dev_secret_key()
# Links in e-mails point at the port actually served (BASE_URL wins when set).
WAGTAILADMIN_BASE_URL = env_str("BASE_URL") or served_base_url(sys.argv, env_str("PORT"))
# The outbox is drained right after commit so `make run` needs no worker.
TASKS_BACKEND = (env_str("TASKS_BACKEND") or "immediate").lower()
if TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
