"""Run the README's Python and SQL lines verbatim against a dataset:

    python readme.py README.md DATASET

Each ```python block is executed as written, and each statement of each
```sql block is run with DuckDB, in a scratch folder where `out` is the
dataset (the README's examples write to `out`). Prints one line per block.
"""
import os
import re
import sys
import tempfile

import duckdb


def blocks(text, lang):
    return re.findall(r"```" + lang + r"\n(.*?)```", text, re.S)


def main():
    readme, dataset = sys.argv[1], os.path.abspath(sys.argv[2])
    text = open(readme, encoding="utf-8").read()
    os.chdir(tempfile.mkdtemp())
    os.symlink(dataset, "out")
    py, sql = blocks(text, "python"), blocks(text, "sql")
    if not py or not sql:
        sys.exit("the README has no python or sql block")
    for i, code in enumerate(py):
        env = {}
        exec(compile(code, f"README python block {i + 1}", "exec"), env)
        frames = {k: len(v) for k, v in env.items() if hasattr(v, "shape")}
        print(f"python block {i + 1}: ok {frames}")
    for i, block in enumerate(sql):
        code = "\n".join(l for l in block.splitlines() if not l.strip().startswith("--"))
        for stmt in (s.strip() for s in code.split(";")):
            if not stmt:
                continue
            rows = duckdb.sql(stmt).fetchall()
            print(f"sql block {i + 1}: {len(rows)} rows from {stmt.splitlines()[0][:60]!r}")


if __name__ == "__main__":
    main()
