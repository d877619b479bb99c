#!/usr/bin/env python3
"""Medians of the Markdown tables printed by several runs of a bench binary.

    cargo bench -p error-code-bench --bench runtime > run1.txt   # and run2, run3
    python3 benches/median.py run1.txt run2.txt run3.txt

Rows are matched by their label columns (operation, variants, order, path,
case); each other cell (`12.3`, `1.05×`) becomes the median over the runs,
number by number (`365 (json!), 168 (derive(Serialize))`).
"""

import re
import statistics
import sys

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def tables(path):
    """Yields (header, rows) for each Markdown table of the file."""
    header, rows = None, []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if header is None:
                header = cells
            elif not all(set(c) <= set("-:") for c in cells):
                rows.append(cells)
        elif header is not None:
            yield header, rows
            header, rows = None, []
    if header is not None:
        yield header, rows


# The headers of the columns that name a row rather than measure it.
LABELS = {"operation", "variants", "order", "path", "case", "kind", "impl"}


def key(header, row):
    return tuple(c for h, c in zip(header, row) if h in LABELS)


def merge(cells):
    """The median of each number in `cells`, in the first cell's text."""
    numbers = [[float(n) for n in NUMBER.findall(c)] for c in cells]
    if len({len(n) for n in numbers}) != 1 or not numbers[0]:
        return cells[0]
    medians = iter(statistics.median(col) for col in zip(*numbers))

    def put(match):
        value = next(medians)
        decimals = len(match.group(0).split(".")[1]) if "." in match.group(0) else 0
        return f"{value:.{decimals}f}"

    return NUMBER.sub(put, cells[0])


def main(paths):
    runs = [list(tables(p)) for p in paths]
    for t, (header, rows) in enumerate(runs[0]):
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
        others = [{key(header, r): r for r in run[t][1]} for run in runs[1:] if t < len(run)]
        for row in rows:
            k = key(header, row)
            matching = [row] + [o[k] for o in others if k in o]
            merged = [
                cells[0] if h in LABELS else merge(list(cells))
                for h, cells in zip(header, zip(*matching))
            ]
            print("| " + " | ".join(merged) + " |")
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
