"""Issue #13 item 6: the legal bureau exports one regulation's full history (CSV, XLSX)."""

import csv
import io

from django.contrib.auth.models import Group
from django.test import TestCase
from openpyxl import load_workbook
from wagtail.log_actions import LogContext
from wagtail.log_actions import log as log_action
from wagtail.models import ModelLogEntry

from registry.history.export import neutralise
from registry.permissions import BAGIAN_HUKUM, EVALUATOR, assign_opd_editor, ensure_groups
from registry.regulations.choices import RelationKind
from registry.regulations.models import RegulationDocument
from tests import factories
from tests.admin.base import make_user

FORMULA = '=HYPERLINK("https://evil.example","klik")'


class HistoryExportTests(TestCase):
    """A regulation revoked by another, with a document, a formula-like title and one user per role."""

    @classmethod
    def setUpTestData(cls):
        cls.unit = factories.opd()
        cls.document = RegulationDocument.objects.create(title=FORMULA, file="dokumen/p.pdf")
        cls.old = factories.regulation("PERDA", nomor="3", tahun=2019, tentang="Retribusi Lama")
        cls.old.document = cls.document
        cls.old.save_revision().publish()
        cls.new = factories.regulation("PERDA", nomor="4", tahun=2023, tentang="Retribusi", title=FORMULA)
        cls.unrelated = factories.regulation("PERWAL", nomor="1", tahun=2020, tentang="Lain")
        ensure_groups()
        cls.legal = make_user("hukum", Group.objects.get(name=BAGIAN_HUKUM))
        cls.legal.first_name, cls.legal.last_name = "Siti", "Hukum"
        cls.legal.save()
        cls.evaluator = make_user("evaluator", Group.objects.get(name=EVALUATOR))
        cls.editor = make_user("editor")
        assign_opd_editor(cls.editor, cls.unit)
        with LogContext(user=cls.legal):
            factories.relate(cls.new, cls.old, RelationKind.MENCABUT)
            log_action(instance=cls.document, action="wagtail.edit")

    def url(self, fmt, page=None):
        return f"/admin/regulations/{(page or self.old).pk}/riwayat.{fmt}"

    def csv_rows(self):
        self.client.force_login(self.legal)
        response = self.client.get(self.url("csv"))
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))

    def test_csv_holds_the_page_and_document_history_with_who(self):
        """Creation, publishing, the incoming relation and the document's edit, each with its user."""
        header, *rows = self.csv_rows()
        assert header[:5] == ["Waktu", "Pengguna", "Kode tindakan", "Tindakan", "Keterangan"]
        actions = [row[2] for row in rows]
        assert {"wagtail.create", "wagtail.publish", "registry.relation_in.create", "wagtail.edit"} <= set(
            actions
        )
        relation = rows[actions.index("registry.relation_in.create")]
        assert relation[1] == "Siti Hukum (hukum)" and relation[3] == "Hubungan masuk ditambahkan"
        assert relation[4].startswith("Hubungan masuk ditambahkan: Dicabut oleh")
        assert rows[actions.index("wagtail.create")][1] == "Sistem"
        assert [row[0] for row in rows] == sorted(row[0] for row in rows)

    def test_only_this_regulations_history(self):
        """Another regulation's entries are not in the export."""
        rows = self.csv_rows()
        assert not any(self.unrelated.title in cell for row in rows for cell in row)

    def test_csv_keeps_a_formula_as_text(self):
        """A cell starting with "=" is written with a leading apostrophe, so it is not run."""
        rows = self.csv_rows()
        document_row = next(row for row in rows if row[2] == "wagtail.edit")
        assert document_row[6] == "'" + FORMULA
        assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)

    def test_neutralise_covers_every_formula_prefix(self):
        """ "=", "+", "-", "@", tab and carriage return are prefixed; ordinary text and numbers are not."""
        assert [neutralise(v) for v in ("=1", "+1", "-1", "@A", "\t1", "\r1")] == [
            "'=1",
            "'+1",
            "'-1",
            "'@A",
            "'\t1",
            "'\r1",
        ]
        assert (neutralise("Pasal 5"), neutralise(7), neutralise(None)) == ("Pasal 5", 7, "")

    def test_xlsx_stores_text_as_text(self):
        """The workbook has the same rows; a formula-like title is a text cell, not a formula."""
        self.client.force_login(self.legal)
        response = self.client.get(self.url("xlsx", self.new))
        assert response.status_code == 200
        assert 'filename="riwayat-' in response["Content-Disposition"]
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        assert values[0][0] == FORMULA and values[1][0] == "Waktu"
        formula_cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == FORMULA]
        assert len(formula_cells) > 1 and all(cell.data_type == "s" for cell in formula_cells)
        assert any(row[2] == "registry.relation.create" for row in values[2:])

    def test_only_the_legal_bureau_may_export(self):
        """OPD editors and evaluators are refused (sent to the dashboard); anonymous visitors to the login."""
        for user in (self.editor, self.evaluator):
            self.client.force_login(user)
            refused = self.client.get(self.url("csv"))
            assert (refused.status_code, refused["Location"]) == (302, "/admin/")
            assert "csv" not in refused["Content-Type"]
        self.client.logout()
        assert self.client.get(self.url("csv"))["Location"].startswith("/admin/login/")

    def test_unknown_format_or_page_is_not_found(self):
        """Only csv and xlsx exist, and only for a regulation."""
        self.client.force_login(self.legal)
        assert self.client.get(self.url("pdf")).status_code == 404
        assert self.client.get(f"/admin/regulations/{self.unit.pk}/riwayat.csv").status_code == 404

    def test_header_button_for_the_legal_bureau(self):
        """The regulation's edit page links both exports for the legal bureau."""
        self.client.force_login(self.legal)
        html = self.client.get(f"/admin/pages/{self.old.pk}/edit/").content.decode()
        assert self.url("xlsx") in html and self.url("csv") in html and "Ekspor riwayat" in html

    def test_document_entries_are_model_log_entries(self):
        """The document's own history is included from Wagtail's model log."""
        assert ModelLogEntry.objects.filter(object_id=str(self.document.pk), action="wagtail.edit").exists()
        rows = self.csv_rows()
        assert any(row[2] == "wagtail.edit" and row[1] == "Siti Hukum (hukum)" for row in rows)
