"""The admin speaks Indonesian: Wagtail's strings come from its id_ID catalogue and the project's
locale/id fills in what that catalogue lacks; the login form and the dashboard included."""

import re

from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from tests import factories

from .base import RegistryAdminTestCase
from .visible import visible_text

#: English that used to show in the admin (issue #15), as whole words or phrases.
ENGLISH_LEFTOVERS = [
    "There is",
    "There are",
    "matches",
    "Reports",
    "Help",
    "Search all pages",
    "editor guide",
    "Skip to main content",
    "Forgotten password",
    "Remember me",
    "Password",
    "Select all",
    "Select row",
    "Visit the live page",
    "Close dialog",
    "More options for",
    "Sort by",
    "Show filters",
    "Toggle",
    "Pages",
    "Images",
    "Documents",
    "Locked pages",
    "Site history",
]
LEFTOVER = re.compile(r"\b(" + "|".join(re.escape(phrase) for phrase in ENGLISH_LEFTOVERS) + r")\b")


class AdminLanguageTest(RegistryAdminTestCase):
    """A superuser walks the dashboard, explorer, search, reports, coverage and snippets."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.test", "sandi")

    def setUp(self):
        self.client.force_login(self.admin)

    def shown(self, url, client=None):
        """The visible strings of ``url`` (which must answer 200)."""
        response = (client or self.client).get(url)
        self.assertEqual(response.status_code, 200, url)
        return visible_text(response.content.decode())

    def assert_no_english(self, url, client=None):
        """``url`` shows none of the English leftovers; returns what it shows."""
        text = self.shown(url, client)
        self.assertEqual(LEFTOVER.findall(text), [], url)
        return text

    def test_admin_pages_show_no_english_leftovers(self):
        """Dashboard, explorer, page search, edit view, reports, coverage and snippets show no English."""
        urls = [
            "/admin/",
            f"/admin/pages/{self.izin.get_parent().pk}/",
            "/admin/pages/search/?q=Akta",
            self.edit_url(self.izin),
            "/admin/reports/locked/",
            "/admin/reports/site-history/",
            reverse("coverage_reports:summary"),
            reverse("coverage_reports:findings"),
            reverse("coverage_reports:incomplete_basis"),
            "/admin/snippets/coverage/ruleconfig/",
            "/admin/snippets/search/synonym/",
            "/admin/documents/",
            reverse("daftar_layanan:index"),
        ]
        for url in urls:
            with self.subTest(url=url):
                self.assert_no_english(url)

    def test_sidebar_and_dashboard_are_indonesian(self):
        """The sidebar says Laporan and Bantuan, the dashboard counts halaman and searches in Indonesian."""
        text = self.assert_no_english("/admin/")
        for phrase in ("Laporan", "Bantuan", "halaman", "Cari di semua halaman", "Ringkasan registri"):
            self.assertIn(phrase, text)

    def test_match_count_is_indonesian(self):
        """A filtered listing counts its results as "Ada N hasil" (Wagtail: "There are N matches")."""
        text = self.assert_no_english(reverse("coverage_reports:findings") + "?rule=NO_LEGAL_BASIS")
        self.assertRegex(text, r"Ada \d+ hasil")

    def test_page_search_count_is_indonesian(self):
        """The admin's page search counts matching pages in Indonesian."""
        factories.service(self.disdukcapil, title="Akta Kematian")
        text = self.assert_no_english("/admin/pages/search/?q=Akta")
        self.assertRegex(text, r"Ada \d+ halaman yang cocok")

    def test_login_page_is_indonesian(self):
        """The login form labels the password "Kata sandi" and offers "Lupa kata sandi?"."""
        text = self.assert_no_english("/admin/login/", client=Client())
        for phrase in ("Nama pengguna", "Kata sandi", "Ingat saya", "Masuk"):
            self.assertIn(phrase, text)

    def test_javascript_catalogue_is_indonesian(self):
        """The admin's JavaScript strings (sidebar toggle, main menu) come in Indonesian."""
        script = self.client.get("/admin/jsi18n/").content.decode()
        self.assertIn("Buka/tutup bilah samping", script)
        self.assertIn("Menu utama", script)


class DashboardPanelTest(RegistryAdminTestCase):
    """The "Ringkasan registri" panel's icons are sized, not drawn at the SVG's natural size."""

    def test_every_panel_icon_carries_the_size_class(self):
        """Each icon of the panel has the registry-summary__icon class that admin.css sizes."""
        admin = get_user_model().objects.create_superuser("admin", "admin@example.test", "sandi")
        self.client.force_login(admin)
        html = self.client.get("/admin/").content.decode()
        panel = html[
            html.index('class="registry-summary"') : html.index("</ul>", html.index("registry-summary"))
        ]
        icons = re.findall(r"<svg[^>]*>", panel)
        self.assertEqual(len(icons), 4)
        for icon in icons:
            self.assertIn("registry-summary__icon", icon)
        self.assertIn("css/admin.css", html)

    def test_admin_css_sizes_the_icons(self):
        """admin.css gives .registry-summary__icon a width and a height in rem."""
        with open(finders.find("css/admin.css"), encoding="utf-8") as css:
            rules = css.read()
        block = re.search(r"\.registry-summary__icon\s*\{([^}]*)\}", rules).group(1)
        self.assertRegex(block, r"(?<![-\w])width:\s*[\d.]+rem")
        self.assertRegex(block, r"(?<![-\w])height:\s*[\d.]+rem")
