"""Development: DEBUG on, a secret generated once into var/, console e-mail."""

import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)


def _dev_secret_key():
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY") or _dev_secret_key()
# The outbox is drained right after commit so `make run` needs no worker.
TASKS_BACKEND = (env_str("TASKS_BACKEND") or "immediate").lower()
if TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
