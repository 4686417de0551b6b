"""How each builder renders the extension's nodes (visitor functions per output format)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

    from .nodes import paragraph_number, witness_paragraph


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


def visit_number_html(self: HTML5Translator, node: paragraph_number) -> None:
    n = node["n"]
    self.body.append(
        f'<a class="ed-pnum" href="#{node["refid"]}" '
        f'title="Paragraph {n}: permalink" aria-label="Paragraph {n}">'
    )


def depart_number_html(self: HTML5Translator, node: paragraph_number) -> None:
    self.body.append("</a> ")


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
