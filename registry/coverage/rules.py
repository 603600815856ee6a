"""The coverage rules: what makes a service's regulation incomplete, why, and how to fix it.

Pure functions over :mod:`registry.coverage.facts` (no Django import, no database access). Each rule
yields one :class:`~registry.coverage.rulebase.Hit` per problem, as a message id and JSON parameters
(:mod:`registry.coverage.messages`), never as text; :func:`evaluate` runs the enabled rules on a
service with the admin's settings (``RuleConfig``: enabled, threshold, severity).
"""

from collections.abc import Iterable
from datetime import date

from . import facts as f
from .messages import components_param, regulations_param, titles_param
from .messages import gettext_noop as _
from .rulebase import (
    ELECTRONIC_KEYWORDS,
    Context,
    FindingData,
    Hit,
    Rule,
    RuleSetting,
    Severity,
    covers_same_matter,
)
from .text_rules import check_basis_provision_changed, check_basis_text_missing, check_delegation_open

# --- legal basis ---------------------------------------------------------------------------------


def check_no_legal_basis(service, ctx, threshold):
    """No regulation is linked as the service's dasar hukum."""
    if not service.links_with_role(f.ROLE_BASIS):
        yield Hit(_("Layanan ini belum ditautkan ke satu pun peraturan sebagai dasar hukum."))


def check_no_local_basis(service, ctx, threshold):
    """Only national or provincial regulations found the service; no Perda, Perwal or Keputusan."""
    bases = [ctx.regulation(link.regulation_id) for link in service.links_with_role(f.ROLE_BASIS)]
    bases = [reg for reg in bases if reg is not None]
    if bases and not any(reg.is_local for reg in bases):
        yield Hit(
            _("Dasar hukum hanya peraturan pusat/provinsi (%(list)s); belum ada produk hukum daerah."),
            {"list": regulations_param(reg.ref for reg in bases)},
        )


def _replacement(old, ctx):
    """The revoking regulation that can replace ``old``, if one covers the same matter."""
    for new_id in old.revoked_by:
        new = ctx.regulation(new_id)
        if new is not None and new.in_force and covers_same_matter(old, new):
            return new
    return None


def check_basis_revoked(service, ctx, threshold):
    """A linked regulation (dasar hukum or SK Standar Pelayanan) is revoked or no longer in force."""
    seen = set()
    for link in service.links:
        reg = ctx.regulation(link.regulation_id)
        if link.role == f.ROLE_SOP or reg is None or reg.in_force or reg.id in seen:
            continue
        seen.add(reg.id)
        if reg.revoked_by:
            message = _("%(reg)s sudah dicabut oleh %(by)s.")
            params = {"reg": titles_param([reg.ref]), "by": regulations_param(ctx.refs(reg.revoked_by))}
        else:
            message, params = _("%(reg)s dinyatakan tidak berlaku."), {"reg": titles_param([reg.ref])}
        new = _replacement(reg, ctx)
        if new:
            fix = _("Ganti tautan ke %(old)s dengan %(new)s.")
            fix_params = {"old": regulations_param([reg.ref]), "new": titles_param([new.ref])}
        else:
            fix = _("Tautkan peraturan pengganti yang berlaku dan hapus tautan ke %(old)s.")
            fix_params = {"old": regulations_param([reg.ref])}
        yield Hit(
            message,
            params,
            fix,
            fix_params,
            regulation_id=reg.id,
            suggested_regulation_id=new.id if new else None,
        )


def check_basis_amended(service, ctx, threshold):
    """A linked regulation has been amended, but the service does not link the amendment."""
    linked = {link.regulation_id for link in service.links}
    for reg_id in sorted(linked):
        reg = ctx.regulation(reg_id)
        if reg is None or not reg.in_force:
            continue
        missing = [i for i in reg.amended_by if i not in linked and (r := ctx.regulation(i)) and r.in_force]
        if missing:
            by = regulations_param(ctx.refs(missing))
            yield Hit(
                _("%(reg)s telah diubah oleh %(by)s, yang belum dicantumkan."),
                {"reg": regulations_param([reg.ref]), "by": by},
                _("Tambahkan %(by)s sebagai dasar hukum."),
                {"by": by},
                regulation_id=reg.id,
                suggested_regulation_id=missing[0],
            )


# --- Standar Pelayanan -----------------------------------------------------------------------------


