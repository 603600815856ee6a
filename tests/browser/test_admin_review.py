"""The review of a service change in a browser: submit → review → approve with a comment.

An OPD editor changes the summary of a live service and, having no "publish" right, submits it to
"Tinjauan layanan" from the editor's action menu. The Bagian Organisasi logs in, finds it on the
dashboard under "Menunggu tinjauan Anda", and approves it with a comment from that panel's modal;
the public listing of the OPD's services (where a service's summary is shown; the service page opens
with its facts instead) then shows the new summary, and the editor's dashboard no longer lists it in review.
"""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from registry.permissions import BAGIAN_ORGANISASI, assign_opd_editor, ensure_groups
from registry.review.workflows import ensure_workflows
from tests import factories
from tests.admin.base import make_user
from tests.browser.test_security_headers import ViolationLog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "sandi-uji-yang-panjang"
NEW_SUMMARY = "Penerbitan akta kelahiran bagi setiap anak yang lahir di Balikpapan, gratis."


def log_in(page, base_url, username):
    """Log in to the admin as ``username``, on a clean session."""
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base_url}/admin/")


@pytest.fixture
def service():
    """A live Disdukcapil service, the groups and workflows, its editor and a Bagian Organisasi reviewer."""
    disdukcapil = factories.opd()
    akta = factories.service(disdukcapil, title="Akta Kelahiran", summary="Ringkasan lama.")
    ensure_groups()
    ensure_workflows()
    editor = make_user("editor")
    assign_opd_editor(editor, disdukcapil)
    reviewer = make_user("organisasi", Group.objects.get(name=BAGIAN_ORGANISASI))
    for user in (editor, reviewer):
        user.set_password(PASSWORD)
        user.save()
    return {"id": akta.pk, "title": akta.title, "path": akta.url, "listing": disdukcapil.url}


def test_a_service_change_is_submitted_reviewed_and_approved(service, live_server, browser_page):
    page = browser_page
    log = ViolationLog(page)

    # The OPD editor submits the change: no "Terbitkan", only "Ajukan ke Tinjauan layanan".
    log_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}/admin/pages/{service['id']}/edit/")
    page.get_by_role("textbox", name="Ringkasan").fill(NEW_SUMMARY)
    footer = page.locator("footer")
    footer.get_by_role("button", name="Tindakan lainnya").click()
    expect(footer.locator("button[name=action-publish]")).to_have_count(0)
    footer.get_by_role("button", name="Ajukan ke Tinjauan layanan").click()
    expect(page.get_by_text("telah diajukan untuk ditinjau")).to_be_visible()
    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_text("Halaman dan cuplikan Anda dalam alur kerja")).to_be_visible()

    # The public listing still shows the live version.
    page.goto(f"{live_server.url}{service['listing']}")
    expect(page.get_by_text("Ringkasan lama.")).to_be_visible()
    expect(page.get_by_text(NEW_SUMMARY)).to_have_count(0)

    # The Bagian Organisasi approves it, with a comment, from its dashboard.
    log_in(page, live_server.url, "organisasi")
    panel = page.get_by_role("region", name="Menunggu tinjauan Anda")
    row = panel.get_by_role("row").filter(has_text=service["title"])
    expect(row).to_be_visible()
    row.get_by_role("button", name="Tindakan").click()
    row.get_by_role("button", name="Setujui dengan komentar").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Komentar").fill("Sudah sesuai Standar Pelayanan.")
    # The approval publishes (search index, coverage …) before it answers, then the admin reloads the
    # dashboard: wait for both, or the next navigation races the reload.
    with (
        page.expect_navigation(),
        page.expect_response(lambda r: "/workflow/action/" in r.url and r.request.method == "POST") as sent,
    ):
        dialog.get_by_role("button", name="Setujui dengan komentar").click()
    assert sent.value.ok
    assert page.goto(f"{live_server.url}/admin/").status == 200
    expect(page.get_by_role("region", name="Menunggu tinjauan Anda")).to_have_count(0)

    # Live now; the editor's dashboard no longer lists it in review.
    assert page.goto(f"{live_server.url}{service['path']}").status == 200
    expect(page.locator('meta[name="description"]')).to_have_attribute("content", NEW_SUMMARY)
    page.goto(f"{live_server.url}{service['listing']}")
    expect(page.get_by_text(NEW_SUMMARY)).to_be_visible()
    log_in(page, live_server.url, "editor")
    expect(page.get_by_text("Halaman dan cuplikan Anda dalam alur kerja")).to_have_count(0)

    problems = log.violations()
    assert not problems, "\n".join(problems)
