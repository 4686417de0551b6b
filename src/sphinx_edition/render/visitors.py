"""How each builder renders the extension's nodes (visitor functions per output format)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from sphinx_edition.locale import _, date_words
from sphinx_edition.render.base import WEB_BUILDERS

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator

    from sphinx_edition.markup.nodes import backref_list, paragraph_number, witness_paragraph


def visit_paragraph_html(self: HTML5Translator, node: witness_paragraph) -> None:
    self.body.append(self.starttag(node, "div", CLASS="ed-paragraph", **{"data-n": node["n"]}))


def depart_paragraph_html(self: HTML5Translator, node: witness_paragraph) -> None:
    self.body.append("</div>\n")


def visit_paragraph_latex(self: LaTeXTranslator, node: witness_paragraph) -> None:
    # The ¶ anchor becomes a hypertarget, so that a ¶ can be linked to in the PDF as on the
    # web.  Other ids on the node come from targets, which Sphinx labels itself.
    self.body.append("\n" + self.hypertarget(f"p{node['n']}", anchor=False))


def depart_paragraph_latex(self: LaTeXTranslator, node: witness_paragraph) -> None:
    self.body.append("\n")


def visit_entry_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    # The entry's anchor gets a label, so that the registers' indexes give its page number
    # (\pageref) instead of "??", and links to it resolve.
    self.visit_container(node)
    self.body.append(self.hypertarget_to(node, anchor=True))


def visit_mention_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    # The mention's anchor is labelled, so that the registers' back-references lead to it.
    self.body.append(self.hypertarget_to(node, anchor=True))
    self.visit_inline(node)


def visit_number_html(self: HTML5Translator, node: paragraph_number) -> None:
    label = escape(_("Paragraph {n}").format(n=node["n"]))
    self.body.append(f'<a class="ed-pnum" href="#{node["refid"]}" aria-label="{label}">')


def depart_number_html(self: HTML5Translator, node: paragraph_number) -> None:
    self.body.append("</a>")
    if self.builder.name in WEB_BUILDERS:
        # The "cite" button, hidden without scripts; with them it is drawn with the page
        # (sphinx-edition.css), so that the first line does not reflow when sphinx-edition.js
        # gives it its dialog.
        label = escape(_("Cite paragraph {n}").format(n=node["n"]))
        title = escape(_("Cite this paragraph"))
        # Translators: the small button beside a paragraph's number that opens its citation;
        # keep it short (about five letters): it stands in the margin.
        word = escape(_("cite"), quote=False)
        self.body.append(
            # The bare attribute, as the HTML standard writes it: pages on the web only.
            '<button type="button" class="ed-cite" hidden aria-haspopup="dialog"'
            f' aria-label="{label}" title="{title}">{word}</button>'
        )
    self.body.append(" ")


def visit_number_latex(self: LaTeXTranslator, node: paragraph_number) -> None:
    self.body.append(r"\textbf{\small ")


def depart_number_latex(self: LaTeXTranslator, node: paragraph_number) -> None:
    self.body.append(r"}\enspace ")


def _append(self: Any, text: str) -> None:
    # The text builder collects text through add_text; man and texinfo write to body.
    if hasattr(self, "add_text"):
        self.add_text(text)
    else:
        self.body.append(text)


def visit_number_text(self: Any, node: nodes.Element) -> None:
    """Plain-text builders (text, man, texinfo) show the number followed by a space."""
    self.visit_inline(node)


def depart_number_text(self: Any, node: nodes.Element) -> None:
    self.depart_inline(node)
    _append(self, " ")


def visit_container_default(self: Any, node: nodes.Element) -> None:
    """Builders without a special rendering treat a witness paragraph as a container."""
    self.visit_container(node)


def depart_container_default(self: Any, node: nodes.Element) -> None:
    self.depart_container(node)


def visit_inline_default(self: Any, node: nodes.Element) -> None:
    self.visit_inline(node)


def depart_inline_default(self: Any, node: nodes.Element) -> None:
    self.depart_inline(node)


def _date_title(node: nodes.Element, language: str | None) -> str:
    """The normalised date readers see on hover: '11 September 1969', with Old Style noted."""
    from sphinx_edition.core import dates

    value = node.get("value", "")
    if not value:
        return ""
    words = date_words(language)
    if node.get("calendar") == "julian":
        gregorian = dates.julian_to_gregorian(value)
        # Translators: a date of the Julian calendar and the same day in the Gregorian one.
        return _("{julian} (Old Style) = {gregorian} (New Style)").format(
            julian=dates.display(value, words), gregorian=dates.display(gregorian, words)
        )
    return dates.display(value, words)


def visit_mention_html(self: HTML5Translator, node: nodes.inline) -> None:
    """A resolved mention is one link that carries the mention's id and classes.

    The words of a page's 141 mentions went through three elements each (a span for the id, a
    link, a span for the cross-reference classes); one is enough.  A mention whose link holds
    more than words (another editorial node inside it) keeps the general rendering.
    """
    link = node.children[0] if len(node.children) == 1 else None
    if not isinstance(link, nodes.reference) or not all(
        isinstance(n, nodes.Text | nodes.inline) for n in link.findall(include_self=False)
    ):
        self.visit_inline(node)
        return
    href = link.get("refuri") or "#" + link.get("refid", "")
    self.body.append(self.starttag(node, "a", "", href=href))
    self.body.append(self.encode(link.astext()))
    self.body.append("</a>")
    raise nodes.SkipNode


def depart_mention_html(self: HTML5Translator, node: nodes.inline) -> None:
    self.depart_inline(node)


def visit_lemma_html(self: HTML5Translator, node: nodes.Element) -> None:
    # No id on the web: nothing links to a lemma there (the TEI export keeps it).
    self.body.append(f'<span class="{" ".join(node["classes"])}">')


def depart_lemma_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


def visit_date_html(self: HTML5Translator, node: nodes.Element) -> None:
    title = _date_title(node, self.config.language)
    value = node.get("value", "")
    attributes: dict[str, Any] = {"CLASS": "ed-date"}
    if title:
        attributes["title"] = title
    simple = value.replace("-", "").isdigit() and node.get("calendar") != "julian"
    if simple and len(value) in (4, 7, 10):
        attributes["datetime"] = value
        self.body.append(self.starttag(node, "time", "", **attributes))
        node["ed_tag"] = "time"
    else:
        self.body.append(self.starttag(node, "span", "", **attributes))
        node["ed_tag"] = "span"


def depart_date_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(f"</{node['ed_tag']}>")


def visit_note_html(self: HTML5Translator, node: nodes.Element) -> None:
    # role=note: a note is not a landmark, so it needs no name of its own; its head says
    # which note it is.
    self.body.append(self.starttag(node, "aside", "", role="note"))


def depart_note_html(self: HTML5Translator, node: nodes.Element) -> None:
    # On narrow screens a note opens on its own; this link closes it and returns to the text.
    # A web page's notes get it from notes.js (50 links of the same words are 4 kB of every
    # page); an EPUB, whose readers run no script, has it in the page.
    words = escape(_("Back to the text"), quote=False)
    back = f'<a class="ed-note-back" href="#ref-{node["anchor"]}">{words}</a>'
    self.body.append(("" if self.builder.name in WEB_BUILDERS else back) + "</aside>\n")


def visit_plain_link_html(self: HTML5Translator, node: nodes.Element) -> None:
    href = node.get("refuri") or f"#{node.get('refid', '')}"
    self.body.append(f'<a href="{self.encode(href)}">')


def depart_plain_link_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</a>")


def visit_as_reference(self: Any, node: nodes.Element) -> None:
    """Any other builder writes a plain link as the reference it is."""
    self.visit_reference(node)


def depart_as_reference(self: Any, node: nodes.Element) -> None:
    self.depart_reference(node)


def visit_inline_html(self: HTML5Translator, node: nodes.inline) -> None:
    # A citation in a note is its link and brackets: sphinxcontrib-bibtex's wrapper span and
    # its id are referred to by nothing on the page (125 of them were 5 kB of the text page).
    if "bibtex-citation" not in node.get("classes", ()):
        HTML5Translator.visit_inline(self, node)


def depart_inline_html(self: HTML5Translator, node: nodes.inline) -> None:
    if "bibtex-citation" not in node.get("classes", ()):
        HTML5Translator.depart_inline(self, node)


def visit_backref_list_html(self: HTML5Translator, node: backref_list) -> None:
    # What HTML5Translator writes for the tree of nodes the other builders get (a container,
    # a paragraph, and a list of one paragraph per place: a link and the snippet), written at
    # once; tests/test_registers.py checks that the two are the same, byte for byte.
    body = [self.starttag(node, "div", CLASS="docutils container")]
    encode, attval = self.encode, self.attval
    if not node["links"]:
        body.append(f"<p>{encode(node['heading'])}</p>\n</div>\n")
        self.body.append("".join(body))
        raise nodes.SkipNode
    body.append(f'<p class="ed-backrefs-title">{encode(node["heading"])}</p>\n')
    body.append('<ul class="ed-backrefs-list simple">\n')
    for href, title, where, snippet in node["links"]:
        body.append(
            f'<li><p><a class="reference internal" href="{attval(href)}" title="{attval(title)}">'
            f'<span>{encode(where)}</span></a> <span class="ed-snippet">{encode(snippet)}</span>'
            "</p></li>\n"
        )
    body.append("</ul>\n</div>\n")
    self.body.append("".join(body))
    raise nodes.SkipNode


def visit_note_ref_html(self: HTML5Translator, node: nodes.Element) -> None:
    # Raised by the style sheet rather than <sup>: the same look in fewer bytes, 48 times.
    label = escape(_("Note {number}").format(number=node.get("number") or ""))
    self.body.append(
        f'<a class="ed-note-ref" href="#{node["anchor"]}" id="ref-{node["anchor"]}" '
        f'role="doc-noteref" aria-label="{label}">'
    )


def depart_note_ref_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</a>")


def visit_note_body_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append('<div class="ed-note-body">')


def depart_note_body_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_note_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    # Moved next to its marker by the LaTeX post-transform, the note becomes a footnote; its
    # anchor is labelled there, so that the apparatus's links to it resolve.
    self.body.append(r"\footnote{" + self.hypertarget_to(node, anchor=True))


def depart_note_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("}")


def visit_lemma_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    # The lemma is visibly marked in the PDF too: set in the link colour.
    self.body.append(r"\textcolor[RGB]{0,70,140}{")


def depart_lemma_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("}")


def skip(self: Any, node: nodes.Element) -> None:
    """Outside the web, the corrected reading stands only in the note, and the footnote
    mark stands for the marker."""
    raise nodes.SkipNode
