"""The admin's login form, in Indonesian (``WAGTAILADMIN_USER_LOGIN_FORM``).

Wagtail's login form leaves the password field without a label, so Django shows its field name
("Password") whatever the language; this form gives it a translated label.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    """Wagtail's login form with an Indonesian password label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Kata sandi")
