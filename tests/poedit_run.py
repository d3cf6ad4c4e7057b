"""Running the real Poedit (the Debian package ``poedit``) on a private X display, as a translator would.

Poedit has no command to save a file: it is driven by keystrokes (``xdotool``) on an ``Xvfb`` display
of its own. Everything lives in the test's folder: HOME and the XDG folders (Poedit's settings, its
translation memory, its lock and the socket a second ``poedit`` talks to the first through), so the
real home is never read or written and two tests never share a Poedit.

The settings a translator would have made once (Preferences): their name and e-mail (the
``Last-Translator`` Poedit writes), "Always change focus to text input field" (so that choosing an
entry puts the cursor in its translation) and no spell-checking (no dictionary is installed: its
notice is not what the tests look at). Everything else is Poedit's default: it saves through
``msgcat`` at the wrapping width it found in the file, and writes the MO file beside the PO file.

What a translator does, as keystrokes: an entry is chosen with ``poedit --line N file.po`` (Poedit's
own option; a second ``poedit`` hands it to the running one), a translation is written over with
Ctrl+A and typing (which clears "Needs work", as Poedit does on an edit), "Needs work" is toggled
with Ctrl+U, Ctrl+S saves, Ctrl+Q quits.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

POEDIT = shutil.which("poedit")
XVFB = shutil.which("Xvfb")
XDOTOOL = shutil.which("xdotool")
MSGCAT = shutil.which("msgcat")

#: Why the Poedit tests cannot run here, or None.
MISSING = (
    "poedit is not installed (make test installs it: Debian package poedit)"
    if POEDIT is None
    else "Xvfb or xdotool is not installed (make test installs them: Debian packages xvfb, xdotool)"
    if XVFB is None or XDOTOOL is None
    else "msgcat is not installed (Poedit saves through it; make setup installs gettext)"
    if MSGCAT is None
    else None
)

needs_poedit = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

TRANSLATOR = "Ana Revisora"
TRANSLATOR_EMAIL = "ana@example.org"

#: Poedit's settings file ($XDG_CONFIG_HOME/poedit/config, wxFileConfig's format), as the
#: Preferences dialog writes them.
SETTINGS = f"""translator_name={TRANSLATOR}
translator_email={TRANSLATOR_EMAIL}
focus_to_text=1
enable_spellchecking=0
"""
#: Preferences → Advanced: "Preserve formatting of existing files" unticked (ticked by default), so
#: that Poedit wraps at "Wrap at:" (79, msgcat's width) instead of a width it guesses from the file.
KEEP_NO_FORMATTING = "keep_crlf=0\n"

#: The display Poedit is shown on (its window fits: no window manager places it).
SCREEN = ["-screen", "0", "1280x1024x24", "-nolisten", "tcp"]
#: Seconds to wait for a window, a save, Poedit's exit.
TIMEOUT = 30.0
#: Seconds for Poedit to act on a key before the next one, and to select the entry a second
#: ``poedit --line`` told it (that one ends once it has handed it over, not once it is done).
SETTLE = 0.4
CHOOSE_SETTLE = 1.0


class PoeditError(AssertionError):
    """Poedit did not do what it was asked in time (the message says what it showed)."""


@dataclass
class Edit:
    """What a translator does to one entry: choose it by its msgid, write ``text`` over its
    translation (None: leave it) and toggle "Needs work" when ``toggle_needs_work``."""

    msgid: str
    text: str | None = None
    toggle_needs_work: bool = False


def msgid_line(po: Path, msgid: str) -> int:
    """The line (1-based) where the entry of ``msgid`` (its first line as written, ``msgid "…"``
    or ``msgid ""`` then its text) begins, as Poedit's ``--line`` wants it."""
    lines = po.read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines):
        if line.startswith('msgid "') and _string_at(lines, number) == msgid:
            return number + 1
    raise AssertionError(f"{po.name}: no entry with msgid {msgid!r}")


def _string_at(lines: list[str], number: int) -> str:
    """The (unescaped) string that starts on line ``number``: ``msgid "…"`` and its ``"…"`` lines."""
    pieces = [lines[number].split(" ", 1)[1]]
    for line in lines[number + 1 :]:
        if not line.startswith('"'):
            break
        pieces.append(line)
    return _unescape("".join(piece[1:-1] for piece in pieces))


