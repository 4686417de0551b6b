extensions = ["sphinx_edition"]
myst_enable_extensions = ["colon_fence"]
language = "zh_CN"
# Only the order is tested here: entries that nothing mentions are not reported.
edition_checks = False
exclude_patterns = ["_build"]
html_theme = "basic"
