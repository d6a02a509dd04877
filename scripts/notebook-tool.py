"""Helpers for scripts/notebooks, run with Debian's /usr/bin/python3.

  check-clean NB...      fail when a notebook holds outputs or execution counts
  strip NB...            remove outputs and execution counts in place (before committing)
  make-broken PATH       write a notebook whose second cell fails (the runner's self-check)
  execute OUTDIR NB...   run each notebook top to bottom with nbclient; write OUTDIR/NAME.ipynb
                         and OUTDIR/NAME.html; fail on the first cell error, or when an executed
                         notebook shows no image
"""

import os
import re
import sys
import time

import nbformat

KERNEL = "python3"


def dirty_cells(nb):
    return [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]


def check_clean(paths):
    bad = []
    for path in paths:
        cells = dirty_cells(nbformat.read(path, as_version=4))
        if cells:
            bad.append(f"{path}: cells {cells} hold outputs; run scripts/notebook-tool.py strip {path}")
    for line in bad:
        print(line, file=sys.stderr)
    if not paths:
        print("no notebooks given", file=sys.stderr)
        return 1
    return 1 if bad else 0


def strip(paths):
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
            cell.metadata.pop("execution", None)
        nbformat.write(nb, path)
    return 0


def make_broken(path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("assert x == 2, 'deliberately broken cell'"),
    ]
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return 0


def images(nb):
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if "image/png" in out.get("data", {}) or "image/svg+xml" in out.get("data", {})
    )


def execute(outdir, paths):
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter

    timeout = int(os.environ.get("NOTEBOOK_TIMEOUT", "600"))
    os.makedirs(outdir, exist_ok=True)
    failed = []
    for path in paths:
        name = os.path.splitext(os.path.basename(path))[0]
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name=KERNEL,
            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        )
        started = time.monotonic()
        error = None
        try:
            client.execute()
        except CellExecutionError as e:
            lines = re.sub(r"\x1b\[[0-9;]*m", "", str(e)).strip().splitlines()
            error = "\n".join(lines[:12] + ["..."] + lines[-6:]) if len(lines) > 24 else "\n".join(lines)
        except Exception as e:  # a dead kernel or a timeout fails the run as well
            error = f"{type(e).__name__}: {e}"
        seconds = time.monotonic() - started
        nbformat.write(nb, os.path.join(outdir, name + ".ipynb"))
        html, _ = HTMLExporter().from_notebook_node(nb)
        with open(os.path.join(outdir, name + ".html"), "w", encoding="utf-8") as f:
            f.write(html)
        if error is None and images(nb) == 0:
            error = "the executed notebook shows no figure"
        if error is None:
            print(f"ok     {path} ({seconds:.1f} s, {images(nb)} figures)", file=sys.stderr)
        else:
            print(f"FAILED {path} ({seconds:.1f} s)\n{error}", file=sys.stderr)
            failed.append(path)
    if failed:
        print(f"{len(failed)} notebook(s) failed: {' '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    command, args = argv[1], argv[2:]
    if command == "check-clean":
        return check_clean(args)
    if command == "strip":
        return strip(args)
    if command == "make-broken" and len(args) == 1:
        return make_broken(args[0])
    if command == "execute" and len(args) >= 2:
        return execute(args[0], args[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