def _unescape(text: str) -> str:
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    return re.sub(r"\\(.)", lambda match: escapes.get(match.group(1), match.group(0)), text)


class Poedit:
    """An X display of its own with Poedit on it, run in ``home`` (see the module's text)."""

    def __init__(self, home: Path, *, preserve_formatting: bool = True) -> None:
        assert MISSING is None, MISSING
        self.home = home
        self.settings = SETTINGS if preserve_formatting else SETTINGS + KEEP_NO_FORMATTING
        self._xvfb: subprocess.Popen[bytes] | None = None
        self._poedit: subprocess.Popen[bytes] | None = None
        self.display = ""
        self.log = home / "poedit.log"

    # -- the display and the environment ------------------------------------------------------------

    def start(self) -> None:
        """Start the display (Xvfb tells the number it took) and write Poedit's settings."""
        for folder in ("config/poedit", "data", "cache", "runtime"):
            (self.home / folder).mkdir(parents=True, exist_ok=True)
        (self.home / "runtime").chmod(0o700)
        (self.home / "config" / "poedit" / "config").write_text(self.settings, encoding="utf-8")
        read, write = os.pipe()
        try:
            self._xvfb = subprocess.Popen(
                [XVFB or "Xvfb", "-displayfd", str(write), *SCREEN],
                pass_fds=(write,),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            os.close(write)
            write = -1
            number = _read_line(read, TIMEOUT)
        finally:
            if write != -1:
                os.close(write)
            os.close(read)
        if not number.isdigit():
            raise PoeditError(f"Xvfb did not start (it said {number!r})")
        self.display = f":{number}"

    def environment(self) -> dict[str, str]:
        """Poedit's environment: the private display, home and XDG folders, no session bus."""
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("XDG_", "DBUS_", "WAYLAND_", "GTK_", "QT_"))
        }
        environment.update(
            DISPLAY=self.display,
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / "config"),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            XDG_RUNTIME_DIR=str(self.home / "runtime"),
            NO_AT_BRIDGE="1",
            LANG="C.UTF-8",
            LC_ALL="C.UTF-8",
            LANGUAGE="en",
        )
        return environment

    def stop(self) -> None:
        """End Poedit and the display (each started here, by its own process group)."""
        for process in (self._poedit, self._xvfb):
            if process is not None and process.poll() is None:
                _end(process)
        self._poedit = self._xvfb = None

    # -- what a translator does ---------------------------------------------------------------------

    def open(self, po: Path, line: int = 0) -> str:
        """Open ``po`` (at the entry of ``line``, when given) and wait for its window; its id."""
        log = self.log.open("ab")
        try:
            self._poedit = subprocess.Popen(
                [POEDIT or "poedit", *([f"--line={line}"] if line else []), str(po)],
                env=self.environment(),
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        finally:
            log.close()
        window = self._window(po)
        time.sleep(SETTLE)
        return window

    def choose(self, po: Path, line: int) -> None:
        """Choose the entry of ``line`` in the open ``po``, as ``poedit --line`` does a second time
        (that second Poedit hands the file and line to the first and ends, always with status 1)."""
        try:
            done = subprocess.run(
                [POEDIT or "poedit", f"--line={line}", str(po)],
                env=self.environment(),
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PoeditError(f"poedit --line={line} did not end; windows: {self.windows()}") from None
        said = done.stderr.decode(errors="replace")
        if "Failed to communicate" in said or "Error" in said:
            raise PoeditError(f"poedit --line={line} failed: {said[-500:]}")
        time.sleep(CHOOSE_SETTLE)

    def keys(self, window: str, *keys: str) -> None:
        """Press ``keys`` (xdotool names: ctrl+s) in ``window``."""
        self._xdotool("windowfocus", "--sync", window)
        self._xdotool("key", "--clearmodifiers", "--delay", "60", *keys)
        time.sleep(SETTLE)

    def write(self, window: str, text: str) -> None:
        """Write ``text`` over the translation being edited (Ctrl+A, then typed; xdotool types a
        capital letter outside ASCII as a small one: Ñ comes out ñ)."""
        self.keys(window, "ctrl+a")
        self._xdotool("type", "--clearmodifiers", "--delay", "25", "--", text)
        time.sleep(SETTLE)

    def save(self, window: str, po: Path) -> None:
        """Ctrl+S, and wait until ``po`` is written again."""
        before = _stamp(po)
        self.keys(window, "ctrl+s")
        deadline = time.monotonic() + TIMEOUT
        while _stamp(po) == before:
            if time.monotonic() > deadline:
                raise PoeditError(f"Poedit did not save {po.name}; its windows: {self.windows()}")
            time.sleep(0.1)

    def quit(self, window: str) -> None:
        """Ctrl+Q, and wait for Poedit to end (a question left open is an error: nothing unsaved)."""
        assert self._poedit is not None
        self.keys(window, "ctrl+q")
        try:
            self._poedit.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise PoeditError(f"Poedit did not quit; its windows: {self.windows()}") from None

    def windows(self) -> list[str]:
        """The names of the display's windows (what Poedit shows), for a failure's message."""
        found = subprocess.run(
            [XDOTOOL or "xdotool", "search", "--onlyvisible", "--name", "."],
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        names = []
        for window in found.stdout.split():
            named = subprocess.run(
                [XDOTOOL or "xdotool", "getwindowname", window],
                env=self.environment(),
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                check=False,
            )
            names.append(named.stdout.strip())
        return names

    # -- helpers ------------------------------------------------------------------------------------

    def _window(self, po: Path) -> str:
        """The id of the visible window whose title begins with ``po``'s name (Poedit's editor)."""
        pattern = "^" + re.escape(po.name) + r"\b"
        try:
            found = self._xdotool("search", "--sync", "--onlyvisible", "--name", pattern)
        except subprocess.TimeoutExpired:
            log = self.log.read_text(encoding="utf-8", errors="replace")[-1500:]
            raise PoeditError(f"no window for {po.name}; windows: {self.windows()}; log: {log}") from None
        return found.split()[0]

    def _xdotool(self, *arguments: str) -> str:
        done = subprocess.run(
            [XDOTOOL or "xdotool", *arguments],
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if done.returncode != 0:
            raise PoeditError(f"xdotool {' '.join(arguments)}: {done.stderr.strip()}")
        return done.stdout


def _read_line(fd: int, timeout: float) -> str:
    """What is written on ``fd`` up to a newline (or its end), within ``timeout`` seconds."""
    import select

    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        chunk = os.read(fd, 64)
        if not chunk:
            break
        data += chunk
    return data.decode(errors="replace").strip()


def _stamp(path: Path) -> tuple[int, int] | None:
    """What changes when a file is written again (Poedit replaces it: a new inode)."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_mtime_ns


def _end(process: subprocess.Popen[bytes]) -> None:
    """End ``process`` and its group (started in a session of its own): TERM, then KILL."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def poedit(home: Path, *, preserve_formatting: bool = True) -> Iterator[Poedit]:
    """A :class:`Poedit` on its own display, everything it started ended at the end
    (``preserve_formatting``: see :data:`KEEP_NO_FORMATTING`)."""
    session = Poedit(home, preserve_formatting=preserve_formatting)
    try:
        session.start()
        yield session
    finally:
        session.stop()


def save_in_poedit(
    po: Path, home: Path, edits: tuple[Edit, ...] = (), *, preserve_formatting: bool = True
) -> None:
    """What a translator does: open ``po`` in Poedit, make ``edits`` (none: a save as it opened),
    save, quit. Each entry is chosen by its line as the file was before (Poedit's line numbers).
    ``preserve_formatting``: Poedit's setting of that name (see :data:`KEEP_NO_FORMATTING`)."""
    lines = [msgid_line(po, edit.msgid) for edit in edits]
    with poedit(home, preserve_formatting=preserve_formatting) as session:
        window = session.open(po, lines[0] if lines else 0)
        for index, (edit, line) in enumerate(zip(edits, lines, strict=True)):
            if index:
                session.choose(po, line)
            if edit.text is not None:
                session.write(window, edit.text)
            if edit.toggle_needs_work:
                session.keys(window, "ctrl+u")
        session.save(window, po)
        session.quit(window)
