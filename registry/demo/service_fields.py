"""Turn a demo :class:`~registry.demo.records.Svc` into ServicePage field values and child rows."""

import zlib
from datetime import timedelta
from types import SimpleNamespace

from registry.reference import services as reference
from registry.services.cost import cost_display

from .opd import mpp, units_by_slug
from .service_data import online_channels


def _whatsapp(unit) -> str:
    digits = zlib.crc32(unit.slug.encode()) % 10_000_000
    return f"0811-54{digits // 100000:02d}-{digits % 100000:05d}"[:17]


def channels(svc) -> list[dict]:
    """Where the service is delivered: the unit's office, the MPP, online systems."""
    unit = units_by_slug()[svc.opd]
    place = mpp()
    rows = []
    for kind in svc.channels:
        if kind == "kantor":
            rows.append(
                {
                    "kind": "kantor",
                    "name": f"Kantor {unit.title}",
                    "address": unit.address,
                    "hours": unit.hours,
                    "url": unit.website,
                }
            )
        elif kind == "mpp":
            rows.append(
                {
                    "kind": "mpp",
                    "name": f"Gerai {unit.abbreviation} di {place.name}",
                    "address": place.address,
                    "hours": place.opening_hours,
                    "url": "",
                }
            )
        else:
            name, url = online_channels()[kind]
            rows.append({"kind": "daring", "name": name, "address": "", "hours": "24 jam", "url": url})
    return rows


def complaint_channels(svc) -> list[dict]:
    """SP4N-LAPOR! always; WhatsApp, e-mail and a suggestion box where the standard is worked out."""
    unit = units_by_slug()[svc.opd]
    rows = [{"kind": "lapor", "value": "https://www.lapor.go.id"}]
    if svc.level != "minimal":
        rows.append({"kind": "surel", "value": unit.email})
    if svc.level == "full":
        rows += [
            {"kind": "whatsapp", "value": _whatsapp(unit)},
            {"kind": "telepon", "value": unit.phone},
            {"kind": "kotak_saran", "value": f"Kotak saran di ruang pelayanan {unit.title}"},
        ]
    return rows


def _management(svc, unit) -> dict:
    """Components 8–14, filled as far as the service's level says."""
    values = {
        "facilities": "",
        "staff_competency": "",
        "internal_supervision": "",
        "staff_count": None,
        "staff_note": "",
        "service_guarantee": "",
        "safety_guarantee": "",
        "performance_evaluation": "",
    }
    if svc.level == "minimal":
        return values
    values["facilities"] = "\n".join(
        [
            "Ruang tunggu ber-AC dengan kursi antrean",
            "Mesin antrean dan papan informasi standar pelayanan",
            "Jalur dan toilet ramah disabilitas",
            "Ruang laktasi dan area bermain anak",
        ]
    )
    values["staff_count"] = svc.staff
    values["staff_note"] = "Petugas loket, verifikator, dan operator sistem"
    if svc.level != "full":
        return values
    values.update(
        {
            "staff_competency": "\n".join(
                [
                    "Pendidikan minimal SMA/sederajat",
                    "Memahami peraturan di bidang pelayanan ini",
                    "Mampu mengoperasikan aplikasi layanan",
                    "Bersikap ramah, sopan, dan komunikatif",
                ]
            ),
            "internal_supervision": f"Pengawasan melekat oleh atasan langsung dan Kepala {unit.title}; pengawasan "
            "fungsional oleh Inspektorat Daerah.",
            "service_guarantee": "Maklumat Pelayanan: kami sanggup menyelenggarakan pelayanan sesuai standar "
            "pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai "
            "peraturan perundang-undangan yang berlaku.",
            "safety_guarantee": "Data pribadi pemohon dijaga kerahasiaannya; ruang pelayanan dilengkapi APAR, CCTV, "
            "dan jalur evakuasi.",
            "performance_evaluation": "Survei Kepuasan Masyarakat setiap semester dan evaluasi standar pelayanan "
            "setiap tahun.",
        }
    )
    return values


#: Qualifiers under which a service is charged even without one amount (the table or the area says it).
_CHARGED_BY_TABLE = (reference.COST_BY_TARIFF, reference.COST_BY_AREA)


