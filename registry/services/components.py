"""The 14 Standar Pelayanan components of PermenPANRB 15/2014 (SPEC §4.2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Component(models.TextChoices):
    """Component codes, in the order of the regulation. 1–6 are service delivery, 7–14 manufacturing."""

    PERSYARATAN = "persyaratan", _("Persyaratan")
    PROSEDUR = "prosedur", _("Sistem, mekanisme, dan prosedur")
    WAKTU = "waktu", _("Jangka waktu pelayanan")
    BIAYA = "biaya", _("Biaya/tarif")
    PRODUK = "produk", _("Produk pelayanan")
    PENGADUAN = "pengaduan", _("Penanganan pengaduan, saran, dan masukan")
    DASAR_HUKUM = "dasar_hukum", _("Dasar hukum")
    SARANA = "sarana", _("Sarana, prasarana, dan/atau fasilitas")
    KOMPETENSI = "kompetensi", _("Kompetensi pelaksana")
    PENGAWASAN = "pengawasan", _("Pengawasan internal")
    JUMLAH_PELAKSANA = "jumlah_pelaksana", _("Jumlah pelaksana")
    JAMINAN = "jaminan", _("Jaminan pelayanan")
    KEAMANAN = "keamanan", _("Jaminan keamanan dan keselamatan pelayanan")
    EVALUASI = "evaluasi", _("Evaluasi kinerja pelaksana")


#: The six components that must be published to the public.
DELIVERY_COMPONENTS = [
    Component.PERSYARATAN,
    Component.PROSEDUR,
    Component.WAKTU,
    Component.BIAYA,
    Component.PRODUK,
    Component.PENGADUAN,
]
MANUFACTURING_COMPONENTS = [c for c in Component if c not in DELIVERY_COMPONENTS]
