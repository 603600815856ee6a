"""Admin panels for regulations."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .effective import effective_date, format_date, relation_in_effect


class IncomingRelationsPanel(Panel):
    """Read-only list of the relations other regulations hold towards the one being edited.

    A relation is stored once, on the newer regulation; this panel shows its inverse so that editors
    see both directions in the same form.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "regulations/panels/incoming_relations.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            incoming = instance.incoming if instance.pk else []
            for _label, rel in incoming:
                # A relation whose source takes effect later is shown with its date ("mulai …").
                rel.pending_from = None if relation_in_effect(rel) else format_date(effective_date(rel))
            context["incoming"] = incoming
            context["empty_message"] = _(
                "Belum ada peraturan lain yang mengubah, mencabut, atau melaksanakan peraturan ini."
            )
            return context


class ExtractionStatusPanel(Panel):
    """Shows what extraction made of the signed PDF, with links to review the proposals or re-extract."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "regulations/panels/extraction_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            # The template sweeps a dead run first ({% live_extraction_run %}), then shows the status.
            context["document"] = instance.document if instance.document_id else None
            context["page"] = instance
            return context


class ReferencesPanel(Panel):
    """Read-only: the Mengingat citations and delegation clauses read from the signed document."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "regulations/panels/references.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            document = self.instance.document if self.instance.document_id else None
            context["citations"] = (
                list(document.citations.select_related("target")) if document is not None else []
            )
            context["delegations"] = (
                list(document.delegations.select_related("target", "fulfilled_by"))
                if document is not None
                else []
            )
            return context
