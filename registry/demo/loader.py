"""Build the Kota Balikpapan demo registry idempotently (``manage.py load_demo``).

Natural keys: OPD by slug under the OPD index, regulation by (jenis, wilayah, nomor, tahun), service by
slug under its OPD. Child rows are replaced, never appended. A page whose stored values already match
is left alone, so a second run creates no revisions, documents or rows.
"""

from collections import Counter

from django.db import transaction
from wagtail.models import Revision

from registry.deferred_tasks import deferred_tasks
from registry.regulations.models import (
    RegulationDocument,
    RegulationPage,
    RegulationRelation,
)
from registry.regulations.models.pages import nomor_slug
from registry.regulations.reference_data import ensure_regulation_types
from registry.regulations.status import refresh_statuses
from registry.services.models import (
    LegalBasis,
    LifeEvent,
    PerangkatDaerahPage,
    ServiceCategory,
    ServicePage,
    ServiceRequirement,
)
from registry.setup.site_tree import ensure_site_tree

from . import catalogue, form_documents, legal_text, pdf, service_fields, taxonomy
from .builders import drop_if_orphaned, store_pdf, upsert_page
from .opd import all_units
from .service_data import all_services

NATIONAL_WILAYAH = "Republik Indonesia"
LOCAL_WILAYAH = "Kota Balikpapan"


