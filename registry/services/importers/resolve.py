"""Resolving what a services sheet names against the registry: OPDs, regulations and provisions,
and whether a user may import into an OPD (Wagtail's page permission policy). Django side.
"""

from django.conf import settings
from wagtail.permission_policies.pages import PagePermissionPolicy

from registry.permissions import BAGIAN_HUKUM
from registry.regulations.anchors import provision_anchor
from registry.regulations.importers.kinds import TypeResolver
from registry.regulations.models import ArticleNode, RegulationPage

from ..models import PerangkatDaerahPage
from . import messages as msg
from .cells import Citation


class OpdIndex:
    """Every Perangkat Daerah by its title and by its abbreviation, case-insensitively."""

    def __init__(self):
        self.by_name: dict[str, list[PerangkatDaerahPage]] = {}
        for unit in PerangkatDaerahPage.objects.order_by("path"):
            for name in {unit.title.casefold().strip(), unit.abbreviation.casefold().strip()}:
                if name:
                    self.by_name.setdefault(name, []).append(unit)

    def find(self, text: str) -> tuple[PerangkatDaerahPage | None, str, dict]:
        """The unit ``text`` names, or None with the msgid and parameters of the row error."""
        matches = self.by_name.get(" ".join(text.split()).casefold(), [])
        if len(matches) == 1:
            return matches[0], "", {}
        if not matches:
            return None, msg.UNKNOWN_OPD, {"text": text}
        names = ", ".join(f"{unit.title} ({unit.abbreviation})" for unit in matches)
        return None, msg.AMBIGUOUS_OPD, {"text": text, "matches": names}


def is_importer_for_all(user) -> bool:
    """Superusers and the legal bureau import into any OPD."""
    return bool(user.is_superuser or user.groups.filter(name=BAGIAN_HUKUM).exists())


def can_import_into(user, unit, existing=None) -> bool:
    """Whether ``user`` (None: a management command) may create or update services under ``unit``:
    "add" on the OPD page for a new service, "change" on the service for an existing one."""
    if user is None or is_importer_for_all(user):
        return True
    policy = PagePermissionPolicy()
    if existing is not None:
        return policy.user_has_permission_for_instance(user, "change", existing)
    return policy.user_has_permission_for_instance(user, "add", unit)


def editable_units(user) -> list[PerangkatDaerahPage]:
    """The OPDs ``user`` may import into (all of them for the legal bureau)."""
    units = PerangkatDaerahPage.objects.order_by("title")
    if is_importer_for_all(user):
        return list(units)
    allowed = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"add"})
    return list(units.filter(pk__in=allowed.values("pk")))


class RegulationResolver:
    """A citation → a registry regulation and whether its provision is in the parsed article tree."""

    def __init__(self):
        self.types = TypeResolver()
        self._regulations: dict[tuple, RegulationPage | None] = {}
        self._anchors: dict[int, set[str]] = {}

    def regulation(self, citation: Citation) -> RegulationPage | None:
        code = self.types.resolve(citation.jenis)
        if code is None:
            return None
        key = (code, citation.nomor.casefold(), citation.tahun)
        if key not in self._regulations:
            candidates = list(
                RegulationPage.objects.select_related("regulation_type").filter(
                    regulation_type__code=code, nomor__iexact=citation.nomor, tahun=citation.tahun
                )
            )
            # Several regions share a number: prefer the city's own, then a published one.
            city = settings.REGISTRY_CITY_NAME.casefold()
            mentioned = [c for c in candidates if c.wilayah.casefold() in citation.text.casefold()]
            candidates.sort(key=lambda c: (c.wilayah.casefold() != city, not c.live, c.pk))
            self._regulations[key] = (mentioned or candidates or [None])[0]
        return self._regulations[key]

    def has_provision(self, regulation: RegulationPage, provision: str) -> bool:
        if not regulation.document_id:
            return False
        if regulation.document_id not in self._anchors:
            self._anchors[regulation.document_id] = set(
                ArticleNode.objects.filter(document_id=regulation.document_id).values_list(
                    "anchor", flat=True
                )
            )
        return provision_anchor(provision) in self._anchors[regulation.document_id]
