extensions = ["sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
# Only the order is tested here: entries and terms that nothing mentions are not reported.
edition_checks = False
exclude_patterns = ["_build"]
html_theme = "basic"
