extensions = ["sphinx_edition"]
latex_engine = "xelatex"
latex_documents = [("index", "fonts.tex", "Fonts", "Test", "howto")]
exclude_patterns = ["_build"]
