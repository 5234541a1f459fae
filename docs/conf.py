"""Sphinx configuration for the animerec site, built from the notebooks in nbs/ by docs/build.py."""
project = "animerec"
author = "animerec developers"
copyright = "2026, animerec developers"

extensions = ["myst_nb", "sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode"]
html_theme = "furo"
html_title = "animerec"
html_favicon = "_static/favicon.svg"
html_static_path = ["_static"]
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

# Stage notebooks are executed at build time so that every page shows real outputs and plots;
# the master notebook is shown as written (its outputs are on the "Latest report" page).
nb_execution_mode = "force"
nb_execution_timeout = 900
nb_execution_raise_on_error = True
nb_execution_excludepatterns = ["10_master.ipynb"]
nb_merge_streams = True
nb_output_stderr = "remove"   # TensorFlow start-up lines and library warnings are not part of the story

autodoc_member_order = "bysource"
autodoc_typehints = "description"
suppress_warnings = ["myst.header", "misc.highlighting_failure"]
