"""Command line of the data side: python -m etl {build,check,coverage,propose,evaluate}."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl import build, coverage
from etl.core import audit, catalog, lock


def _load(args: argparse.Namespace) -> catalog.Catalog:
    return catalog.load(Path(args.data))


def cmd_check(args: argparse.Namespace) -> int:
    cat = _load(args)
    problems = catalog.validate(cat)
    if args.doc:
        problems = [p for p in problems if args.doc in p.file or p.file.endswith(("regions.csv", "indicators.csv", "units.csv"))]
    for p in problems:
        print(p)
    print(f"{len(cat.facts)} facts, {len(cat.skipped)} skip rows, {len(problems)} problems")
    return 1 if problems else 0


def cmd_coverage(args: argparse.Namespace) -> int:
    cat = _load(args)
    report = coverage.measure(cat, [args.doc] if args.doc else None)
    for u in report.uncovered:
        print(u)
    print(f"{'doc':6} {'numbers':>8} {'in facts':>9} {'skipped':>8} {'uncovered':>10}")
    for doc, c in report.per_doc.items():
        print(f"{doc:6} {c['numbers']:>8} {c['in_facts']:>9} {c['skipped']:>8} {c['uncovered']:>10}")
    t = report.total
    print(f"{'all':6} {t['numbers']:>8} {t['in_facts']:>9} {t['skipped']:>8} {t['uncovered']:>10}")
    return 1 if t["uncovered"] else 0


def _busy(exc: lock.LockBusy, what: str) -> int:
    print(f"{what}, nothing changed: {exc}", file=sys.stderr)
    return lock.EXIT_BUSY


def cmd_build(args: argparse.Namespace) -> int:
    try:
        with lock.held(Path(args.data), lock.command_line(), wait=args.wait):
            summary = build.build(Path(args.db), Path(args.data))
    except lock.LockBusy as exc:
        return _busy(exc, f"not built, {args.db} left unchanged")
    except (catalog.CatalogError, build.BuildError) as exc:
        print(f"build failed, {args.db} left unchanged:", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
    print(summary)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from etl import add

    try:
        with lock.held(Path(args.data), lock.command_line(), wait=args.wait):
            row = add.add(Path(args.file), Path(args.data), date=args.date, title=args.title,
                          publisher=args.publisher, subject=args.subject)
    except lock.LockBusy as exc:
        return _busy(exc, "not added")
    except add.AddError as exc:
        print(f"not added, nothing changed: {exc}", file=sys.stderr)
        return 1
    copy = f" (text copy of {row['original']})" if row["original"] else ""
    print(f"added {row['doc']}: data/raw/{row['file']}{copy}, status pending, subject {row['subject_region']}, "
          f"year {row['date_inferred']}")
    print(f"next: python -m etl propose {row['doc']}")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    from etl import accept

    data, who = Path(args.data), audit.reviewer(args.who)
    try:
        with lock.held(data, lock.command_line(), wait=args.wait, who=who):
            result = accept.accept(args.doc, data, who=who, proposed=_proposed_now(args.doc, data))
    except lock.LockBusy as exc:
        return _busy(exc, "not accepted")
    except accept.AcceptError as exc:
        print(f"not accepted, nothing changed: {len(exc.problems)} problem(s)", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
    print(result)
    return 0


def _proposed_now(doc: str, data: Path) -> dict[str, dict[str, str]] | None:
    """What propose would write for ``doc`` now, by candidate id: accept's audit compares the review file with
    it when no proposal is kept (data/review/DOC.proposed.csv: the review file was never read by the
    review page, e.g. edited in a spreadsheet). None when a proposal is kept or the page cannot be proposed."""
    from etl import propose
    from etl.core import review

    path = review.review_path(data, doc)
    try:
        _, rows = review.read_review(path, path.name)
        if not rows or review.proposal_matches(review.load_proposed(doc, data), rows):
            return None
        cat = catalog.load(data)
        candidates = propose.propose(propose.page_of(cat, doc), propose.Knowledge.from_catalog(cat))
    except (OSError, KeyError, review.ReviewFileError):
        return None
    return {c.values["candidate_id"]: {k: str(v) for k, v in c.values.items()} for c in candidates}


def cmd_propose(args: argparse.Namespace) -> int:
    from etl import propose

    try:
        path, candidates = propose.run(args.doc, Path(args.data))
    except KeyError as exc:
        print(f"nothing written: {exc.args[0]}", file=sys.stderr)
        return 1
    held = sum(1 for c in candidates if c.values["hold_back"])
    print(f"wrote {path}: {len(candidates)} candidates ({held} held back)")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from etl import evaluate

    problems = _load(args).problems  # the catalogue must at least read: grades of a broken one mean nothing
    if problems:
        print("\n".join(map(str, problems)), file=sys.stderr)
        return 1
    if args.corpus:
        print(evaluate.run_corpus(Path(args.corpus), Path(args.data), out=args.out and Path(args.out),
                                  errors=args.errors and Path(args.errors)))
        return 0
    print(evaluate.run(Path(args.data)))
    return 0


def _wait_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                   help=f"how long to wait for another writer's lock on the catalogue (default: ${lock.WAIT_ENV}, "
                        f"else {lock.DEFAULT_WAIT:g}); then exit {lock.EXIT_BUSY} naming who holds it")


def cmd_synth(args: argparse.Namespace) -> int:
    from etl import synth

    try:
        made = synth.synth(args.facts, Path(args.out), seed=args.seed, data_dir=Path(args.data))
    except ValueError as exc:
        print(f"nothing written: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {made['facts']} facts on {made['pages']} pages (SYNTHETIC, for tests and benchmarks), "
          f"{made['regions']} regions, {made['skipped']} skip rows")
    print(f"next: python -m etl --data {args.out} build --db {Path(args.out) / 'loudi.duckdb'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    parser.add_argument("--data", default=str(catalog.DATA), help="catalogue folder (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="build and publish the DuckDB database (atomically)")
    p.add_argument("--db", default=str(build.DEFAULT_DB), help="database file (default: data/loudi.duckdb)")
    _wait_option(p)
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("check", help="validate the catalogue and print every problem")
    p.add_argument("--doc", help="only problems of this document's files")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("coverage", help="list numbers in the raw pages that are neither facts nor skipped")
    p.add_argument("--doc", help="only this document (e.g. d000)")
    p.set_defaults(func=cmd_coverage)
    p = sub.add_parser("add", help="copy a new page into data/raw/ and register it as pending")
    p.add_argument("file", help="the page: UTF-8 or GBK/GB18030 text, or HTML")
    p.add_argument("--date", help="date printed on the page, YYYY-MM-DD")
    p.add_argument("--title", help="headline(s); default: HTML title or the first line")
    p.add_argument("--publisher", help="newspaper or web site")
    p.add_argument("--subject", help="region code the page is about (default: the region named most often)")
    _wait_option(p)
    p.set_defaults(func=cmd_add)
    p = sub.add_parser("accept", help="move the decided rows of data/review/DOC.csv into the catalogue")
    p.add_argument("doc", help="document id, e.g. d005")
    p.add_argument("--who", help=f"the reviewer named in data/audit.csv (default: ${audit.REVIEWER_ENV}, else the OS user)")
    _wait_option(p)
    p.set_defaults(func=cmd_accept)
    p = sub.add_parser("propose", help="write data/review/DOC.csv: one candidate fact per number of the page")
    p.add_argument("doc", help="document id, e.g. d005")
    p.set_defaults(func=cmd_propose)
    p = sub.add_parser("evaluate", help="leave-one-page-out precision and recall of propose on the reviewed pages")
    p.add_argument("--corpus", help="instead: grade propose on a corpus folder (register.csv, gold.csv, NN.txt), "
                                    "e.g. tests/corpus/dev")
    p.add_argument("--out", help="with --corpus: also write the figures per page and overall as CSV")
    p.add_argument("--errors", help="with --corpus: also write one CSV row per error (page, class, value, said, gold)")
    p.set_defaults(func=cmd_evaluate)
    p = sub.add_parser("synth", help="write a synthetic catalogue (all of Hunan) for tests and benchmarks, never into data/")
    p.add_argument("--facts", type=int, required=True, help="number of facts, the real ones included")
    p.add_argument("--out", required=True, help="a new or empty folder")
    p.add_argument("--seed", type=int, default=0, help="same seed, same files (default 0)")
    p.set_defaults(func=cmd_synth)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
