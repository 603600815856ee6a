"""The review workflows, created idempotently by :func:`ensure_workflows` (``manage.py setup_groups``).

* **Pengesahan peraturan**, on the regulation index: "Tinjauan Bagian Hukum" (the group Bagian Hukum)
  then "Persetujuan Kepala Bagian Hukum" (the group Kepala Bagian Hukum), whose approval publishes.
* **Tinjauan layanan**, on the Perangkat Daerah index (every OPD page and every service below it):
  "Tinjauan Bagian Organisasi" (the group Bagian Organisasi), whose approval publishes.

Both are Wagtail's own ``Workflow`` and ``GroupApprovalTask``: each step's reviewers approve, approve
with a comment, or request changes with a comment (the page goes back to its editor), and Wagtail
e-mails the next reviewers and, at the end, the editor who submitted (templates in this app, in
Indonesian). Like ``ensure_groups``, this only adds what is missing: a workflow an administrator
changed (other steps, another workflow on an index) is reported, not overwritten.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from registry.permissions import BAGIAN_HUKUM, BAGIAN_ORGANISASI, KABAG_HUKUM


@dataclass(frozen=True)
class WorkflowSpec:
    """One workflow: its name, its steps as (task name, group name), and the index page type it is on."""

    name: str
    steps: tuple[tuple[str, str], ...]
    index_model: str


REGULATION_WORKFLOW = WorkflowSpec(
    "Pengesahan peraturan",
    (("Tinjauan Bagian Hukum", BAGIAN_HUKUM), ("Persetujuan Kepala Bagian Hukum", KABAG_HUKUM)),
    "regulations.RegulationIndexPage",
)
SERVICE_WORKFLOW = WorkflowSpec(
    "Tinjauan layanan",
    (("Tinjauan Bagian Organisasi", BAGIAN_ORGANISASI),),
    "services.PerangkatDaerahIndexPage",
)
WORKFLOWS = (REGULATION_WORKFLOW, SERVICE_WORKFLOW)


@dataclass
class WorkflowChange:
    """What :func:`ensure_workflows` did to one workflow."""

    name: str
    created: bool = False
    granted: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the workflow was created or completed."""
        return self.created or bool(self.granted)


def _task(name: str, group_name: str, change: WorkflowChange) -> GroupApprovalTask:
    task, created = GroupApprovalTask.objects.get_or_create(name=name)
    group, _created = Group.objects.get_or_create(name=group_name)
    if not task.groups.filter(pk=group.pk).exists():
        task.groups.add(group)
        change.granted.append(
            _("tahap '%(task)s' ditinjau oleh grup '%(group)s'") % {"task": name, "group": group}
        )
    if created:
        change.granted.append(_("tahap '%(task)s' dibuat") % {"task": name})
    return task


def ensure_workflow(spec: WorkflowSpec) -> WorkflowChange:
    """Create or complete one workflow and assign it to its index pages."""
    workflow, created = Workflow.objects.get_or_create(name=spec.name)
    change = WorkflowChange(spec.name, created=created)
    tasks = [_task(task_name, group_name, change) for task_name, group_name in spec.steps]
    if not workflow.workflow_tasks.exists():
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    elif list(workflow.tasks.values_list("pk", flat=True)) != [task.pk for task in tasks]:
        change.notes.append(_("Tahap-tahapnya diubah oleh administrator; dibiarkan."))
    if not workflow.active:
        change.notes.append(_("Alur kerja ini dinonaktifkan oleh administrator; dibiarkan."))
    indexes = apps.get_model(spec.index_model).objects.order_by("path")
    if not indexes.exists():
        change.notes.append(_("Halaman indeksnya belum ada; jalankan lagi setelah halaman itu dibuat."))
    for index in indexes:
        assigned = WorkflowPage.objects.filter(page=index).select_related("workflow").first()
        if assigned is None:
            WorkflowPage.objects.create(page=index, workflow=workflow)
            change.granted.append(
                _("berlaku untuk '%(page)s' dan halaman di bawahnya") % {"page": index.title}
            )
        elif assigned.workflow_id != workflow.pk:
            change.notes.append(
                _("'%(page)s' memakai alur kerja '%(other)s' pilihan administrator; dibiarkan.")
                % {"page": index.title, "other": assigned.workflow.name}
            )
    return change


@transaction.atomic
def ensure_workflows() -> list[WorkflowChange]:
    """Create or complete every review workflow; all of them are unchanged on a second run."""
    return [ensure_workflow(spec) for spec in WORKFLOWS]


def workflow_for(spec: WorkflowSpec) -> Workflow | None:
    """The workflow of ``spec``, if it was created."""
    return Workflow.objects.filter(name=spec.name).first()
