"""Admin views where the legal bureau reviews what extraction proposes, and re-extracts documents."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from .confidence import sort_key
from .extraction.recovery import live_run
from .import_views import can_import
from .models import ImportProposal, RegulationPage
from .proposals import (
    apply_import_proposals,
    apply_proposals,
    build_proposals,
    create_national_record,
    decide_import_proposals,
    import_relation_proposal,
)


def _editable_regulation(request, page_id) -> RegulationPage:
    page = get_object_or_404(RegulationPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def review(request, page_id):
    """Show proposed metadata and relations next to the current values; apply the accepted ones."""
    page = _editable_regulation(request, page_id)
    proposals = build_proposals(page)
    can_publish = page.permissions_for_user(request.user).can_publish()
    errors, submitted = {}, {}
    if request.method == "POST" and not proposals.unavailable_reason:
        accepted = {
            f.name: request.POST.get(f"value_{f.name}", "")
            for f in proposals.fields
            if request.POST.get(f"accept_{f.name}")
        }
        chosen = [r for r in proposals.relations if request.POST.get(f"relation_{r.key}")]
        submitted = dict(accepted)
        publish = bool(request.POST.get("publish")) and can_publish
        if not accepted and not chosen:
            messages.warning(request, _("Tidak ada usulan yang dipilih; tidak ada yang diubah."))
        else:
            try:
                apply_proposals(page, accepted, chosen, request.user, publish=publish)
            except ValidationError as exc:
                errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
                messages.error(request, _("Usulan belum diterapkan. Perbaiki kesalahan di bawah ini."))
            else:
                done = _("diterbitkan") if publish else _("disimpan sebagai draf")
                messages.success(
                    request,
                    _("%(n)s kolom dan %(r)s hubungan diterapkan dan %(done)s.")
                    % {"n": len(accepted), "r": len(chosen), "done": done},
                )
                return redirect("wagtailadmin_pages:edit", page.pk)
    document = page.document
    run = live_run(document) if document else None  # sweeps first: a dead run shows as failed
    runs = document.extraction_runs.select_related("requested_by")[:20] if document else []
    return TemplateResponse(
        request,
        "regulations/admin/review.html",
        {
            "page": page,
            "proposals": proposals,
            "document": document,
            "run": run,
            "runs": runs,
            # The least sure values first: those are the ones to check against the image.
            "field_rows": [
                (f, submitted.get(f.name, f.input_value), errors.get(f.name, []))
                for f in sorted(proposals.fields, key=lambda f: sort_key(f.confidence))
            ],
            "relations": sorted(proposals.relations, key=lambda r: sort_key(r.cited.confidence)),
            "general_errors": [e for name, errs in errors.items() if name not in submitted for e in errs],
            "can_publish": can_publish,
            "can_add_national": page.get_parent().permissions_for_user(request.user).can_add_subpage(),
        },
    )


@require_POST
def create_national(request, page_id):
    """Record an unresolved national citation of this regulation as a regulation of its own."""
    page = _editable_regulation(request, page_id)
    index = page.get_parent().specific
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    key = request.POST.get("key", "")
    proposals = build_proposals(page)
    cited = next(
        (c for c in proposals.citations + [r.cited for r in proposals.relations] if c.key == key), None
    )
    if cited is None or not cited.can_create_national:
        messages.error(
            request, _("Rujukan itu tidak dapat dibuat otomatis (sudah ada atau bukan peraturan nasional).")
        )
    else:
        record = create_national_record(cited, index, request.user)
        messages.success(request, _("'%(t)s' dicatat di registri.") % {"t": record.title})
    return redirect("regulations_review", page.pk)


@require_POST
def reextract(request, document_id):
    """Queue a fresh extraction of a document, even when its file has not changed.

    A run whose process died is failed first (so a stuck document can be extracted again); a run
    that is still alive is left to finish instead of starting a second one.
    """
    from .tasks import request_extraction

    document = get_object_or_404(get_document_model(), pk=document_id)
    policy = policy_registry.get_by_type(get_document_model())
    if not policy.user_has_permission_for_instance(request.user, "change", document):
        raise PermissionDenied
    running = live_run(document)
    if running is not None:
        messages.warning(
            request,
            _("Ekstraksi '%(t)s' masih berjalan (%(p)s); tunggu hingga selesai.")
            % {"t": document.title, "p": running.progress_display()},
        )
    elif request_extraction(document.pk, force=True, requested_by_id=request.user.pk, after_commit=False):
        messages.success(
            request,
            _(
                "Ekstraksi ulang '%(t)s' berjalan di latar belakang; muat ulang halaman untuk melihat kemajuannya."
            )
            % {"t": document.title},
        )
    else:
        messages.success(request, _("Ekstraksi ulang '%(t)s' telah dijadwalkan.") % {"t": document.title})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("wagtaildocs:edit", args=[document.pk])
    return redirect(target)


#: How many pending import proposals one page of the list shows.
IMPORT_PROPOSALS_SHOWN = 300


def import_proposals(request):
    """Relations ("Perubahan atas …") and "Tidak Berlaku" statuses that JDIHN imports proposed.

    The legal bureau applies or rejects them; an applied proposal becomes a new revision of its
    regulation through :func:`apply_import_proposals`, as extraction proposals do.
    """
    if not can_import(request.user):
        raise PermissionDenied
    pending = ImportProposal.objects.filter(state=ImportProposal.State.PENDING).select_related(
        "regulation", "target_type"
    )
    if request.method == "POST":
        chosen = list(pending.filter(pk__in=[v for v in request.POST.getlist("proposal") if v.isdigit()]))
        if not chosen:
            messages.warning(request, _("Tidak ada usulan yang dipilih; tidak ada yang diubah."))
            return redirect("regulations_import_proposals")
        reject = request.POST.get("action") == "reject"
        by_page: dict[int, list[ImportProposal]] = {}
        for row in chosen:
            by_page.setdefault(row.regulation_id, []).append(row)
        done = 0
        for rows in by_page.values():
            page = rows[0].regulation
            permissions = page.permissions_for_user(request.user)
            if not permissions.can_edit():
                messages.error(request, _("Anda tidak berhak menyunting '%(t)s'.") % {"t": page.title})
                continue
            if reject:
                done += decide_import_proposals(rows, ImportProposal.State.REJECTED, request.user)
                continue
            publish = bool(request.POST.get("publish")) and permissions.can_publish()
            try:
                apply_import_proposals(page, rows, request.user, publish=publish)
            except ValidationError as exc:
                messages.error(request, f"{page.title}: {' '.join(exc.messages)}")
                continue
            done += len(rows)
        if done:
            text = _("%(n)s usulan ditolak.") if reject else _("%(n)s usulan diterapkan.")
            messages.success(request, text % {"n": done})
        return redirect("regulations_import_proposals")
    rows = list(pending.order_by("regulation__title", "kind", "pk")[:IMPORT_PROPOSALS_SHOWN])
    items = [
        (row, import_relation_proposal(row) if row.kind == ImportProposal.Kind.RELATION else None)
        for row in rows
    ]
    return TemplateResponse(
        request,
        "regulations/admin/import_proposals.html",
        {"items": items, "total": pending.count(), "shown": len(rows)},
    )
