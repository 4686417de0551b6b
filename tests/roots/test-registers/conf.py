extensions = ["sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
edition_witness = "witness.txt"
exclude_patterns = ["_build"]
html_theme = "basic"
