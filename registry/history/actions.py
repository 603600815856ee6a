"""The log actions this project adds to Wagtail's history, with Indonesian labels and messages.

Each entry's ``data`` holds the titles it shows (a relation's target, a basis's service …) so that
the history reads the same after those pages are renamed or deleted, and without a query per row.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from registry.regulations.choices import INVERSE_LABELS, RelationKind
from registry.regulations.models.extraction import ocr_settings_text
from registry.regulations.proposals import EXTRACTION_APPLIED_ACTION

RELATION_CREATE = "registry.relation.create"
RELATION_EDIT = "registry.relation.edit"
RELATION_DELETE = "registry.relation.delete"
INCOMING_RELATION_CREATE = "registry.relation_in.create"
INCOMING_RELATION_EDIT = "registry.relation_in.edit"
INCOMING_RELATION_DELETE = "registry.relation_in.delete"
BASIS_CREATE = "registry.legal_basis.create"
BASIS_EDIT = "registry.legal_basis.edit"
BASIS_DELETE = "registry.legal_basis.delete"
BASIS_IN_CREATE = "registry.legal_basis_in.create"
BASIS_IN_EDIT = "registry.legal_basis_in.edit"
BASIS_IN_DELETE = "registry.legal_basis_in.delete"
EXTRACTION_APPLY = EXTRACTION_APPLIED_ACTION
EXTRACTION_RUN = "registry.extraction.run"
NOTIFICATIONS_SENT = "registry.notifications.sent"


def _changes(data) -> str:
    changes = data.get("changes") or {}
    return "; ".join(f"{name}: {old or '—'} → {new or '—'}" for name, (old, new) in changes.items())


def _with_changes(text, data) -> str:
    changes = _changes(data)
    return f"{text} ({changes})" if changes else str(text)


def _provision(data) -> str:
    return f", {data['provision']}" if data.get("provision") else ""


class RelationFormatter(LogFormatter):
    """A relation held by this regulation: "Mencabut Peraturan Daerah Nomor 3 Tahun 2019"."""

    verb = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        kind = data.get("kind", "")
        kind_label = RelationKind(kind).label if kind in RelationKind.values else kind
        text = f"{self.verb}: {kind_label} {data.get('target_title', '')}{_provision(data)}"
        return _with_changes(text, data)


class IncomingRelationFormatter(LogFormatter):
    """A relation another regulation holds towards this one: "Dicabut oleh Peraturan Daerah …"."""

    verb = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        kind = data.get("kind", "")
        inverse = INVERSE_LABELS.get(kind, kind)
        text = f"{self.verb}: {inverse} {data.get('source_title', '')}{_provision(data)}"
        return _with_changes(text, data)


class BasisFormatter(LogFormatter):
    """A legal basis on a service page: the regulation and pasal it cites."""

    verb = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        text = f"{self.verb}: {data.get('regulation_title', '')}{_provision(data)}"
        return _with_changes(text, data)


class IncomingBasisFormatter(LogFormatter):
    """A service citing this regulation as its legal basis."""

    verb = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        text = f"{self.verb}: {data.get('service_title', '')}{_provision(data)}"
        return _with_changes(text, data)


class ExtractionApplyFormatter(LogFormatter):
    """Fields and relations accepted from the extraction's proposals."""

    label = _("Terapkan hasil ekstraksi")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        text = _("Hasil ekstraksi diterapkan: %(n)s kolom (%(fields)s), %(r)s hubungan") % {
            "n": len(data.get("fields", [])),
            "fields": ", ".join(data.get("fields", [])) or "—",
            "r": len(data.get("relations", [])),
        }
        if data.get("published"):
            text += " " + str(_("dan diterbitkan"))
        return text


class ExtractionRunFormatter(LogFormatter):
    """One extraction of the signed document, with its outcome."""

    label = _("Ekstraksi dokumen")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        text = _("Ekstraksi '%(doc)s' selesai: %(status)s") % {
            "doc": data.get("document_title", ""),
            "status": data.get("status_label", data.get("status", "")),
        }
        if data.get("reason"):
            text += f" ({data['reason']})"
        if data.get("ocr_settings"):
            text += " · " + ocr_settings_text(data["ocr_settings"])
        return text


class NotificationsSentFormatter(LogFormatter):
    """The OPD editors told that a regulation their service relies on changed."""

    label = _("Pemberitahuan ke editor OPD")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Pemberitahuan '%(kind)s' untuk %(services)s dikirim ke %(n)s editor OPD") % {
            "kind": data.get("kind_label", ""),
            "services": ", ".join(data.get("services", [])) or "—",
            "n": data.get("recipients", 0),
        }


def _variant(base, label, verb):
    return type(base.__name__, (base,), {"label": label, "verb": verb})


def register_actions(actions) -> None:
    """Register every action above with Wagtail's log registry (the register_log_actions hook)."""
    formatters = {
        RELATION_CREATE: _variant(
            RelationFormatter, _("Tambah hubungan peraturan"), _("Hubungan ditambahkan")
        ),
        RELATION_EDIT: _variant(RelationFormatter, _("Ubah hubungan peraturan"), _("Hubungan diubah")),
        RELATION_DELETE: _variant(RelationFormatter, _("Hapus hubungan peraturan"), _("Hubungan dihapus")),
        INCOMING_RELATION_CREATE: _variant(
            IncomingRelationFormatter, _("Hubungan masuk ditambahkan"), _("Hubungan masuk ditambahkan")
        ),
        INCOMING_RELATION_EDIT: _variant(
            IncomingRelationFormatter, _("Hubungan masuk diubah"), _("Hubungan masuk diubah")
        ),
        INCOMING_RELATION_DELETE: _variant(
            IncomingRelationFormatter, _("Hubungan masuk dihapus"), _("Hubungan masuk dihapus")
        ),
        BASIS_CREATE: _variant(BasisFormatter, _("Tambah dasar hukum"), _("Dasar hukum ditambahkan")),
        BASIS_EDIT: _variant(BasisFormatter, _("Ubah dasar hukum"), _("Dasar hukum diubah")),
        BASIS_DELETE: _variant(BasisFormatter, _("Hapus dasar hukum"), _("Dasar hukum dihapus")),
        BASIS_IN_CREATE: _variant(
            IncomingBasisFormatter, _("Dijadikan dasar hukum layanan"), _("Dijadikan dasar hukum layanan")
        ),
        BASIS_IN_EDIT: _variant(
            IncomingBasisFormatter, _("Dasar hukum layanan diubah"), _("Dasar hukum layanan diubah")
        ),
        BASIS_IN_DELETE: _variant(
            IncomingBasisFormatter,
            _("Tidak lagi dasar hukum layanan"),
            _("Tidak lagi menjadi dasar hukum layanan"),
        ),
        EXTRACTION_APPLY: ExtractionApplyFormatter,
        EXTRACTION_RUN: ExtractionRunFormatter,
        NOTIFICATIONS_SENT: NotificationsSentFormatter,
    }
    for action, formatter_class in formatters.items():
        actions.register_action(action)(formatter_class)
