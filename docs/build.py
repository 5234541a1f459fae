"""Build the documentation site into _docs/ from nbs/, offline, with Sphinx, myst-nb and furo.

    python docs/build.py [--out _docs]

Copies the notebooks and README into a staging folder, writes the generated pages (API
reference, command-line help, master-notebook parameters, latest report), then runs
sphinx-build with warnings as errors, so a broken internal link or reference fails the build.
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
MODULES = ["data", "sample", "prepare", "config", "model", "rowadam", "recommend", "evaluate", "report", "cli"]
STAGES = ["00_data", "01_sample", "02_prepare", "03_config", "04_model", "04a_rowadam", "05_recommend", "06_report", "07_evaluate",
          "10_master", "90_cli"]


def write_page_notebook(source: Path, dest: Path):
    "Copy a notebook for the site: `#| hide` cells run but not shown, nbdev directive lines removed."
    import nbformat
    nb = nbformat.read(source, as_version=4)
    cells = []
    for cell in nb.cells:
        lines = cell.source.splitlines()
        if cell.cell_type == "code" and any(l.strip() in ("#| hide", "#|hide") for l in lines):
            cell.metadata.setdefault("tags", []).append("remove-cell")   # myst-nb runs it, hides it
        if cell.cell_type == "code":
            cell.source = "\n".join(l for l in lines if not l.lstrip().startswith("#|")).strip()
            if not cell.source:
                continue
        cells.append(cell)
    nb.cells = cells
    nbformat.write(nb, dest)


def api_page() -> str:
    parts = ["# API reference\n", "Every exported function and class, by module.\n"]
    for m in MODULES:
        parts.append(f"\n## animerec.{m}\n\n```{{eval-rst}}\n.. automodule:: animerec.{m}\n"
                     "   :members:\n   :show-inheritance:\n```\n")
    return "".join(parts)


def cli_page() -> str:
    exe = Path(sys.executable).parent / "animerec"
    helptext = lambda *a: subprocess.run([str(exe), *a, "--help"], capture_output=True, text=True,
                                         check=True).stdout
    parts = ["# Command line\n\n`animerec` runs every stage from a shell. Errors in the data or the "
             "arguments end with one line on stderr and exit status 2.\n\n```text\n", helptext(), "```\n"]
    for command in ("sample", "prepare", "train", "run", "recommend", "similar", "evaluate"):
        parts += [f"\n## animerec {command}\n\n```text\n", helptext(command), "```\n"]
    return "".join(parts)


def parameters_page() -> str:
    import nbformat
    nb = nbformat.read(ROOT / "nbs" / "10_master.ipynb", as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    rows = []
    for line in cell.source.splitlines():
        m = re.match(r"(\w+): (\w+) = (.+?)\s+# (.*)", line)
        if m:
            rows.append("| `{}` | {} | `{}` | {} |".format(*m.groups()))
    return ("# Master notebook parameters\n\nThe first code cell of [the master notebook](10_master.ipynb), "
            "tagged `parameters`. Each one can be changed with papermill (`-p NAME VALUE`) or "
            "`animerec run -p NAME VALUE`.\n\n| name | type | default | meaning |\n| --- | --- | --- | --- |\n"
            + "\n".join(rows) + "\n")


def report_page(static: Path) -> str:
    runs = sorted((ROOT / "reports").glob("*/metrics.json"), key=lambda p: p.stat().st_mtime)
    if not runs:
        return "# Latest report\n\nNo run yet: `make run` writes one into `reports/`.\n"
    run = runs[-1].parent
    metrics = json.loads(runs[-1].read_text())
    static.mkdir(parents=True, exist_ok=True)
    for png in ("training_curves.png", "wordcloud.png"):
        if (run / png).exists():
            shutil.copy(run / png, static / png)
    m = metrics["metrics"]
    text = [f"# Latest report\n\nRun `{run.name}` on `{metrics['data']['dir']}`: "
            f"{metrics['data']['kept_rows']:,} rows, {m['epochs_run']} epochs, best validation loss "
            f"{m['best_val_loss']:.4f}, RMSE {m['validation']['model']['rmse']:.3f} against "
            f"{m['validation']['global_mean']['rmse']:.3f} for the global mean.\n\n"
            "## Training curves\n\n![training curves](_static/report/training_curves.png)\n\n"
            "## Favourite genres of the first user\n\n![word cloud](_static/report/wordcloud.png)\n\n"]
    recs = (run / "recommendations.md").read_text().replace("# Sample recommendations", "## Sample recommendations")
    text.append(recs.replace("\n## ", "\n### ").replace("\n### Sample", "\n## Sample"))
    return "".join(text)


def index_page() -> str:
    return ("```{include} README.md\n```\n\n```{toctree}\n:maxdepth: 1\n:caption: Stages\n\n"
            + "\n".join(s for s in STAGES) + "\n```\n\n```{toctree}\n:maxdepth: 1\n:caption: Reference\n\n"
            "api\ncli\nparameters\nreport\n```\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "_docs"))
    args = ap.parse_args()
    src = ROOT / "_proc" / "docs"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    for name in STAGES:
        write_page_notebook(ROOT / "nbs" / f"{name}.ipynb", src / f"{name}.ipynb")
    shutil.copy(ROOT / "README.md", src / "README.md")
    shutil.copy(DOCS / "conf.py", src / "conf.py")
    shutil.copytree(DOCS / "_static", src / "_static")
    pages = {"index.md": index_page(), "api.md": api_page(), "cli.md": cli_page(),
             "parameters.md": parameters_page(), "report.md": report_page(src / "_static" / "report")}
    for name, text in pages.items():
        (src / name).write_text(text)
    out = Path(args.out).resolve()          # sphinx runs from nbs/, so no relative paths past here
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
                    str(src), str(out)], check=True, cwd=ROOT / "nbs")
    print(f"built {len(list(out.rglob('*.html')))} pages into {out}")


if __name__ == "__main__":
    main()
