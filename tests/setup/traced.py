"""``manage.py`` that also says which demo modules it loaded; run by test_production_install.py.

``python tests/setup/traced.py import_jdihn feed.json`` runs what ``python manage.py import_jdihn
feed.json`` runs (the environment names the settings); when the command ends, the last line on
stderr is ``DEMO_MODULES`` and a JSON list of the loaded modules of ``registry.demo``.
"""

import json
import sys
from pathlib import Path

MARKER = "DEMO_MODULES "


def demo_modules() -> list[str]:
    return sorted(
        name for name in sys.modules if name == "registry.demo" or name.startswith("registry.demo.")
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["manage.py", *sys.argv[1:]])
    finally:
        print(MARKER + json.dumps(demo_modules()), file=sys.stderr)
