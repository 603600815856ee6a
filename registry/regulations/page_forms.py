"""The admin form of a regulation page: judul and slug may be left empty and are then derived.

The slug lives on Wagtail's "Promosi" tab, where nobody looks when adding a regulation, and
``RegulationPage.full_clean`` replaces it with the identity slug (``<jenis>-<tahun>-<nomor>``)
anyway, so an empty slug must not block the first save: the model then derives it (from the
identity, or from the judul while the identity is incomplete). An empty judul becomes the JDIH title
(domain §1.3 #2) built from jenis, wilayah, nomor, tahun and tentang.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from .effective import go_live_for
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


def schedule_publication(page) -> None:
    """Set ``page.go_live_at`` from its tanggal pengundangan (Wagtail's scheduled publishing).

    A pengundangan date in the future schedules the page for 00:00 local time of that day
    (:func:`registry.regulations.effective.go_live_for`): "Terbitkan" then schedules instead of
    publishing. A schedule left from an earlier, later-corrected future date is cleared, so the
    page publishes at once; a go-live time already past changes nothing.
    """
    wanted = go_live_for(page.tanggal_pengundangan)
    if wanted is not None:
        page.go_live_at = wanted
    elif page.go_live_at is not None and page.go_live_at > timezone.now():
        page.go_live_at = None


class RegulationPageForm(WagtailAdminPageForm):
    """Wagtail's page form with an optional judul and slug, derived when empty.

    Saving also schedules the publication from the tanggal pengundangan (:func:`schedule_publication`).
    """

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

    def save(self, commit=True):
        # The instance holds the cleaned values already (ModelForm._post_clean); set the schedule
        # before Wagtail serialises it into the revision it publishes (or schedules).
        schedule_publication(self.instance)
        return super().save(commit=commit)
