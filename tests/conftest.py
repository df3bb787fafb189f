import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
# Lets the tests import helpers such as article_reference.py.
sys.path.insert(0, str(Path(__file__).parent))
