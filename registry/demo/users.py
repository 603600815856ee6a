"""One demo user per admin role, so ``make run`` shows the review from each side.

They share the admin's password (printed by ``load_demo --with-admin``) and have an e-mail address,
so the review e-mails (printed on the console in development) show who receives what.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from registry.permissions import BAGIAN_HUKUM, BAGIAN_ORGANISASI, EVALUATOR, KABAG_HUKUM, assign_opd_editor
from registry.services.models import PerangkatDaerahPage

#: username → (full name, role group); the OPD editor is added separately (it needs its OPD).
ROLE_USERS = {
    "hukum": ("Staf Bagian Hukum", BAGIAN_HUKUM),
    "kabag-hukum": ("Kepala Bagian Hukum", KABAG_HUKUM),
    "organisasi": ("Staf Bagian Organisasi", BAGIAN_ORGANISASI),
    "evaluator": ("Evaluator", EVALUATOR),
}
OPD_EDITOR = "editor-disdukcapil"
OPD_EDITOR_SLUG = "disdukcapil"


def _user(username: str, full_name: str, password: str):
    first, _, last = full_name.partition(" ")
    user, _created = get_user_model().objects.get_or_create(username=username)
    user.email = f"{username}@balikpapan.go.id"
    user.first_name, user.last_name = first, last
    user.is_active = True
    user.is_staff = user.is_superuser = False
    user.set_password(password)
    user.save()
    return user


def ensure_demo_users(password: str) -> list[tuple[str, str]]:
    """Create or reset the demo users; returns (username, role) pairs to print. Groups must exist."""
    users = []
    for username, (full_name, role) in ROLE_USERS.items():
        _user(username, full_name, password).groups.add(Group.objects.get(name=role))
        users.append((username, role))
    opd = PerangkatDaerahPage.objects.filter(slug=OPD_EDITOR_SLUG).first()
    if opd is not None:
        group = assign_opd_editor(_user(OPD_EDITOR, f"Editor {opd.abbreviation}", password), opd)
        users.append((OPD_EDITOR, group.name))
    return users
