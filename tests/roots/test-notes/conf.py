extensions = ["sphinxcontrib.bibtex", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
edition_witness = "witness.txt"
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
exclude_patterns = ["_build"]
html_theme = "basic"
latex_engine = "xelatex"
