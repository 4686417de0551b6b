# One small edition in every part the extension writes (text and notes of every editorial act,
# the four registers, glossary, timeline, apparatus, data files, bibliography), built by
# tests/test_translations.py in German, French and Chinese (language given by the test).
extensions = ["sphinxcontrib.bibtex", "sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
project = "Grenzkrise"
edition_witness = "witness.txt"
edition_title = "Die Grenzkrise von 1969"
edition_editors = ["Erika Mustermann"]
edition_year = "2026"
edition_license = "CC-BY-4.0"
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
bibtex_tooltips = False
exclude_patterns = ["_build"]
html_theme = "basic"
latex_engine = "xelatex"
latex_documents = [("index", "grenzkrise.tex", "Die Grenzkrise von 1969", "", "howto")]
epub_basename = "grenzkrise"
epub_show_urls = "no"
version = release = "1.0"
copyright = "2026, Erika Mustermann"
