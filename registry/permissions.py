"""The admin roles and the groups that carry them, created idempotently by :func:`ensure_groups`.

Roles
-----
Publishing a regulation or a service goes through a review (Wagtail workflows, created by
``registry.review.workflows``): no role below holds the page permission "publish", so their editors
"submit for moderation" and the reviewers' approval publishes.

**Bagian Hukum** (one group) drafts every regulation and holds the first review of each: page
permissions add, change, lock, unlock and bulk_delete on the regulation index page (Wagtail applies
them to every regulation below it); add, change and choose on documents in the root collection;
full rights on the regulation types; read access to both registers.

**Kepala Bagian Hukum** approves regulations, the second and last step of the regulation review:
no page permission (Wagtail opens a page to the members of the group whose review step it is in),
read access to the regulation register and the coverage reports.

**Bagian Organisasi** reviews every change to a service (and to an OPD page) and decides the
requests to delete a live service (``review.decide_deletionrequest``); no page permission, read
access to both registers.

**Editor OPD** is split in two layers:

* the base group "Editor OPD" holds everything OPD editors share that is *not* tied to their own
  place in the page tree: admin access, choosing and uploading documents, viewing the reference
  snippets and reading the regulation register (to find the legal bases they cite), and the page
  permission "add" on the regulation index, so an OPD drafts the regulations it initiates
  (pemrakarsa): it edits the drafts it created and submits them to the regulation review;
* one group per Perangkat Daerah, "Editor OPD – <singkatan>", holds *only* the page permissions
  add and change on that OPD's page, which Wagtail applies to the page and to the services
  below it. It is created by :func:`ensure_groups` for existing OPDs and by the
  ``after_create_page`` hook for new ones. Without "publish", Wagtail refuses them the deletion or
  unpublishing of a live service; they ask for it instead (``registry.review.deletion``).

An OPD editor belongs to both (:func:`assign_opd_editor` does it in one call). Keeping the shared
rights in one group means they are changed in one place, and a per-OPD group states exactly one
fact: which subtree its members edit. The service register is not given to OPD editors: it lists
other OPDs' drafts.

**Evaluator** reads and edits nothing: admin access, the view permission on the reference snippets
(their inspect views) and both registers with their CSV/XLSX exports. It holds no page permission
and no document permission, so every edit view, every "add" view and the upload form refuse it.

Register access
---------------
Django creates a ``view_<model>`` permission for every model, page models included, and Wagtail
never consults it for pages (page access goes through ``GroupPagePermission``). The registers use
``regulations.view_regulationpage`` and ``services.view_servicepage`` as "may read (and export) this
register": existing rows, no model change, and assignable in Wagtail's group editor (the apps'
``register_permissions`` hooks list them). Superusers pass every check.

:func:`ensure_groups` only adds what is missing; it never removes a right an administrator granted
by hand, so running it twice changes nothing. (The "publish" right the roles held before the review
existed was withdrawn once, by the migration ``review.0002_withdraw_direct_publish``.)
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

BAGIAN_HUKUM = "Bagian Hukum"
EDITOR_OPD = "Editor OPD"
EVALUATOR = "Evaluator"
KABAG_HUKUM = "Kepala Bagian Hukum"
BAGIAN_ORGANISASI = "Bagian Organisasi"
#: Per-OPD groups are named "Editor OPD – Disdukcapil" (with an en dash).
OPD_GROUP_PREFIX = "Editor OPD – "

ADMIN_ACCESS = "wagtailadmin.access_admin"
REGULATION_REGISTER_PERMISSION = "regulations.view_regulationpage"
SERVICE_REGISTER_PERMISSION = "services.view_servicepage"
SNIPPET_VIEW_PERMISSIONS = (
    "regulations.view_regulationtype",
    "services.view_servicecategory",
    "services.view_lifeevent",
)

#: Model-level permissions of each role ("app_label.codename").
#: Coverage reports (registry.coverage): every role reads them; the legal bureau tunes the rules.
COVERAGE_REPORT_PERMISSION = "coverage.view_servicecoverage"
#: Deciding the requests to delete a live service (registry.review).
DELETION_DECISION_PERMISSION = "review.decide_deletionrequest"
ROLE_PERMISSIONS = {
    BAGIAN_HUKUM: (
        ADMIN_ACCESS,
        COVERAGE_REPORT_PERMISSION,
        "coverage.view_ruleconfig",
        "coverage.change_ruleconfig",
        "regulations.add_regulationtype",
        "regulations.change_regulationtype",
        "regulations.delete_regulationtype",
        "regulations.view_delegation",
        *SNIPPET_VIEW_PERMISSIONS,
        REGULATION_REGISTER_PERMISSION,
        SERVICE_REGISTER_PERMISSION,
    ),
    EDITOR_OPD: (
        ADMIN_ACCESS,
        *SNIPPET_VIEW_PERMISSIONS,
        REGULATION_REGISTER_PERMISSION,
        COVERAGE_REPORT_PERMISSION,
    ),
    EVALUATOR: (
        ADMIN_ACCESS,
        COVERAGE_REPORT_PERMISSION,
        *SNIPPET_VIEW_PERMISSIONS,
        REGULATION_REGISTER_PERMISSION,
        SERVICE_REGISTER_PERMISSION,
    ),
    KABAG_HUKUM: (
        ADMIN_ACCESS,
        COVERAGE_REPORT_PERMISSION,
        *SNIPPET_VIEW_PERMISSIONS,
        REGULATION_REGISTER_PERMISSION,
    ),
    BAGIAN_ORGANISASI: (
        ADMIN_ACCESS,
        COVERAGE_REPORT_PERMISSION,
        *SNIPPET_VIEW_PERMISSIONS,
        REGULATION_REGISTER_PERMISSION,
        SERVICE_REGISTER_PERMISSION,
        DELETION_DECISION_PERMISSION,
    ),
}
#: Every role group, in the order the setup reports them.
ROLES = (BAGIAN_HUKUM, KABAG_HUKUM, BAGIAN_ORGANISASI, EDITOR_OPD, EVALUATOR)
#: Document permissions in the root collection (Wagtail checks them on wagtaildocs.Document).
ROLE_DOCUMENT_PERMISSIONS = {
    BAGIAN_HUKUM: ("add", "change", "choose"),
    EDITOR_OPD: ("add", "choose"),
}
#: How each page or document permission kind reads in the setup report.
KIND_LABELS = {
    "add": _lazy("tambah"),
    "change": _lazy("ubah"),
    "choose": _lazy("pilih"),
    "publish": _lazy("terbitkan"),
    "lock": _lazy("kunci"),
    "unlock": _lazy("buka kunci"),
    "bulk_delete": _lazy("hapus massal"),
}
#: The page types roles are granted on, by "app_label.ModelName".
REGULATION_INDEX_MODEL = "regulations.RegulationIndexPage"
OPD_PAGE_MODEL = "services.PerangkatDaerahPage"
#: Page permissions on the regulation index, by role; none of them is "publish" (see the module docstring).
REGULATION_INDEX_PAGE_PERMISSIONS = {
    BAGIAN_HUKUM: ("add", "change", "lock", "unlock", "bulk_delete"),
    EDITOR_OPD: ("add",),
}
OPD_PAGE_PERMISSIONS = ("add", "change")


@dataclass
class GroupChange:
    """What :func:`ensure_groups` did to one group."""

    group: str
    created: bool = False
    granted: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the group was created or received a right."""
        return self.created or bool(self.granted)


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        raise ImproperlyConfigured(
            _("Izin %(perm)s belum ada. Jalankan 'manage.py migrate' terlebih dahulu.") % {"perm": dotted}
        ) from None


