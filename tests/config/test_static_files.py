"""Production static files: hashed names (safe to cache forever) and compressed copies."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.config.test_settings import SAFE_PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[2]


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    env = {
        **os.environ,
        **SAFE_PRODUCTION_ENV,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "STATIC_ROOT": str(tmp_path),
    }
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]

    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed_css = manifest["css/main.css"]
    assert hashed_css != "css/main.css"
    assert hashed_css.startswith("css/main.")
    assert (tmp_path / hashed_css).exists()
    assert (tmp_path / f"{hashed_css}.gz").exists()


def test_pages_link_static_files_through_the_static_tag(client, db):
    html = client.get("/").content.decode()
    assert 'href="/static/css/main.css"' in html
    assert client.get("/static/css/main.css").status_code == 200
