#!/usr/bin/env python3
"""What this machine's SQLite can insert at all: span-like rows of ~1.1 KB into a rowid table (WAL,
synchronous=NORMAL, 64 MiB page cache, like the store), once without secondary indexes and once with the
seven that issue 2 asks the store to keep (trace, start time, service + time, request, user, session, model),
at several rows per transaction. No Tracedeck code runs: it bounds what any ingest or import into such a
schema can reach here. Prints figures, asserts nothing.

    python3 tests/bench/sqlite_ceiling.py [--rows N] [--batches 512,4096,32768] [--dir DIR]
"""
import argparse
import os
import random
import sqlite3
import tempfile
import time

INDEXES = [
    "CREATE UNIQUE INDEX by_id ON spans (workspace, trace_id, span_id)",
    "CREATE INDEX by_start ON spans (workspace, start_ns)",
    "CREATE INDEX by_service ON spans (workspace, service, start_ns)",
    "CREATE INDEX by_request ON spans (workspace, request_id) WHERE request_id IS NOT NULL",
    "CREATE INDEX by_user ON spans (workspace, user_id) WHERE user_id IS NOT NULL",
    "CREATE INDEX by_session ON spans (workspace, session_id) WHERE session_id IS NOT NULL",
    "CREATE INDEX by_model ON spans (workspace, model) WHERE model IS NOT NULL",
]


def rows_of(count):
    rng = random.Random(7)
    body = "".join(rng.choice("abcdefghij klmnopqrst") for _ in range(1100))
    base = 1_700_000_000_000_000_000
    return [("local", "%032x" % (i // 8), "%016x" % i, base + i * 1000, base + i * 1000 + 500,
             "svc-%d" % (i % 10), "req-%d" % (i // 8), "user-%d" % (i % 500), "session-%d" % (i % 2000),
             "model-%d" % (i % 10), body) for i in range(count)]


def run(path, rows, batch, indexed):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536", "temp_store=MEMORY"):
        db.execute("PRAGMA " + pragma)
    db.execute("CREATE TABLE spans (id INTEGER PRIMARY KEY, workspace TEXT, trace_id TEXT, span_id TEXT, "
               "start_ns INTEGER, end_ns INTEGER, service TEXT, request_id TEXT, user_id TEXT, "
               "session_id TEXT, model TEXT, body TEXT)")
    for sql in INDEXES if indexed else []:
        db.execute(sql)
    insert = ("INSERT INTO spans (workspace, trace_id, span_id, start_ns, end_ns, service, request_id, user_id, "
              "session_id, model, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    start = time.perf_counter()
    for first in range(0, len(rows), batch):
        db.execute("BEGIN")
        db.executemany(insert, rows[first:first + batch])
        db.execute("COMMIT")
    seconds = time.perf_counter() - start
    db.close()
    return len(rows) / seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--batches", default="512,4096,32768")
    parser.add_argument("--dir", default=None, help="where the database goes (default: a temporary folder)")
    args = parser.parse_args()
    rows = rows_of(args.rows)
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = os.path.join(folder, "ceiling.db")
        print("sqlite_ceiling: %d rows of %d bytes, SQLite %s" % (len(rows), len(rows[0][-1]), sqlite3.sqlite_version))
        for batch in (int(b) for b in args.batches.split(",")):
            plain = run(path, rows, batch, False)
            indexed = run(path, rows, batch, True)
            print("  %6d rows/transaction: no secondary index %8.0f rows/s   seven indexes %8.0f rows/s"
                  % (batch, plain, indexed))
    load = os.getloadavg()
    print("  load average during the run: %.2f (1 min), %.2f (5 min)" % (load[0], load[1]))


if __name__ == "__main__":
    main()