def check_no_sk_sp(service, ctx, threshold):
    """No Keputusan sets the service's Standar Pelayanan."""
    if not service.links_with_role(f.ROLE_SK_SP):
        yield Hit(_("Belum ada SK Standar Pelayanan yang ditautkan."))


def check_sk_sp_outdated(service, ctx, threshold):
    """The newest SK Standar Pelayanan is older than ``threshold`` years (by tanggal penetapan)."""
    regs = [ctx.regulation(link.regulation_id) for link in service.links_with_role(f.ROLE_SK_SP)]
    regs = [reg for reg in regs if reg is not None]
    if not regs or threshold is None:
        return
    newest = max(regs, key=lambda reg: reg.established_on)
    try:
        limit = ctx.today.replace(year=ctx.today.year - threshold)
    except ValueError:  # 29 February
        limit = ctx.today.replace(year=ctx.today.year - threshold, day=28)
    if newest.established_on < limit:
        yield Hit(
            _("SK Standar Pelayanan terbaru (%(reg)s, ditetapkan %(date)s) berumur lebih dari %(n)s tahun."),
            {
                "reg": regulations_param([newest.ref]),
                "date": newest.established_on.isoformat(),
                "n": threshold,
            },
            regulation_id=newest.id,
        )


def check_sp_incomplete(service, ctx, threshold):
    """Some of the 14 Standar Pelayanan components are empty."""
    missing = [code for code in f.COMPONENTS if not service.filled.get(code, False)]
    if missing:
        yield Hit(
            _("%(n)s dari 14 komponen kosong: %(list)s."),
            {"n": len(missing), "list": components_param(missing)},
            _("Lengkapi komponen: %(list)s."),
            {"list": components_param(missing)},
        )


def check_sp_not_published(service, ctx, threshold):
    """The six service-delivery components have not been published."""
    if not service.delivery_published:
        yield Hit(_("Enam komponen penyampaian pelayanan (1–6) belum dipublikasikan kepada masyarakat."))


def check_cost_unsourced(service, ctx, threshold):
    """A fee is charged, but no Perda/Perwal in force is linked for the biaya component."""
    if service.cost_kind != f.COST_CHARGED:
        return
    for link in service.links:
        reg = ctx.regulation(link.regulation_id)
        if link.component == "biaya" and reg and reg.in_force and reg.type_code in f.TARIFF_TYPE_CODES:
            return
    yield Hit(_("Layanan berbayar, tetapi tarifnya tidak ditautkan ke Perda atau Perwal yang berlaku."))


def check_time_unsourced(service, ctx, threshold):
    """A completion time is stated, but neither a regulation nor an SK Standar Pelayanan sets it."""
    if not service.filled.get("waktu", False):
        return
    if any(link.component == "waktu" for link in service.links) or service.links_with_role(f.ROLE_SK_SP):
        return
    yield Hit(_("Jangka waktu pelayanan tidak bersumber dari peraturan maupun SK Standar Pelayanan."))


# --- SOP ---------------------------------------------------------------------------------------------


def check_no_sop(service, ctx, threshold):
    """The service has no SOP."""
    if not service.sops and not service.links_with_role(f.ROLE_SOP):
        yield Hit(_("Belum ada SOP untuk layanan ini."))


def check_sop_revoked(service, ctx, threshold):
    """The regulation that establishes an SOP is revoked or no longer in force."""
    ids = [sop.regulation_id for sop in service.sops if sop.regulation_id]
    ids += [link.regulation_id for link in service.links_with_role(f.ROLE_SOP)]
    for reg_id in dict.fromkeys(ids):
        reg = ctx.regulation(reg_id)
        if reg is not None and not reg.in_force:
            by = ctx.refs(reg.revoked_by)
            if by:
                message = _("SOP ditetapkan dengan %(reg)s yang sudah tidak berlaku (dicabut oleh %(by)s).")
                params = {"reg": regulations_param([reg.ref]), "by": regulations_param(by)}
            else:
                message = _("SOP ditetapkan dengan %(reg)s yang sudah tidak berlaku.")
                params = {"reg": regulations_param([reg.ref])}
            yield Hit(message, params, regulation_id=reg.id)


# --- electronic delivery (delegations and changed Pasal: text_rules) ------------------------------------------------------------


