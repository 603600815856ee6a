"""axe-core in the browser tests: find the npm copy, run it in a Playwright page, report what it finds.

axe-core comes from npm (``.ci/axe``, pinned in its package-lock.json; ``make axe`` installs it) so
that ``make test`` itself needs only Python: without it, the accessibility tests skip with the
command to run (a failure under CI's strict skips).
"""

from pathlib import Path

AXE_DIR = Path(__file__).resolve().parents[2] / ".ci" / "axe"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_MISSING = (
    f"axe-core tidak terpasang ({AXE_SCRIPT} tidak ada): jalankan `make axe` "
    "(npm ci di .ci/axe; perlu paket Debian 'nodejs' dan 'npm')"
)

# Every rule axe runs by default (WCAG 2.0–2.2 A/AA and best practices), none left out: a page passes
# with no violation of any impact. resultTypes keeps the answer small (passes are not needed).
_RUN = """async () => {
    const results = await window.axe.run(document, {resultTypes: ["violations"]});
    return results.violations.map(v => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map(n => n.target.join(" ")),
        html: v.nodes.map(n => n.html),
    }));
}"""


def axe_source() -> str | None:
    """axe.min.js as text, or None when ``make axe`` has not installed it."""
    return AXE_SCRIPT.read_text(encoding="utf-8") if AXE_SCRIPT.is_file() else None


def run_axe(page, source: str) -> list[dict]:
    """The violations axe finds on the page as it is now: id, impact, help, targets and html of each node.

    The script is evaluated through the DevTools protocol, so the page's Content-Security-Policy (which
    forbids inline scripts) does not block it.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(source)
    return page.evaluate(_RUN)


def describe(violations: list[dict]) -> str:
    """One line per violation and one per node it names, for a failing assertion."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for target, html in zip(violation["targets"], violation["html"], strict=True):
            lines.append(f"    {target}    {html[:160]}")
    return "\n".join(lines)
