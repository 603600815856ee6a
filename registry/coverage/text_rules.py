"""Coverage rules over what the parser read from regulation texts: delegations, changed Pasal, missing text.

Pure, like :mod:`registry.coverage.rules` (which lists them in its table): the facts carry the
delegation clauses and amended Pasal stored by the regulations app
(:mod:`registry.regulations.references`); nothing is inferred.
"""

from . import facts as f
from .messages import gettext_noop as _
from .messages import regulations_param
from .rulebase import Hit, pasal_number


def check_delegation_open(service, ctx, threshold):
    """A linked regulation delegates a matter (in a Pasal the parser found) that nothing in force implements."""
    for reg_id in sorted(service.regulation_ids):
        reg = ctx.regulation(reg_id)
        if reg is None or not reg.in_force:
            continue
        for delegation in reg.delegations:
            if any((impl := ctx.regulation(i)) and impl.in_force for i in delegation.implemented_by):
                continue
            yield Hit(
                _(
                    "%(reg)s%(where)s mendelegasikan pengaturan lebih lanjut, tetapi belum ada pelaksananya: “%(matter)s”"
                ),
                {
                    "reg": regulations_param([reg.ref]),
                    "where": f" {delegation.provision}" if delegation.provision else "",
                    # Quoted as written in the regulation: data, never translated.
                    "matter": delegation.matter,
                },
                regulation_id=reg.id,
            )


def check_basis_provision_changed(service, ctx, threshold):
    """A link names a Pasal that a published amending regulation has changed or deleted."""
    linked = {link.regulation_id for link in service.links}
    seen = set()
    for link in service.links:
        reg = ctx.regulation(link.regulation_id)
        pasal = pasal_number(link.provision)
        if reg is None or not pasal or (reg.id, pasal) in seen:
            continue
        seen.add((reg.id, pasal))
        for change in reg.changed_provisions:
            by = ctx.regulation(change.by)
            if change.pasal.lower() != pasal or by is None or not by.in_force:
                continue
            params = {
                "reg": regulations_param([reg.ref]),
                "pasal": f"Pasal {change.pasal}",
                "by": regulations_param([by.ref]),
            }
            if change.kind == f.PASAL_DIHAPUS:
                yield Hit(
                    _("%(pasal)s %(reg)s yang menjadi dasar layanan telah dihapus oleh %(by)s."),
                    params,
                    _("Ganti %(pasal)s %(reg)s dengan ketentuan yang masih berlaku."),
                    params,
                    regulation_id=reg.id,
                    suggested_regulation_id=by.id,
                )
            elif change.by not in linked:
                yield Hit(
                    _("%(pasal)s %(reg)s yang menjadi dasar layanan telah diubah oleh %(by)s."),
                    params,
                    _("Periksa rumusan baru %(pasal)s dalam %(by)s dan tautkan %(by)s sebagai dasar hukum."),
                    params,
                    regulation_id=reg.id,
                    suggested_regulation_id=by.id,
                )


def check_basis_text_missing(service, ctx, threshold):
    """A legal-basis link names a Pasal of a regulation whose text the registry does not hold."""
    missing = {}
    for link in service.links_with_role(f.ROLE_BASIS):
        reg = ctx.regulation(link.regulation_id)
        if reg is not None and not reg.has_text and pasal_number(link.provision):
            missing.setdefault(reg.id, reg)
    for reg in missing.values():
        yield Hit(
            _("Pasal yang ditautkan dari %(reg)s tidak dapat dibaca di registri: naskahnya belum tersedia."),
            {"reg": regulations_param([reg.ref])},
            _("Unggah naskah %(reg)s agar pasalnya terbaca, atau pastikan tautan ke situs resminya terisi."),
            {"reg": regulations_param([reg.ref])},
            regulation_id=reg.id,
        )
