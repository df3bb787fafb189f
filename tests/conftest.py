import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
# Lets the tests import helpers such as article_reference.py, and the
# repository tools in tools/ (which are not part of the installed package).
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "tools"))

# On CI (CI=true) property tests draw the same examples every run: a failure
# there is reproducible, and a green run stays green. Locally they explore.
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")
