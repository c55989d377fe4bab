// Reads a rinse dataset back with independent readers (DuckDB and polars),
// not rinse's own code, and prints what they see as JSON for the Go
// end-to-end tests to check.
//
//   node read.mjs OUTPUT [SITE]
//
// SITE, when given, also runs a DuckDB query filtered on that partition and
// reports which files DuckDB actually opened for it.
import { DuckDBInstance } from '@duckdb/node-api';
import pl from 'nodejs-polars';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [out, site] = process.argv.slice(2);
if (!out) {
  console.error('usage: node read.mjs OUTPUT [SITE]');
  process.exit(2);
}

const plain = (v) => JSON.parse(JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x)));

async function duck() {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const glob = `${out}/documents/**/*.parquet`;
  const q = async (sql) => plain((await con.runAndReadAll(sql)).getRowObjectsJson());
  const res = {};
  // No reader options: what a notebook user would type.
  res.rows = await q(`SELECT source, id, url, site, title, author, site_name, categories, tags, text, language,
      strftime(published_at, '%Y-%m-%dT%H:%M:%SZ') AS published_at, dates, entities, word_count, content_hash,
      duplicate_of, typeof(published_at) AS published_type, typeof(dates) AS dates_type
    FROM read_parquet('${glob}') ORDER BY source`);
  res.quarantine = await q(`SELECT source, stage, reason, error FROM read_parquet('${out}/quarantine/*.parquet') ORDER BY source`);
  if (site) {
    res.site_count = Number((await q(`SELECT count(*) AS n FROM read_parquet('${glob}', hive_partitioning = true) WHERE site = '${site}'`))[0].n);
    const files = await q(`SELECT DISTINCT filename FROM read_parquet('${glob}', hive_partitioning = true, filename = true) WHERE site = '${site}'`);
    res.site_files = files.map((f) => f.filename);
    const plan = (await q(`EXPLAIN ANALYZE SELECT count(*) FROM read_parquet('${glob}', hive_partitioning = true) WHERE site = '${site}'`))
      .map((r) => Object.values(r).join('\n')).join('\n');
    // DuckDB reports "Scanning Files: read/total" when partition filters prune.
    const m = plan.match(/Scanning Files:\s*(\d+)\/(\d+)/);
    res.site_scan = m ? { read: Number(m[1]), total: Number(m[2]) } : null;
  }
  return res;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]);
}

function polars() {
  const res = {};
  const pq = pl.scanParquet(`${out}/documents/**/*.parquet`).select('source', 'title', 'tags').collectSync();
  res.parquet_rows = pq.height;
  const arrowFiles = walk(`${out}/documents`).filter((f) => f.endsWith('.arrow'));
  if (arrowFiles.length > 0) {
    const df = pl.scanIPC(`${out}/documents/**/*.arrow`).collectSync();
    res.arrow_rows = df.height;
    res.arrow_columns = df.columns;
    res.arrow_sources = df.getColumn('source').toArray().sort();
  }
  return res;
}

const result = { duckdb: await duck(), polars: polars() };
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
