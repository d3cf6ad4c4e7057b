"""Running WordPress's own shortcode code on a page, as WordPress does when it shows a post.

``make test`` installs PHP (Debian package ``php-cli``) and unpacks WordPress's code from its Debian
package into ``build/wordpress`` (not installed: no web server or database is started, see
``scripts/unpack-debian-package``); ``tests/data/wordpress/run_shortcodes.php`` loads its
``wp-includes/shortcodes.php`` and registers each shortcode named with a handler that shows what
WordPress gave it (``<ran-caption data-atts="{json}">content</ran-caption>``).
"""

from __future__ import annotations

import json
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


def run_shortcodes(page: str, names: list[str], *, autop: bool = False, handed: bool = False) -> str:
    """``page`` as WordPress shows it, with a handler registered for each shortcode of ``names``
    (``autop``: a classic-editor post, its blank lines made paragraphs and line breaks ``<br />``
    first, by WordPress's ``wpautop``; ``handed``: only what each shortcode was handed, as JSON,
    see :func:`handed_to`)."""
    assert PHP is not None
    options = [*(["--autop"] if autop else []), *(["--handed"] if handed else [])]
    done = subprocess.run(
        [PHP, str(_HARNESS), str(WORDPRESS), *options, *names],
        input=page,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
    return done.stdout


def handed_to(page: str, names: list[str], *, autop: bool = False) -> list[tuple[str, object, str]]:
    """What WordPress handed each shortcode of ``names`` that ran on ``page``, in the order they ran:
    its name, its attributes (a dict, a list of positional ones, or "" for none) and its content
    as the handler gets it (in a tag's attribute too, where the page shows it escaped by kses)."""
    return [tuple(run) for run in json.loads(run_shortcodes(page, names, autop=autop, handed=True))]