class DemoLoader:
    """Loads the demo; ``log`` receives one Indonesian progress line at a time."""

    def __init__(self, log=print):
        self.log = log
        self.actions = Counter()

    # --- site structure -------------------------------------------------------------------------

    def indexes(self):
        """The registry and OPD indexes under the site's home page (the tree every install has)."""
        tree = ensure_site_tree(update_existing=True)
        for key in ("regulation_index", "opd_index"):
            self.actions[tree.outcomes[key].action] += 1
        return tree.regulation_index, tree.opd_index

    def _page(self, parent, existing, model, fields, children=None, m2m=None):
        page, action = upsert_page(parent, existing, model, fields, children, m2m)
        self.actions[action] += 1
        return page, action

    def taxonomy(self):
        """Service categories and life events, keyed by slug."""
        categories, events = {}, {}
        for term in taxonomy.categories():
            categories[term.slug], _ = ServiceCategory.objects.update_or_create(
                slug=term.slug, defaults={"name": term.name, "description": term.description}
            )
        for order, term in enumerate(taxonomy.life_events()):
            events[term.slug], _ = LifeEvent.objects.update_or_create(
                slug=term.slug,
                defaults={"name": term.name, "description": term.description, "sort_order": order},
            )
        self.log(f"Kategori layanan: {len(categories)}; peristiwa kehidupan: {len(events)}")
        return categories, events

    def units(self, opd_index):
        """Every Perangkat Daerah, then their parent links (a second pass, since parents are pages too)."""
        pages = {}
        for unit in all_units():
            existing = PerangkatDaerahPage.objects.child_of(opd_index).filter(slug=unit.slug).first()
            fields = {
                "title": unit.title,
                "slug": unit.slug,
                "abbreviation": unit.abbreviation,
                "kind": unit.kind,
                "description": unit.description,
                "address": f"{unit.address}, Balikpapan",
                "phone": unit.phone,
                "email": unit.email,
                "website": unit.website,
                "opening_hours": unit.hours,
            }
            if unit.parent and unit.parent in pages:
                fields["parent_unit"] = pages[unit.parent]
            pages[unit.slug], _ = self._page(opd_index, existing, PerangkatDaerahPage, fields)
        self.log(f"Perangkat daerah: {len(pages)} (termasuk kecamatan dan kelurahan)")
        return pages

    # --- regulations ----------------------------------------------------------------------------

    def regulations(self, reg_index, units, types):
        """National and local regulations in dependency order, with PDFs and relations."""
        records = catalogue.records_by_key()
        pages, documents_created = {}, 0
        for record in catalogue.all_records():
            kind = types[record.code]
            wilayah = LOCAL_WILAYAH if record.is_local else NATIONAL_WILAYAH
            existing = RegulationPage.objects.filter(
                regulation_type=kind, wilayah=wilayah, nomor=record.nomor, tahun=record.tahun
            ).first()
            fields = self._regulation_fields(record, kind, wilayah, units, records)
            old_document = existing.document if existing else None
            if record.is_local:
                data, page_count = pdf.render(
                    record,
                    records,
                    catalogue.amendments_of(),
                    catalogue.signer(record),
                    self._lampiran(record),
                )
                filename = f"{kind.slug}-{record.tahun}-{nomor_slug(record.nomor)}.pdf"
                document, created = store_pdf(data, fields["title"], filename, old_document)
                documents_created += created
                fields.update(document=document, jumlah_halaman=page_count)
            relations = [
                {"target": pages[target], "kind": kind_, "provision": provision, "scope_text": scope}
                for kind_, target, provision, scope in record.relations
            ]
            for relation in relations:
                # A revocation points at the closing article that says "… dicabut dan dinyatakan tidak berlaku".
                if relation["kind"] == "mencabut" and not relation["provision"]:
                    relation["provision"] = legal_text.revocation_pasal(record, records)
            pages[record.key], _ = self._page(
                reg_index, existing, RegulationPage, fields, {"relations": relations}
            )
            if old_document is not None and old_document.pk != pages[record.key].document_id:
                drop_if_orphaned(old_document)
        local = sum(1 for r in records.values() if r.is_local)
        self.log(
            f"Peraturan: {len(pages)} ({len(pages) - local} nasional, {local} Kota Balikpapan); "
            f"berkas PDF baru: {documents_created}"
        )
        return pages

    def _regulation_fields(self, record, kind, wilayah, units, records):
        fields = {
            "title": legal_text.full_title(record)[:255],
            "regulation_type": kind,
            "wilayah": wilayah,
            "nomor": record.nomor,
            "tahun": record.tahun,
            "tentang": record.tentang,
            "teu_badan": record.teu or kind.default_teu,
            "tanggal_penetapan": record.penetapan,
            "tanggal_pengundangan": record.pengundangan,
            "tanggal_berlaku": record.berlaku,
            "tahun_lembaran": int(record.gazette[0]) if record.gazette else None,
            "nomor_lembaran": record.gazette[1] if record.gazette else "",
            "nomor_tambahan": record.gazette[2] if record.gazette else "",
            "subjek": record.subjek,
            "bidang_hukum": record.bidang_hukum or "Hukum Administrasi Negara",
            "tempat_penetapan": "Balikpapan" if record.is_local else ("Jakarta" if record.penetapan else ""),
            "pemrakarsa": units.get(record.pemrakarsa),
            "external_url": "",
            "penandatangan": "",
            "abstrak": "",
            "lokasi": "",
        }
        if record.is_local:
            signer = catalogue.signer(record)
            fields.update(
                penandatangan=f"{signer['title']}, {signer['name']}",
                lokasi="Bagian Hukum Setda Kota Balikpapan",
                abstrak=legal_text.abstrak(record, records, catalogue.amendments_of()),
            )
        else:
            prefix = record.url_prefix or record.code.lower()
            fields["external_url"] = (
                f"https://peraturan.go.id/id/{prefix}-no-{record.nomor}-tahun-{record.tahun}"
            )
        return fields

    def _lampiran(self, record):
        """The annex table of an SK Standar Pelayanan or SOP decree, from the services it establishes."""
        if not record.lampiran:
            return None
        kind, opd, *limit = record.lampiran.split(":")
        catalogue_services = all_services()
        if kind == "sp":
            services = [s for s in catalogue_services if s.sk_sp == record.key]
            if limit:
                services = [s for s in catalogue_services if s.opd == opd][: int(limit[0])]
            rows = [
                (
                    i,
                    s.title,
                    "; ".join(text for text, _condition in s.requirements) or "-",
                    f"{s.time[0]} {s.time[1].replace('_', ' ')}" if s.time else "-",
                    service_fields.cost_text(s),
                    s.product,
                )
                for i, s in enumerate(services, start=1)
            ]
            heading = ["No", "Jenis Pelayanan", "Persyaratan", "Jangka Waktu", "Biaya/Tarif", "Produk"]
            return heading, rows, services
        services = [s for s in catalogue_services if s.sop and s.sop[2] == record.key]
        rows = [
            (i, s.sop[0], s.sop[1], legal_text.tanggal(record.penetapan)) for i, s in enumerate(services, 1)
        ]
        return ["No", "Nomor SOP", "Judul SOP", "Tanggal Efektif"], rows, services

    # --- services -------------------------------------------------------------------------------

    def services(self, units, regulations, categories, events):
        """Every demo service under its unit, with requirements, steps, channels, bases and SOP."""
        forms = self.form_documents()
        for svc in all_services():
            unit = units[svc.opd]
            existing = ServicePage.objects.child_of(unit).filter(slug=svc.slug).first()
            children = {
                "requirements": service_fields.requirements(svc),
                "steps": [{"title": t, "description": ""} for t in svc.steps],
                "tariffs": service_fields.tariffs(svc),
                "forms": [forms[code] for code in svc.forms],
                "channels": service_fields.channels(svc),
                "complaint_channels": service_fields.complaint_channels(svc),
                "legal_bases": service_fields.legal_bases(svc, regulations),
                "sops": service_fields.sops(svc, regulations, catalogue.heads()),
            }
            self._page(
                unit,
                existing,
                ServicePage,
                service_fields.page_fields(svc, categories),
                children,
                {"life_events": [events[e] for e in svc.life_events]},
            )
        self.log(f"Layanan: {len(all_services())}")

    def form_documents(self) -> dict:
        """The downloadable forms' PDFs, stored once each, as ServiceForm row values by code."""
        rows, created = {}, 0
        for code, form in form_documents.forms_by_code().items():
            title = f"Formulir {form.code} {form.title}"
            document, new = store_pdf(form_documents.render(form), title, form_documents.filename(form))
            created += new
            rows[code] = {"code": form.code, "title": form.title, "document": document}
        self.log(f"Formulir: {len(rows)}; berkas PDF baru: {created}")
        return rows

    # --- everything -----------------------------------------------------------------------------

    def run(self) -> dict:
        """Load everything; return the summary counts."""
        # Read and check every data file before the database is touched.
        catalogue.records_by_key()
        all_services()
        revisions_before = Revision.objects.count()
        with transaction.atomic(), deferred_tasks() as replayed:
            self.log("Menyiapkan halaman indeks …")
            reg_index, opd_index = self.indexes()
            types = ensure_regulation_types(update_existing=True)
            self.log(f"Jenis peraturan: {len(types)}")
            categories, events = self.taxonomy()
            units = self.units(opd_index)
            self.log("Membuat peraturan dan berkas PDF …")
            regulations = self.regulations(reg_index, units, types)
            self.log("Membuat layanan …")
            self.services(units, regulations, categories, events)
            refresh_statuses()
            self.log("Memperbarui data turunan (indeks pencarian, cakupan) …")
        self.log(f"Tugas turunan dijalankan: {replayed[0]}")
        return self.summary(Revision.objects.count() - revisions_before)

    def summary(self, new_revisions: int) -> dict:
        """Counts of what the registry now holds."""
        local = RegulationPage.objects.filter(regulation_type__is_local=True)
        return {
            "perangkat_daerah": PerangkatDaerahPage.objects.count(),
            "peraturan_nasional": RegulationPage.objects.filter(regulation_type__is_local=False).count(),
            "peraturan_daerah": local.count(),
            "peraturan_daerah_ber_pdf": local.exclude(document=None).count(),
            "peraturan_dicabut": RegulationPage.objects.filter(status="dicabut").count(),
            "peraturan_diubah": RegulationPage.objects.filter(status="diubah").count(),
            "hubungan_peraturan": RegulationRelation.objects.count(),
            "dokumen": RegulationDocument.objects.count(),
            "layanan": ServicePage.objects.live().count(),
            "dasar_hukum_layanan": LegalBasis.objects.count(),
            "persyaratan": ServiceRequirement.objects.count(),
            "revisi_baru": new_revisions,
            "halaman_baru": self.actions["baru"],
            "halaman_diperbarui": self.actions["diperbarui"],
            "halaman_tetap": self.actions["tetap"],
        }


def load_demo(log=print) -> dict:
    """Load (or refresh) the demo registry and return its summary counts."""
    return DemoLoader(log).run()


__all__ = ["DemoLoader", "load_demo"]
