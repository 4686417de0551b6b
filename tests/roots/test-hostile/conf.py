# Every field an editor fills in holds a hostile string: markup, quotes, a javascript: URL,
# very long and right-to-left text.  They must reach the reader as text, never as markup.
extensions = ["sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
edition_witness = "witness.txt"
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "Hostile strings"
