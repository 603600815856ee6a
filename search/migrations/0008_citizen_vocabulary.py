"""Citizens' own words (issue #15): informal and trade names, abbreviations, purposes.

Extends some sets of 0003 (a term belongs to one set only, so a new name of a licence joins its
set) and adds new ones. Rows an administrator already changed are left alone; the extension is then
added as a set of its own.
"""

from django.db import migrations

#: (terms as seeded by 0003, terms after this migration)
EXTEND = [
    ("kia, kartu identitas anak", "kia, kartu identitas anak, ktp anak"),
    (
        "nib, nomor induk berusaha",
        "nib, nomor induk berusaha, iumk, izin usaha mikro kecil, izin usaha mikro",
    ),
    (
        "sktm, surat keterangan tidak mampu",
        "sktm, surat keterangan tidak mampu, surat tidak mampu, surat keterangan miskin, surat miskin",
    ),
    ("pbb, pbb-p2, pajak bumi dan bangunan", "pbb, pbb-p2, pajak bumi dan bangunan, pajak rumah"),
    (
        "pirt, p-irt, pangan industri rumah tangga",
        "pirt, p-irt, spp-irt, sppirt, pangan industri rumah tangga, izin makanan rumahan, "
        "izin produksi makanan rumahan, izin usaha makanan rumahan",
    ),
    (
        "bphtb, bea perolehan hak atas tanah dan bangunan",
        "bphtb, bea perolehan hak atas tanah dan bangunan, pajak beli tanah, pajak jual beli tanah",
    ),
    ("biaya, tarif, retribusi", "biaya, tarif, retribusi, ongkos"),
]

NEW = [
    # Licences and certificates citizens name by what they want to do ("izin" + the purpose). Not
    # "izin" itself: as a synonym of every certificate it would widen every "izin …" query.
    (
        "slhs, sertifikat laik higiene sanitasi, sertifikat laik sehat, laik sehat, izin rumah makan, "
        "izin warung makan, izin restoran, izin katering, izin catering, izin jasa boga, "
        "izin depot air minum",
        "Warga menyebut sertifikat dengan 'izin' dan tujuannya",
    ),
    ("sip, surat izin praktik", ""),
    ("sipa, surat izin praktik apoteker, izin praktik apoteker", ""),
    ("praktik, praktek", "Ejaan tidak baku yang sering dipakai"),
    ("rumah makan, warung makan, restoran, resto", ""),
    ("katering, catering, jasa boga", ""),
    ("makanan, pangan, kue, camilan", "Kue dan camilan rumahan adalah pangan olahan"),
    ("iklan, reklame", ""),
    ("angkot, angkutan kota", ""),
    ("online, daring", ""),
    # Civil registration.
    (
        "kartu kuning, ak1, ak/i, kartu pencari kerja, kartu tanda pencari kerja",
        "Kartu AK/I dari Disnaker",
    ),
    ("surat pindah, pindah domisili, pindah alamat, skpwni, surat keterangan pindah", ""),
    ("meninggal dunia, meninggal, wafat, kematian", ""),
    ("lapor kematian, pencatatan kematian", ""),
    ("lapor kelahiran, pencatatan kelahiran", ""),
    ("ganti, penggantian, cetak ulang", ""),
    ("ubah data, perubahan data, perubahan", ""),
    ("umur, usia", ""),
    ("sekolah, pendidikan", ""),
    # Offices and regulations as people name them.
    ("disnaker, dinas tenaga kerja, dinas ketenagakerjaan", ""),
    ("kip, keterbukaan informasi publik", ""),
    ("pemda, pemerintah daerah, pemerintahan daerah", ""),
    ("prolegnas, program legislasi nasional", ""),
    ("prolegda, program legislasi daerah", ""),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for old, new in EXTEND:
        if not Synonym.objects.filter(terms=old).update(terms=new):
            extra = new[len(old) :].lstrip(", ")
            first = old.split(",")[0].strip()
            Synonym.objects.get_or_create(terms=f"{first}, {extra}", defaults={"note": ""})
    for terms, note in NEW:
        Synonym.objects.get_or_create(terms=terms, defaults={"note": note})


def unseed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for old, new in EXTEND:
        Synonym.objects.filter(terms=new).update(terms=old)
    Synonym.objects.filter(terms__in=[terms for terms, _ in NEW]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0007_index_version")]

    operations = [migrations.RunPython(seed, unseed)]
