"""``manage.py load_demo``: load a realistic, generated Kota Balikpapan registry (idempotent)."""

import secrets
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from registry.demo.loader import load_demo
from registry.demo.schema import DataError
from registry.demo.users import ensure_demo_users
from registry.permissions import ensure_groups
from registry.review.workflows import ensure_workflows

LABELS = {
    "perangkat_daerah": "Perangkat daerah",
    "peraturan_nasional": "Peraturan nasional",
    "peraturan_daerah": "Produk hukum Kota Balikpapan",
    "peraturan_daerah_ber_pdf": "  … dengan berkas PDF",
    "peraturan_dicabut": "Peraturan berstatus dicabut",
    "peraturan_diubah": "Peraturan berstatus diubah",
    "hubungan_peraturan": "Hubungan antarperaturan",
    "dokumen": "Dokumen",
    "layanan": "Layanan terbit",
    "dasar_hukum_layanan": "Tautan dasar hukum layanan",
    "persyaratan": "Persyaratan layanan",
    "halaman_baru": "Halaman baru",
    "halaman_diperbarui": "Halaman diperbarui",
    "halaman_tetap": "Halaman tidak berubah",
    "revisi_baru": "Revisi baru",
}


class Command(BaseCommand):
    help = "Memuat data demo Kota Balikpapan (peraturan, perangkat daerah, layanan). Aman dijalankan ulang."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="Buat atau perbarui superuser 'admin' dan satu pengguna demo per peran, dengan sandi yang sama.",
        )
        parser.add_argument(
            "--admin-password", default="", help="Kata sandi 'admin' (bawaan: acak, dicetak di akhir)."
        )

    def handle(self, *args, with_admin=False, admin_password="", **options):
        started = time.monotonic()
        self.stdout.write("Memuat data demo Kota Balikpapan …")
        try:
            summary = load_demo(log=lambda line: self.stdout.write(f"  {line}"))
        except DataError as error:
            raise CommandError(f"Berkas data demo tidak sah: {error}") from error
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        self._ensure_groups()
        self.stdout.write(self.style.SUCCESS(f"Selesai dalam {time.monotonic() - started:.1f} detik."))
        for key, label in LABELS.items():
            self.stdout.write(f"  {label:<32} {summary[key]}")
        if with_admin:
            self._admin(admin_password or secrets.token_urlsafe(12))

    def _ensure_groups(self):
        ensure_groups()
        ensure_workflows()
        self.stdout.write("  Grup pengguna, hak aksesnya dan alur kerja tinjauan diperbarui.")

    def _admin(self, password):
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username="admin", defaults={"email": "admin@balikpapan.go.id"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS("Superuser 'admin' " + ("dibuat." if created else "diperbarui."))
        )
        self.stdout.write("  Masuk di  : http://127.0.0.1:8000/admin/")
        self.stdout.write("  Pengguna  : admin (superuser)")
        for username, role in ensure_demo_users(password):
            self.stdout.write(f"  Pengguna  : {username} ({role})")
        self.stdout.write(f"  Kata sandi: {password} (semua pengguna di atas)")
