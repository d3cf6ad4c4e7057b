"""HTML articles exported from WordPress: the shortcodes the site registers are markup.

With ``[extract.shortcodes] wordpress`` naming them, an HTML article (one without front matter) is
read as any other, its shortcodes found first (see :mod:`.wp_shortcodes`), each one token: kept as
written, or a placeholder in its sentence; the parameters named in ``translate_params`` are units;
and a translation's own ``[name …]`` is written so that WordPress shows it rather than runs it.
"""

from __future__ import annotations

import functools
from pathlib import Path

from .document import AttrSlot, Document, TextSlot, slots_in
from .escape import quoted_attribute
from .html import read_html
from .html_templates import tokens_with_templates
from .md_templates import closed_pairs, outermost
from .options import ReadOptions
from .shortcode_parts import param_parts, with_param_parts
from .wp_shortcodes import VERBATIM, shortcode_templates, without_shortcodes


def read_wordpress_html(
    text: str, path: Path, encoding: str, options: ReadOptions, *, display_path: str | None = None
) -> Document:
    """The :class:`Document` of an HTML article exported from WordPress, already decoded to
    ``text``; ArticleError (with the line) for broken markup, as for any HTML article."""
    templates = shortcode_templates(text, options.wordpress_shortcodes)
    verbatim = [
        (opener, closer) for opener, closer in closed_pairs(templates) if opener.name in VERBATIM
    ]  # (an [embed]'s address, a [code] block: one token each with what they hold)
    tokens = tokens_with_templates(text, 0, templates, outermost(verbatim)) if templates else None
    document = read_html(text, path, encoding, options, display_path=display_path, tokens=tokens)
    with_params = param_parts(text, templates, options)
    if with_params:
        document.parts = with_param_parts(document.parts, with_params)
    for slot in slots_in(document.parts):
        if isinstance(slot, TextSlot):
            slot.escape = functools.partial(without_shortcodes, write=slot.escape, kept=slot.msgid)
        elif isinstance(slot, AttrSlot):  # (WordPress runs the shortcodes in a tag's attributes too)
            write = slot.write or quoted_attribute
            slot.write = functools.partial(without_shortcodes, write=write, kept=slot.msgid)
    return document
