"""Running WordPress's own shortcode code on a page, as WordPress does when it shows a post.

``make test`` installs PHP (Debian package ``php-cli``) and unpacks WordPress's code from its Debian
package into ``build/wordpress`` (not installed: no web server or database is started, see
``scripts/unpack-debian-package``); ``tests/data/wordpress/run_shortcodes.php`` loads its
``wp-includes/shortcodes.php`` and registers each shortcode named with a handler that shows what
WordPress gave it (``<ran-caption data-atts="{json}">content</ran-caption>``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PHP = shutil.which("php")
WORDPRESS = REPO / "build" / "wordpress" / "usr" / "share" / "wordpress"
_HARNESS = REPO / "tests" / "data" / "wordpress" / "run_shortcodes.php"

needs_wordpress = pytest.mark.skipif(
    PHP is None or not (WORDPRESS / "wp-includes" / "shortcodes.php").is_file(),
    reason="PHP (Debian package php-cli) or WordPress's code (build/wordpress, unpacked from the Debian "
    "package wordpress) is missing: `make test` installs and unpacks them when apt-get can",
)


def run_shortcodes(page: str, names: list[str], *, autop: bool = False) -> str:
    """``page`` as WordPress shows it, with a handler registered for each shortcode of ``names``
    (``autop``: a classic-editor post, its blank lines made paragraphs and line breaks ``<br />``
    first, by WordPress's ``wpautop``)."""
    assert PHP is not None
    done = subprocess.run(
        [PHP, str(_HARNESS), str(WORDPRESS), *(["--autop"] if autop else []), *names],
        input=page,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
    return done.stdout
