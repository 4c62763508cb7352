"""Starting a worker is cheap: the URL configuration imports no machine-learning library."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
import django
django.setup()
import config.urls  # noqa: F401
heavy = sorted(name for name in ("sklearn", "scipy.sparse.linalg") if name in sys.modules)
print(",".join(heavy))
"""


def test_importing_the_urls_does_not_import_scikit_learn():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env,  # noqa: S603
                            capture_output=True, text=True, timeout=120, check=True)
    assert "sklearn" not in result.stdout.strip().split(","), result.stdout
