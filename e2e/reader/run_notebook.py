"""Execute a notebook headless, cell by cell, and fail on the first cell
that fails: python run_notebook.py NOTEBOOK. The notebook file is not
changed (it is stored without outputs)."""
import sys

import nbformat
from nbclient import NotebookClient


def main():
    nb = nbformat.read(sys.argv[1], as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    figures = sum(1 for c in nb.cells if c.cell_type == "code"
                  for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
    print(f"{len(nb.cells)} cells executed, {figures} figures")


if __name__ == "__main__":
    main()
