"""The page tree every installation needs (architecture "The page tree").

The home page is the default Site's root; the regulation index (``/peraturan/``) and the Perangkat
Daerah index (``/opd/``) sit under it, published. :func:`ensure_site_tree` creates what is missing and
otherwise leaves the tree as editors made it, so it is safe on every deploy. With ``update_existing``
(the demo loader's choice) the two indexes are brought back to their seed title and slug and
republished when they differ, as the demo does with all its pages.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from registry.home.models import HomePage
from registry.regulations.models import RegulationIndexPage
from registry.services.models import PerangkatDaerahIndexPage

#: What happened to one part of the tree; the demo loader counts pages with the same words.
CREATED, UPDATED, KEPT = "baru", "diperbarui", "tetap"

HOME_SLUG = "beranda"
#: The title registry/home/migrations/0002_create_homepage.py gives every installation's home page.
MIGRATION_HOME_TITLE = "Registri Kota Balikpapan"
HOME_INTRO = "Satu pintu untuk layanan publik, persyaratannya, dan peraturan yang mendasarinya."
REGULATION_INDEX_VALUES = {"title": "Peraturan", "slug": "peraturan"}
OPD_INDEX_VALUES = {"title": "Perangkat Daerah", "slug": "opd"}
DEFAULT_HOSTNAME = "localhost"
DEFAULT_PORT = 80


@dataclass
class Outcome:
    """What a setup step did to one thing: ``action`` is CREATED, UPDATED or KEPT.

    ``label`` names the thing in Indonesian; ``details`` lists what was added to it, ``notes`` what an
    administrator should look at (printed as warnings).
    """

    action: str
    label: str
    details: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.action != KEPT


@dataclass
class SiteTree:
    """The pages and the Site the tree is made of, and what :func:`ensure_site_tree` did to each."""

    site: Site
    home: HomePage
    regulation_index: RegulationIndexPage
    opd_index: PerangkatDaerahIndexPage
    outcomes: dict[str, Outcome]


def home_title() -> str:
    """The home page title of this installation, e.g. "Registri Kota Balikpapan"."""
    return f"Registri {settings.REGISTRY_CITY_NAME}"


def _not_live_note(page) -> str:
    return _("Halaman '%(title)s' belum terbit; terbitkan di admin agar tampil untuk publik.") % {
        "title": page.title
    }


def _ensure_home(site: Site | None) -> tuple[HomePage, Outcome]:
    """The default site's HomePage, else the one HomePage anywhere, else a new one under the root."""
    root = site.root_page.specific if site is not None else None
    home = root if isinstance(root, HomePage) else HomePage.objects.order_by("path").first()
    title = home_title()
    if home is None:
        home = HomePage(title=title, slug=HOME_SLUG, intro=HOME_INTRO, live=True)
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        return home, Outcome(CREATED, _("Beranda '%(title)s'") % {"title": home.title})
    action = KEPT
    if home.title == MIGRATION_HOME_TITLE != title and home.latest_revision_id is None:
        # The migration's placeholder, never edited in the admin: it takes this city's name.
        home.title = home.draft_title = title
        home.save_revision().publish()
        action = UPDATED
    outcome = Outcome(action, _("Beranda '%(title)s'") % {"title": home.title})
    if not home.live:
        outcome.notes.append(_not_live_note(home))
    return home, outcome


def _ensure_site(site: Site | None, home: HomePage, hostname: str, port: int | None) -> tuple[Site, Outcome]:
    """The default Site, rooted at ``home``; ``hostname`` and ``port`` replace its address when given."""
    action = KEPT
    if site is None:
        site = Site(
            hostname=hostname or DEFAULT_HOSTNAME,
            port=port or DEFAULT_PORT,
            root_page=home,
            is_default_site=True,
        )
        action = CREATED
    elif (
        site.root_page_id != home.pk
        or (hostname and site.hostname != hostname)
        or (port and site.port != port)
    ):
        site.root_page = home
        site.hostname = hostname or site.hostname
        site.port = port or site.port
        action = UPDATED
    if action != KEPT:
        site.full_clean()  # the (hostname, port) pair must be free
        site.save()
    label = _("Situs bawaan %(host)s:%(port)s dengan akar '%(root)s'") % {
        "host": site.hostname,
        "port": site.port,
        "root": home.title,
    }
    return site, Outcome(action, label)


def _ensure_index(home: HomePage, model, values: dict, update_existing: bool) -> tuple[Page, Outcome]:
    """The one index page of ``model`` under ``home``, created and published when missing."""

    def outcome(action, page):
        where = page.get_url() or page.url_path
        return Outcome(action, f"{capfirst(model._meta.verbose_name)} '{page.title}' ({where})")

    page = model.objects.child_of(home).order_by("path").first()
    if page is None:
        elsewhere = model.objects.order_by("path").first()
        if elsewhere is not None:
            # At most one index of a kind may exist (max_count); say where it is rather than add one.
            result = outcome(KEPT, elsewhere)
            result.notes.append(
                _("Halaman ini tidak berada di bawah beranda '%(home)s'; pindahkan di admin.")
                % {"home": home.title}
            )
            return elsewhere, result
        page = model(live=True, **values)
        home.add_child(instance=page)
        page.save_revision().publish()
        return page, outcome(CREATED, page)
    differs = any(getattr(page, name) != value for name, value in values.items())
    if update_existing and (differs or not page.live or page.has_unpublished_changes):
        for name, value in values.items():
            setattr(page, name, value)
        page.save_revision(clean=True).publish()
        return page, outcome(UPDATED, page)
    result = outcome(KEPT, page)
    if not page.live:
        result.notes.append(_not_live_note(page))
    return page, result


@transaction.atomic
def ensure_site_tree(update_existing: bool = False, hostname: str = "", port: int | None = None) -> SiteTree:
    """Create or complete the home page, the default Site and the two indexes; return them.

    Nothing that exists is changed, except: the migration's untouched placeholder home page takes
    :func:`home_title`, the default Site is pointed at the home page (and at ``hostname``/``port``
    when given), and with ``update_existing`` the indexes get their seed title and slug back.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home, home_outcome = _ensure_home(site)
    site, site_outcome = _ensure_site(site, home, hostname, port)
    regulation_index, regulation_outcome = _ensure_index(
        home, RegulationIndexPage, REGULATION_INDEX_VALUES, update_existing
    )
    opd_index, opd_outcome = _ensure_index(home, PerangkatDaerahIndexPage, OPD_INDEX_VALUES, update_existing)
    return SiteTree(
        site=site,
        home=home,
        regulation_index=regulation_index,
        opd_index=opd_index,
        outcomes={
            "home": home_outcome,
            "site": site_outcome,
            "regulation_index": regulation_outcome,
            "opd_index": opd_outcome,
        },
    )