def check_electronic_unregulated(service, ctx, threshold):
    """The service is delivered online, but no linked regulation covers electronic delivery."""
    if f.CHANNEL_ONLINE not in service.channel_kinds:
        return
    for reg_id in service.regulation_ids:
        reg = ctx.regulation(reg_id)
        if reg and reg.in_force and any(word in reg.tentang.lower() for word in ELECTRONIC_KEYWORDS):
            return
    yield Hit(_("Layanan tersedia daring, tetapi tidak ada dasar hukum yang mengatur layanan elektronik."))


RULES: tuple[Rule, ...] = (
    Rule(
        "NO_LEGAL_BASIS",
        _("Tidak ada dasar hukum"),
        _("Layanan tidak ditautkan ke peraturan apa pun sebagai dasar hukum (komponen 7)."),
        Severity.CRITICAL,
        _("Tautkan peraturan yang menjadi dasar penyelenggaraan layanan, beserta pasalnya."),
        check_no_legal_basis,
    ),
    Rule(
        "NO_LOCAL_BASIS",
        _("Tidak ada dasar hukum daerah"),
        _("Dasar hukum hanya peraturan pusat atau provinsi; belum ada Perda, Perwal, atau Keputusan."),
        Severity.WARNING,
        _("Tautkan Perda, Perwal, atau Keputusan yang mengatur layanan ini di tingkat kota."),
        check_no_local_basis,
    ),
    Rule(
        "BASIS_REVOKED",
        _("Dasar hukum dicabut"),
        _("Peraturan yang ditautkan sudah dicabut atau tidak berlaku lagi."),
        Severity.CRITICAL,
        _("Tautkan peraturan pengganti yang berlaku."),
        check_basis_revoked,
    ),
    Rule(
        "BASIS_AMENDED",
        _("Perubahan dasar hukum belum dicantumkan"),
        _("Peraturan yang ditautkan telah diubah, tetapi peraturan perubahannya tidak ditautkan."),
        Severity.INFO,
        _("Tambahkan peraturan perubahan sebagai dasar hukum."),
        check_basis_amended,
    ),
    Rule(
        "BASIS_PROVISION_CHANGED",
        _("Pasal dasar hukum diubah atau dihapus"),
        _("Pasal yang ditautkan sebagai dasar hukum telah diubah atau dihapus oleh peraturan perubahan."),
        Severity.WARNING,
        _("Periksa rumusan pasal yang berlaku dan perbarui tautan dasar hukum layanan."),
        check_basis_provision_changed,
    ),
    Rule(
        "BASIS_TEXT_MISSING",
        _("Naskah pasal dasar hukum belum tersedia"),
        _(
            "Dasar hukum menunjuk pasal dari peraturan yang naskahnya belum ada di registri, "
            "sehingga warga tidak dapat membaca pasal tersebut di sini."
        ),
        Severity.WARNING,
        _("Unggah naskah peraturan tersebut, atau isi tautan ke naskah di situs resmi penerbit."),
        check_basis_text_missing,
    ),
    Rule(
        "NO_SK_SP",
        _("Tidak ada SK Standar Pelayanan"),
        _("Standar Pelayanan belum ditetapkan dengan Keputusan (UU 25/2009 Pasal 20)."),
        Severity.CRITICAL,
        _("Tetapkan Standar Pelayanan dengan Keputusan Kepala Perangkat Daerah dan tautkan sebagai SK SP."),
        check_no_sk_sp,
    ),
    Rule(
        "SK_SP_OUTDATED",
        _("SK Standar Pelayanan kedaluwarsa"),
        _("SK Standar Pelayanan terbaru lebih tua dari batas tahun yang ditentukan."),
        Severity.WARNING,
        _("Evaluasi dan tetapkan kembali Standar Pelayanan."),
        check_sk_sp_outdated,
        default_threshold=3,
        threshold_help=_("Umur maksimum SK Standar Pelayanan, dalam tahun."),
    ),
    Rule(
        "SP_INCOMPLETE",
        _("Standar Pelayanan tidak lengkap"),
        _("Tidak semua dari 14 komponen Standar Pelayanan (PermenPANRB 15/2014) terisi."),
        Severity.WARNING,
        _("Lengkapi komponen yang kosong."),
        check_sp_incomplete,
    ),
    Rule(
        "SP_NOT_PUBLISHED",
        _("Komponen penyampaian belum dipublikasikan"),
        _("Enam komponen penyampaian pelayanan wajib diumumkan kepada masyarakat."),
        Severity.WARNING,
        _("Publikasikan komponen 1–6 dan centang 'dipublikasikan' pada halaman layanan."),
        check_sp_not_published,
    ),
    Rule(
        "COST_UNSOURCED",
        _("Biaya tanpa dasar hukum"),
        _("Layanan memungut biaya, tetapi tarifnya tidak ditautkan ke Perda/Perwal yang berlaku."),
        Severity.CRITICAL,
        _("Tautkan Perda/Perwal tarif atau retribusi dengan komponen 'Biaya/tarif', atau jadikan gratis."),
        check_cost_unsourced,
    ),
    Rule(
        "TIME_UNSOURCED",
        _("Jangka waktu tanpa sumber"),
        _("Jangka waktu pelayanan tidak bersumber dari peraturan atau SK Standar Pelayanan."),
        Severity.WARNING,
        _("Tautkan peraturan dengan komponen 'Jangka waktu pelayanan', atau SK Standar Pelayanan."),
        check_time_unsourced,
    ),
    Rule(
        "NO_SOP",
        _("Tidak ada SOP"),
        _("Layanan belum memiliki SOP Administrasi Pemerintahan (PermenPANRB 35/2012)."),
        Severity.WARNING,
        _("Susun dan tetapkan SOP layanan, lalu tambahkan pada halaman layanan."),
        check_no_sop,
    ),
    Rule(
        "SOP_REVOKED",
        _("Penetapan SOP tidak berlaku"),
        _("Peraturan yang menetapkan SOP sudah dicabut atau tidak berlaku."),
        Severity.WARNING,
        _("Tetapkan kembali SOP dengan keputusan yang berlaku."),
        check_sop_revoked,
    ),
    Rule(
        "ELECTRONIC_UNREGULATED",
        _("Layanan daring tanpa dasar hukum elektronik"),
        _("Layanan memiliki saluran daring, tetapi tidak ada dasar hukum tentang layanan elektronik/SPBE."),
        Severity.WARNING,
        _("Tautkan peraturan tentang penyelenggaraan layanan elektronik atau SPBE."),
        check_electronic_unregulated,
    ),
    Rule(
        "DELEGATION_OPEN",
        _("Delegasi belum dilaksanakan"),
        _("Peraturan dasar mendelegasikan pengaturan lebih lanjut, tetapi peraturan pelaksananya belum ada."),
        Severity.INFO,
        _(
            "Susun peraturan pelaksana yang menyebut pasal yang dilaksanakan, atau catat hubungan "
            "'Melaksanakan' beserta pasalnya."
        ),
        check_delegation_open,
    ),
)

