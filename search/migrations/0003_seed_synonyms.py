"""Seed the synonyms and abbreviations citizens use for common services and offices."""

from django.db import migrations

SEED = [
    ("ktp, ktp el, ktp-el, e-ktp, ektp, kartu tanda penduduk", "Kartu Tanda Penduduk elektronik"),
    ("kk, kartu keluarga", ""),
    ("kia, kartu identitas anak", ""),
    ("akta, akte", "Ejaan tidak baku yang sering dipakai"),
    ("pbg, imb, persetujuan bangunan gedung, izin mendirikan bangunan", "IMB diganti PBG (PP 16/2021)"),
    ("slf, sertifikat laik fungsi", ""),
    ("nib, nomor induk berusaha", ""),
    ("siup, surat izin usaha perdagangan", ""),
    ("tdp, tanda daftar perusahaan", ""),
    ("sktm, surat keterangan tidak mampu", ""),
    ("skck, surat keterangan catatan kepolisian", ""),
    ("bphtb, bea perolehan hak atas tanah dan bangunan", ""),
    ("pbb, pbb-p2, pajak bumi dan bangunan", ""),
    ("pirt, p-irt, pangan industri rumah tangga", ""),
    ("disdukcapil, dukcapil, dinas kependudukan dan pencatatan sipil, capil", ""),
    ("dpmptsp, dinas penanaman modal dan pelayanan terpadu satu pintu, ptsp", ""),
    ("bapenda, badan pendapatan daerah", ""),
    ("dishub, dinas perhubungan", ""),
    ("dinkes, dinas kesehatan", ""),
    ("mpp, mal pelayanan publik", ""),
    ("oss, online single submission", ""),
    ("ppid, pejabat pengelola informasi dan dokumentasi", ""),
    ("uu, undang-undang", ""),
    ("pp, peraturan pemerintah", ""),
    ("perda, peraturan daerah", ""),
    ("perwal, perwali, peraturan wali kota, peraturan walikota", ""),
    ("perpres, peraturan presiden", ""),
    ("biaya, tarif, retribusi", "Pertanyaan warga tentang biaya layanan"),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms, note in SEED:
        Synonym.objects.get_or_create(terms=terms, defaults={"note": note})


def unseed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(terms__in=[terms for terms, _ in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_structures")]

    operations = [migrations.RunPython(seed, unseed)]
