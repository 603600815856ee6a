"""The shared test data of the admin tests, built once per test class."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase

from registry.permissions import (
    BAGIAN_HUKUM,
    BAGIAN_ORGANISASI,
    EVALUATOR,
    KABAG_HUKUM,
    assign_opd_editor,
    ensure_groups,
)
from registry.regulations.choices import RelationKind
from registry.review.workflows import ensure_workflows
from tests import factories


def make_user(username, *groups):
    """A staff-less user in ``groups``."""
    user = get_user_model().objects.create_user(username, f"{username}@example.test", "sandi")
    user.groups.add(*groups)
    return user


class RegistryAdminTestCase(TestCase):
    """Two OPDs with a service each, four regulations (one draft, one revoked), the groups, the review
    workflows, and one user per role: ``legal_user`` (Bagian Hukum), ``kabag`` (Kepala Bagian Hukum),
    ``organisasi`` (Bagian Organisasi), ``opd_editor`` (Disdukcapil), ``evaluator``.
    """

    @classmethod
    def setUpTestData(cls):
        cls.disdukcapil = factories.opd()
        cls.dpmptsp = factories.opd(
            title="Dinas Penanaman Modal dan PTSP", abbreviation="DPMPTSP", slug="dpmptsp"
        )
        cls.old_perda = factories.regulation("PERDA", nomor="3", tahun=2019, tentang="Retribusi Lama")
        cls.perwal = factories.regulation(
            "PERWAL", nomor="7", tahun=2024, tentang="Pelayanan Akta Kelahiran", pemrakarsa=cls.disdukcapil
        )
        cls.new_perda = factories.regulation("PERDA", nomor="4", tahun=2023, tentang="Retribusi Baru")
        factories.relate(cls.new_perda, cls.old_perda, RelationKind.MENCABUT)
        cls.old_perda.refresh_from_db()
        cls.draft = factories.regulation("PERWAL", nomor="9", tahun=2025, tentang="Rancangan", live=False)
        cls.akta = factories.service(cls.disdukcapil, title="Akta Kelahiran")
        cls.izin = factories.service(cls.dpmptsp, title="Izin Usaha", bases=[(cls.perwal, "Pasal 2")])
        ensure_groups()
        ensure_workflows()
        cls.legal_user = make_user("hukum", Group.objects.get(name=BAGIAN_HUKUM))
        cls.kabag = make_user("kabag", Group.objects.get(name=KABAG_HUKUM))
        cls.organisasi = make_user("organisasi", Group.objects.get(name=BAGIAN_ORGANISASI))
        cls.evaluator = make_user("evaluator", Group.objects.get(name=EVALUATOR))
        cls.opd_editor = make_user("editor")
        assign_opd_editor(cls.opd_editor, cls.disdukcapil)

    def edit_url(self, page):
        """The admin edit URL of ``page``."""
        return f"/admin/pages/{page.pk}/edit/"