RULES_BY_CODE = {rule.code: rule for rule in RULES}

#: The rules that mean "the service lacks regulation": no dasar hukum at all, or a linked one that is
#: revoked. The admin's "Layanan tanpa dasar hukum yang lengkap" view combines them. (NO_LOCAL_BASIS is
#: left out: a service founded on national law alone has a basis; the city has yet to regulate it.)
INCOMPLETE_BASIS_CODES: tuple[str, ...] = ("NO_LEGAL_BASIS", "BASIS_REVOKED")


def evaluate(service: f.ServiceFacts, ctx: Context, rules: Iterable[Rule] = RULES) -> list[FindingData]:
    """Run every enabled rule on one service and return its findings, in rule order."""
    findings = []
    for rule in rules:
        setting = ctx.settings.get(rule.code, RuleSetting())
        if not setting.enabled:
            continue
        threshold = setting.threshold if setting.threshold is not None else rule.default_threshold
        severity = setting.severity or rule.severity
        for hit in rule.check(service, ctx, threshold):
            findings.append(
                FindingData(
                    code=rule.code,
                    severity=severity,
                    message_id=hit.message_id,
                    message_params=hit.message_params,
                    fix_id=hit.fix_id or rule.fix,
                    fix_params=hit.fix_params if hit.fix_id else {},
                    regulation_id=hit.regulation_id,
                    suggested_regulation_id=hit.suggested_regulation_id,
                )
            )
    return findings


def today_context(regulations, settings=None, today: date | None = None) -> Context:
    """A :class:`Context` for today (or ``today``)."""
    return Context(regulations=regulations, today=today or date.today(), settings=settings or {})