def _grant_model_permissions(group: Group, names, change: GroupChange) -> None:
    held = set(group.permissions.values_list("content_type__app_label", "codename"))
    for name in names:
        if tuple(name.split(".", 1)) not in held:
            group.permissions.add(_permission(name))
            change.granted.append(name)


def _grant_page_permissions(group: Group, page: Page, kinds, change: GroupChange) -> None:
    page_type = ContentType.objects.get_for_model(Page)
    for kind in kinds:
        permission = Permission.objects.get(content_type=page_type, codename=f"{kind}_page")
        if GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)[1]:
            change.granted.append(
                _("%(kind)s halaman '%(page)s'") % {"kind": KIND_LABELS[kind], "page": page.title}
            )


def _grant_document_permissions(group: Group, kinds, change: GroupChange) -> None:
    root = Collection.get_first_root_node()
    for kind in kinds:
        permission = _permission(f"wagtaildocs.{kind}_document")
        if GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )[1]:
            change.granted.append(
                _("%(kind)s dokumen (koleksi '%(c)s')") % {"kind": KIND_LABELS[kind], "c": root.name}
            )


def ensure_role(name: str) -> GroupChange:
    """Create the role group ``name`` if needed and give it its model and document permissions."""
    group, created = Group.objects.get_or_create(name=name)
    change = GroupChange(name, created=created)
    _grant_model_permissions(group, ROLE_PERMISSIONS[name], change)
    _grant_document_permissions(group, ROLE_DOCUMENT_PERMISSIONS.get(name, ()), change)
    return change


