"""All demo regulation records in one place, with the lookups the builder and the PDFs need."""

from functools import cache

from .local_keputusan import KEPUTUSAN
from .local_peraturan import PERATURAN
from .local_perda import PERDA
from .local_perwal import PERWAL
from .local_perwal_recent import PERWAL_RECENT
from .national import NATIONAL
from .opd import HEADS, UNITS_BY_SLUG

# Generated officials (invented names) by the year they took office.
WALI_KOTA = [(2011, "H. ACHMAD ZAINUDDIN"), (2021, "H. SYAHRIR ARIFIN, S.E., M.M.")]
SEKDA = [(2011, "Drs. H. BAMBANG SUTRISNO, M.Si."), (2020, "Ir. H. AGUS RAMLI, M.T.")]


def all_records() -> list:
    """National records first, then local ones oldest first, so targets exist before their sources."""
    local = sorted(
        [*PERATURAN, *PERDA, *PERWAL, *PERWAL_RECENT, *KEPUTUSAN],
        key=lambda r: (r.penetapan, r.code, r.nomor),
    )
    return [*sorted(NATIONAL, key=lambda r: (r.tahun, r.code, int(r.nomor))), *local]


@cache
def records_by_key() -> dict:
    """Every record by its natural key."""
    records = {}
    for record in all_records():
        if record.key in records:
            raise ValueError(f"Kunci peraturan demo ganda: {record.key}")
        records[record.key] = record
    return records


@cache
def amendments_of() -> dict:
    """For each amended record, the records that amend it, oldest first."""
    result = {}
    for record in all_records():
        for kind, target, *_ in record.relations:
            if kind in ("mengubah", "mengubah_sebagian"):
                result.setdefault(target, []).append(record)
    for amenders in result.values():
        amenders.sort(key=lambda r: (r.tahun, r.penetapan or r.tahun))
    return result


def _in_office(officials, year):
    return [name for since, name in officials if since <= year][-1]


def signer(record) -> dict:
    """The signing official of a local record: the Wali Kota, or the head of the issuing unit."""
    sekda = _in_office(SEKDA, record.tahun)
    if record.code == "KEP_KEPALA_PD":
        name, nip = HEADS[record.signer]
        title = f"KEPALA {UNITS_BY_SLUG[record.signer].title.upper()} KOTA BALIKPAPAN"
        return {"title": title, "name": name, "nip": nip, "sekda": sekda}
    return {"title": "WALI KOTA BALIKPAPAN", "name": _in_office(WALI_KOTA, record.tahun), "sekda": sekda}
