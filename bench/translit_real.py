"""citefmt's References entries against a Russian journal's own (issue 14).

The oracle is the journal «Известия вузов. Ядерная энергетика» (Nuclear Energy and Technology):
its website repository (nuclear-power-engineering/nuclear-power-engineering, MIT) holds every
article's printed "Ссылки" list and its printed "References" list. For each Russian journal
article cited, citefmt writes the References entry from the original entry (English title and
official journal name from the page's second list, the journal's scheme BGN) in the journal's
house layout, and the two are compared; each difference is classified (tests/translit_real_data.py).

Usage:
  python bench/translit_real.py                      # figures over the manifest's pages
  python bench/translit_real.py --show VERDICT       # also print the entries with that verdict
  python bench/translit_real.py --write-manifest 2023 2024   # choose the pages of those years

Needs the mirror: fetch github:nuclear-power-engineering/nuclear-power-engineering with the
search tool (it lands in /work/.mirror); without it the script says so and exits 2.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from translit_real_data import (
    JOURNAL_SCHEME,
    MANIFEST,
    REPO,
    compare_page,
    entries,
    git_dir,
    git_show,
    is_russian_article,
    load,
    manifest,
)


def write_manifest(years: list[str]) -> None:
    gd = git_dir(REPO)
    if gd is None:
        sys.exit(f"no mirror of {REPO}")
    commit = subprocess.run(["git", f"--git-dir={gd}", "rev-parse", "HEAD"], check=True,
                            capture_output=True, text=True).stdout.strip()
    listing = subprocess.run(["git", f"--git-dir={gd}", "ls-tree", "-r", "--name-only", commit],
                             check=True, capture_output=True, text=True).stdout.split()
    pages = []
    for ru_path in sorted(p for p in listing if p.startswith("content/article/")):
        year = ru_path.split("/")[2]
        en_path = "content_en/" + ru_path.removeprefix("content/")
        if year not in years or en_path not in listing:
            continue
        ru, en = git_show(gd, commit, ru_path), git_show(gd, commit, en_path)
        if ru is None or en is None:
            continue
        original = entries(ru.decode("utf-8"))
        if (not original or len(original) != len(entries(en.decode("utf-8")))
                or not any(map(is_russian_article, original))):
            continue
        pages.append({"ru_path": ru_path, "en_path": en_path, "commit": commit,
                      "ru_sha256": hashlib.sha256(ru).hexdigest(),
                      "en_sha256": hashlib.sha256(en).hexdigest()})
    data = {
        "source": {
            "repo": REPO, "licence": "MIT",
            "journal": "Известия вузов. Ядерная энергетика / Nuclear Energy and Technology "
                       "(ISSN 0204-3327), https://nuclear-power-engineering.ru",
            "what": "content/article/…: the Russian article page with the printed «Ссылки» "
                    "list; content_en/article/…: the English page with the printed References "
                    "list; pages of the years chosen whose two lists have the same length and "
                    "cite at least one Russian journal article",
            "rules": "content_en/rules.md (transliteration: translit.ru, BGN style), "
                     "content_en/latin-guide.1.md, content/latin-guide.md",
            "years": years,
        },
        "pages": pages,
    }
    MANIFEST.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(pages)} pages written to {MANIFEST}")


def _group(reason: str) -> str:
    """A reason without the entry's own strings, to count like reasons together."""
    m = re.match(r"name .*?: (scheme \S+|the author's own spelling)", reason)
    if m:
        return "name: " + m.group(1)
    return re.split(r" \(|['\"\[]", re.sub(r"\d+", "N", reason))[0].rstrip(": ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write-manifest", nargs="+", metavar="YEAR")
    parser.add_argument("--show", action="append", default=[])
    parser.add_argument("--scheme", default=JOURNAL_SCHEME,
                        help="the scheme citefmt writes with (default: the journal's, bgn)")
    args = parser.parse_args()
    if args.write_manifest:
        write_manifest(args.write_manifest)
        return 0
    verdicts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    names = [0, 0]
    pages = 0
    for page in manifest():
        loaded = load(page)
        if isinstance(loaded, str):
            print(f"skipped: {loaded}", file=sys.stderr)
            return 2
        results = compare_page(page, *loaded, scheme=args.scheme)
        pages += bool(results)
        for r in results:
            verdicts[r.verdict] += 1
            names[0] += r.names[0]
            names[1] += r.names[1]
            for reason in r.reasons:
                reasons[_group(reason)] += 1
            if r.verdict in args.show:
                print(f"{r.page} #{r.number} [{r.verdict}]\n  original: {r.original}\n"
                      f"  journal:  {r.journal}\n  citefmt:  {r.ours}")
                for reason in r.reasons:
                    print(f"    - {reason}")
    total = sum(verdicts.values())
    explained = sum(verdicts[v] for v in ("scheme", "house", "translation", "journal-error"))
    print(f"{total} Russian journal articles cited on {pages} pages of {REPO} "
          f"(scheme {args.scheme})")
    print(f"equal {verdicts['equal']}, explained {explained} (scheme {verdicts['scheme']}, "
          f"house style {verdicts['house']}, English translation cited "
          f"{verdicts['translation']}, journal's error {verdicts['journal-error']}), "
          f"unexplained {verdicts['citefmt']}")
    if names[0]:
        print(f"author names compared {names[0]}, written as {args.scheme} writes them "
              f"{names[1]} ({100 * names[1] / names[0]:.1f} %)")
    for reason, n in reasons.most_common():
        print(f"  {n:5d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
