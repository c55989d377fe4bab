"""Read a rinse dataset back with the readers notebooks use (DuckDB,
pyarrow, pandas, polars), never rinse's own code, and print what they see
as JSON for the Go end-to-end tests to check.

    python read.py OUTPUT [SITE]

Every reader is called the way a notebook user would: no options. SITE,
when given, also checks that a filter on that site can skip row groups by
their statistics: it reports how many row groups a reader must touch (those
whose site range holds SITE) and how many of those hold SITE at all.
"""
import glob
import json
import os
import sys

import duckdb
import pandas as pd
import polars as pl
import pyarrow.dataset as ds
import pyarrow.parquet as pq


def duck(out):
    con = duckdb.connect()
    glob_ = f"{out}/documents/**/*.parquet"
    rows = con.sql(f"""
        SELECT source, id, url, site, title, author, site_name, categories, tags, text, language,
               strftime(published_at, '%Y-%m-%dT%H:%M:%SZ') AS published_at, dates, entities, word_count,
               content_hash, duplicate_of,
               typeof(published_at) AS published_type, typeof(dates) AS dates_type
        FROM '{glob_}' ORDER BY source""")
    res = {"rows": [dict(zip(rows.columns, r)) for r in rows.fetchall()]}
    q = con.sql(f"SELECT source, stage, reason, error FROM '{out}/quarantine/*.parquet' ORDER BY source")
    res["quarantine"] = [dict(zip(q.columns, r)) for r in q.fetchall()]
    return res


def arrow_only(out):
    """What notebooks do with an Arrow IPC dataset (--format arrow)."""
    table = ds.dataset(f"{out}/documents", format="ipc", partitioning="hive").to_table()
    df = table.to_pandas()
    pl_rows = pl.scan_ipc(f"{out}/documents/**/*.arrow", hive_partitioning=True).collect().height
    return {"pyarrow_rows": table.num_rows, "pandas_rows": len(df), "pandas_sources": sorted(df["source"].tolist()),
            "polars_arrow_rows": pl_rows, "pyarrow_site_type": str(table.schema.field("site").type)}


def others(out):
    if not glob.glob(f"{out}/documents/**/*.parquet", recursive=True):
        return arrow_only(out)
    res = {}
    table = ds.dataset(f"{out}/documents", format="parquet", partitioning="hive").to_table()
    res["pyarrow_rows"] = table.num_rows
    res["pyarrow_site_type"] = str(table.schema.field("site").type)
    df = pd.read_parquet(f"{out}/documents")
    res["pandas_rows"] = len(df)
    res["pandas_sources"] = sorted(df["source"].tolist())
    res["polars_parquet_rows"] = pl.read_parquet(f"{out}/documents/**/*.parquet").height
    arrows = sorted(glob.glob(f"{out}/documents/**/*.arrow", recursive=True) + glob.glob(f"{out}/documents_arrow/**/*.arrow", recursive=True))
    if arrows:
        df = pl.read_ipc(arrows[0]) if len(arrows) == 1 else pl.concat([pl.read_ipc(a) for a in arrows])
        res["polars_arrow_rows"] = df.height
        res["polars_arrow_columns"] = df.columns
    return res


def row_groups(out, site):
    """Row groups a filter on site must read, from the files' statistics."""
    total = touched = holding = 0
    for f in sorted(glob.glob(f"{out}/documents/**/*.parquet", recursive=True)):
        pf = pq.ParquetFile(f)
        col = pf.schema_arrow.get_field_index("site")
        if col < 0:  # partitioned by site: the directory holds it
            total += pf.metadata.num_row_groups
            if f"/site={site}/" in f:
                touched += pf.metadata.num_row_groups
                holding += pf.metadata.num_row_groups
            continue
        for i in range(pf.metadata.num_row_groups):
            total += 1
            st = pf.metadata.row_group(i).column(col).statistics
            if st is None or not st.has_min_max:
                touched += 1
                continue
            if st.min <= site <= st.max:
                touched += 1
                sites = pf.read_row_group(i, columns=["site"]).column("site").to_pylist()
                holding += site in sites
    count = duckdb.sql(f"SELECT count(*) FROM '{out}/documents/**/*.parquet' WHERE site = '{site}'").fetchall()[0][0]
    return {"name": site, "count": count, "row_groups": total, "touched": touched, "holding": holding}


def main():
    out = sys.argv[1]
    parquet = glob.glob(f"{out}/documents/**/*.parquet", recursive=True)
    res = {"duckdb": duck(out) if parquet else {"rows": [], "quarantine": []}, "others": others(out)}
    if len(sys.argv) > 2 and parquet:
        res["site"] = row_groups(out, sys.argv[2])
    json.dump(res, sys.stdout, default=str, indent=1)


if __name__ == "__main__":
    main()
