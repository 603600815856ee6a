"""Re-read Mengingat, delegations and amended Pasal from the stored page texts of every document."""

from django.core.management.base import BaseCommand

from registry.regulations.choices import ExtractionStatus
from registry.regulations.models import RegulationDocument
from registry.regulations.parser import parse_regulation
from registry.regulations.references import store_references


class Command(BaseCommand):
    """``manage.py refresh_references``: no PDF is read again, only the extracted texts are parsed."""

    help = "Simpan ulang dasar hukum (Mengingat), delegasi, dan pasal yang diubah dari teks dokumen."

    def handle(self, *args, **options):
        totals = {"dokumen": 0, "citations": 0, "delegations": 0, "amended_provisions": 0}
        documents = RegulationDocument.objects.filter(extraction_status=ExtractionStatus.DONE).order_by("pk")
        for document in documents.iterator():
            texts = list(document.pages.order_by("number").values_list("text", flat=True))
            counts = store_references(document, parse_regulation(texts))
            totals["dokumen"] += 1
            for key, value in counts.items():
                totals[key] += value
        self.stdout.write(
            f"Dokumen: {totals['dokumen']}; butir Mengingat: {totals['citations']}; "
            f"delegasi: {totals['delegations']}; pasal diubah: {totals['amended_provisions']}"
        )