def opd_group(opd) -> Group | None:
    """The editor group of a Perangkat Daerah page, found by its page permissions (renames are safe)."""
    return (
        Group.objects.filter(name__startswith=OPD_GROUP_PREFIX, page_permissions__page=opd)
        .order_by("pk")
        .first()
    )


def _opd_group_name(opd) -> str:
    name = f"{OPD_GROUP_PREFIX}{opd.abbreviation or opd.title}"[:140]
    taken_by_other = GroupPagePermission.objects.filter(group__name=name).exclude(page_id=opd.pk).exists()
    return f"{name} ({opd.pk})" if taken_by_other else name


def ensure_opd_group(opd) -> GroupChange:
    """Create the "Editor OPD – <singkatan>" group of one Perangkat Daerah page if needed."""
    group = opd_group(opd)
    created = False
    if group is None:
        group, created = Group.objects.get_or_create(name=_opd_group_name(opd))
    change = GroupChange(group.name, created=created)
    _grant_page_permissions(group, opd, OPD_PAGE_PERMISSIONS, change)
    return change


@transaction.atomic
def ensure_groups() -> list[GroupChange]:
    """Create or complete every role group and one editor group per Perangkat Daerah.

    Returns one :class:`GroupChange` per group; all of them are unchanged on a second run.
    """
    # The page types by label, as foreign keys name them: the apps import this module, not the reverse.
    RegulationIndexPage = apps.get_model(REGULATION_INDEX_MODEL)
    PerangkatDaerahPage = apps.get_model(OPD_PAGE_MODEL)
    changes = {name: ensure_role(name) for name in ROLES}
    index = RegulationIndexPage.objects.order_by("path").first()
    for name, kinds in REGULATION_INDEX_PAGE_PERMISSIONS.items():
        if index is None:
            changes[name].notes.append(
                _("Indeks peraturan belum ada; jalankan lagi setelah halaman itu dibuat.")
            )
        else:
            _grant_page_permissions(Group.objects.get(name=name), index, kinds, changes[name])
    result = list(changes.values())
    result += [ensure_opd_group(opd) for opd in PerangkatDaerahPage.objects.order_by("title")]
    return result


@transaction.atomic
def assign_opd_editor(user, opd) -> Group:
    """Make ``user`` an editor of ``opd``: member of "Editor OPD" and of that OPD's group."""
    ensure_role(EDITOR_OPD)
    ensure_opd_group(opd)
    group = opd_group(opd)
    user.groups.add(Group.objects.get(name=EDITOR_OPD), group)
    return group
