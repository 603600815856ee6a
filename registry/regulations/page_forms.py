"""The admin form of a regulation page: judul and slug may be left empty and are then derived.

The slug lives on Wagtail's "Promosi" tab, where nobody looks when adding a regulation, and
``RegulationPage.full_clean`` replaces it with the identity slug (``<jenis>-<tahun>-<nomor>``)
anyway, so an empty slug must not block the first save: the model then derives it (from the
identity, or from the judul while the identity is incomplete). An empty judul becomes the JDIH title
(domain §1.3 #2) built from jenis, wilayah, nomor, tahun and tentang.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from .importers.pdf_reading import jdih_title

#: The identity the JDIH title is built from.
IDENTITY = ("regulation_type", "wilayah", "nomor", "tahun")


def derived_title(rtype, wilayah: str, nomor: str, tahun: int, tentang: str) -> str:
    """The JDIH title of a regulation; a type the reference list lacks is named as it is stored."""
    try:
        return jdih_title(rtype.code, wilayah.strip(), nomor.strip(), tahun, tentang)
    except KeyError:
        title = f"{rtype.name} {wilayah.strip()} Nomor {nomor.strip()} Tahun {tahun}"
        return (title + (f" tentang {tentang}" if tentang else ""))[:255]


class RegulationPageForm(WagtailAdminPageForm):
    """Wagtail's page form with an optional judul and slug, derived when empty."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].required = False
            self.fields["title"].help_text = gettext_lazy(
                "Kosongkan untuk membuat judul dari jenis, wilayah, nomor, tahun dan tentang."
            )
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = gettext_lazy(
                "Dibuat otomatis dari jenis, tahun dan nomor peraturan."
            )

    def clean(self):
        data = self.cleaned_data
        if "title" in self.fields and not (data.get("title") or "").strip():
            values = [data.get(name) for name in IDENTITY]
            if all(values):
                data["title"] = derived_title(*values, (data.get("tentang") or "").strip())
            elif "title" not in self.errors:
                self.add_error(
                    "title",
                    _("Isi judul, atau lengkapi jenis, wilayah, nomor dan tahun agar judul dibuat otomatis."),
                )
        return super().clean()