def cost_fields(svc) -> dict:
    """Component 4: kind, amount, note, qualifier and condition.

    ``cost = 0`` is free unless a tariff table or a by-tariff/by-area qualifier says it is charged
    (the services of a unit whose defaults say free, such as the reklame licence with its tax).
    """
    charged_by_table = bool(svc.tariffs) or svc.cost_qualifier in _CHARGED_BY_TABLE
    fields = {"cost_qualifier": svc.cost_qualifier, "cost_condition": svc.cost_condition}
    if svc.cost is None and not charged_by_table:
        return {"cost_kind": "", "cost_amount": None, "cost_note": svc.cost_note, **fields}
    if charged_by_table or svc.cost:
        return {
            "cost_kind": "berbayar",
            "cost_amount": svc.cost or None,
            "cost_note": svc.cost_note,
            **fields,
        }
    note = svc.cost_note or "Tidak dipungut biaya"
    return {"cost_kind": "gratis", "cost_amount": None, "cost_note": note, **fields}


def tariffs(svc) -> list[dict]:
    """The tariff table rows."""
    return [{"label": label, "amount": amount, "unit": unit} for label, amount, unit in svc.tariffs]


def cost_text(svc) -> str:
    """The cost as the public site says it (for the annex of an SK Standar Pelayanan), "-" when unstated."""
    rows = [SimpleNamespace(**row) for row in tariffs(svc)]
    return cost_display(SimpleNamespace(**cost_fields(svc)), rows) or "-"


def requirements(svc) -> list[dict]:
    """Requirement rows; one that applies only in a situation carries it as its condition."""
    return [
        {"text": text, "mandatory": True, "condition": condition, "note": ""}
        for text, condition in svc.requirements
    ]


def page_fields(svc, categories) -> dict:
    """Plain field values of the ServicePage."""
    unit = units_by_slug()[svc.opd]
    value, time_unit, note = svc.time if svc.time else (None, "", "")
    cost = cost_fields(svc)
    procedure = ""
    if svc.level != "minimal":
        procedure = (
            "Pengaduan disampaikan melalui saluran di bawah ini, dicatat dalam register pengaduan, dan "
            "ditindaklanjuti paling lama 14 (empat belas) hari kerja."
        )
    complete = bool(svc.requirements and svc.steps and svc.time and cost["cost_kind"])
    return {
        "title": svc.title,
        "slug": svc.slug,
        "summary": svc.summary,
        "eligibility": svc.eligibility,
        "category": categories[svc.category],
        "time_value": value,
        "time_unit": time_unit,
        "time_note": note,
        **cost,
        "product": svc.product,
        "complaint_procedure": procedure,
        **_management(svc, unit),
        "delivery_published": svc.level == "full"
        or (svc.level == "partial" and complete and svc.no % 2 == 0),
    }


def legal_bases(svc, regulations) -> list[dict]:
    """Component 7 links: the listed bases, then the SK Standar Pelayanan and the SOP decree."""
    rows = [
        {
            "regulation": regulations[key],
            "provision": provision,
            "component": component,
            "role": "dasar_hukum",
        }
        for key, provision, component in svc.bases
    ]
    if svc.sk_sp:
        rows.append({"regulation": regulations[svc.sk_sp], "provision": "", "component": "", "role": "sk_sp"})
    if svc.sop:
        rows.append({"regulation": regulations[svc.sop[2]], "provision": "", "component": "", "role": "sop"})
    return rows


def sops(svc, regulations, heads) -> list[dict]:
    """The SOP identity sheet, established by the SOP decree of the unit."""
    if not svc.sop:
        return []
    nomor, judul, decree_key = svc.sop
    decree = regulations[decree_key]
    name, nip = heads[decree.pemrakarsa.slug]
    return [
        {
            "nomor": nomor,
            "judul": judul,
            "tanggal_pembuatan": decree.tanggal_penetapan - timedelta(days=30),
            "tanggal_revisi": None,
            "tanggal_efektif": decree.tanggal_penetapan,
            "disahkan_nama": name,
            "disahkan_jabatan": f"Kepala {decree.pemrakarsa.title}",
            "disahkan_nip": nip,
            "regulation": decree,
        }
    ]
