"""Settings: production refuses insecure configurations; the defaults fit Balikpapan."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 20 + "-random-production-secret-value-0123456789"


def _load_production(**env):
    """Import the production settings in a clean interpreter; return (exit code, stderr)."""
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    clean.update(env)
    proc = subprocess.run(
        [sys.executable, "-c", "import registry.settings.production"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return proc.returncode, proc.stderr


def test_production_refuses_default_secret_key():
    """Without SECRET_KEY, production settings raise ImproperlyConfigured."""
    code, err = _load_production()
    assert code != 0
    assert "SECRET_KEY" in err


@pytest.mark.parametrize(
    "key,reason",
    [
        ("a" * 50, "distinct characters"),
        ("abcd" * 20, "distinct characters"),
        ("x7-Qp" * 9 + "Zk", "characters; at least 50"),
        ("django-insecure-" + "k" * 20 + "-random-production-secret-value", "django-insecure-"),
    ],
    ids=["one-letter", "four-letters", "47-characters", "insecure-prefix"],
)
def test_production_refuses_a_weak_secret_key(key, reason):
    """A key Django's deploy check would flag (W009) stops production from starting, with the reason."""
    code, err = _load_production(SECRET_KEY=key)
    assert code != 0
    assert "ImproperlyConfigured" in err
    assert reason in err
    assert key not in err  # the message names the problem, never the key itself


def test_production_accepts_a_generated_key():
    """A key from secrets.token_urlsafe(50) passes."""
    import secrets

    code, err = _load_production(SECRET_KEY=secrets.token_urlsafe(50))
    assert code == 0, err


def test_production_refuses_debug():
    """DEBUG=1 is refused in production even with a strong key."""
    code, err = _load_production(SECRET_KEY=STRONG_KEY, DEBUG="1")
    assert code != 0
    assert "DEBUG" in err


def test_production_starts_with_secure_configuration():
    """A strong key and DEBUG off load cleanly."""
    code, err = _load_production(SECRET_KEY=STRONG_KEY)
    assert code == 0, err


def test_production_passes_deploy_checks():
    """manage.py check --deploy reports no warnings in production settings."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    env.update(SECRET_KEY=STRONG_KEY, DJANGO_SETTINGS_MODULE="registry.settings.production")
    proc = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize(
    "name,value",
    [
        ("LANGUAGE_CODE", "id"),
        ("TIME_ZONE", "Asia/Makassar"),
        ("WAGTAILDOCS_DOCUMENT_MODEL", "regulations.RegulationDocument"),
    ],
)
def test_locale_and_document_model(name, value):
    """Indonesian language, WITA time zone and the custom document model."""
    assert getattr(settings, name) == value
