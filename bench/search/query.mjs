// node bench/search/query.mjs INDEX-DIR [QUERY…]
//
// For each query, as a buyer's first search on a fresh page: which index files search.js
// fetches (manifest, term shards, facets, display data of the first 20 results), their size
// gzip-compressed as a static server sends them, and the time from "all parts arrived" to
// "first page ready" (JSON parsing + ranking + display rows), median of repeated runs on
// this machine's CPU. Also the time of the same query on a warm page (files cached).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const S = require('../../themes/default/assets/search.js');
const [dir, ...args] = process.argv.slice(2);
if (!dir) { console.error('usage: query.mjs INDEX-DIR [QUERY…]'); process.exit(2); }
const queries = args.length ? args.map(q => ({ q })) : [
  { q: 'banh phong' }, { q: 'xoai cat hoa loc' }, { q: 'vinh kim' }, { q: 'mắm tôm' }, { q: 'ocop' },
  { q: 'banh ph' }, { q: 'b' }, { q: 'dong thap' }, { q: 'banh', ocop: 1 }, { q: 'xoai', sector: 'nong-san' },
];
const PAGE = 20, RUNS = 15;

const text = {}, gz = {};
const read = name => (text[name] ??= readFileSync(join(dir, name), 'utf8'));
const gzipped = name => (gz[name] ??= gzipSync(read(name), { level: 6 }).length);

async function firstPage(ix, st) {
  const res = await ix.search(st);
  const rows = await ix.docs(res.m, res.ids.subarray(0, PAGE));
  return { res, rows };
}
const median = xs => xs.sort((a, b) => a - b)[xs.length >> 1];
const kb = n => (n / 1024).toFixed(1);

let raw = 0, packed = 0, files = 0;
for (const name of readdirSync(dir)) { raw += Buffer.byteLength(read(name)); packed += gzipped(name); files++; }
console.log(`index ${dir}: ${files} files, ${kb(raw)} KB raw, ${kb(packed)} KB gzip`);
console.log('query                     results  files  fetched KB gz  cold ms  warm ms  first result');

for (const st of queries) {
  st.sector ??= ''; st.ocop ??= 0;
  const fetched = new Set();
  const cold = await firstPage(new S.Index(async name => { fetched.add(name); return JSON.parse(read(name)); }), st);
  const bytes = [...fetched].reduce((a, n) => a + gzipped(n), 0);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    // Parts already in memory as text, as after the network: parsing is part of the answer.
    const ix = new S.Index(async name => JSON.parse(text[name]));
    const t0 = performance.now();
    await firstPage(ix, st);
    times.push(performance.now() - t0);
  }
  const warm = new S.Index(async name => JSON.parse(text[name]));
  await firstPage(warm, st);
  const warmTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await firstPage(warm, st);
    warmTimes.push(performance.now() - t0);
  }
  const label = st.q + (st.ocop ? ' +ocop' : '') + (st.sector ? ` +${st.sector}` : '');
  console.log(`${label.padEnd(25)} ${String(cold.res.ids.length).padStart(7)} ${String(fetched.size).padStart(6)}` +
    ` ${kb(bytes).padStart(14)} ${median(times).toFixed(1).padStart(8)} ${median(warmTimes).toFixed(1).padStart(8)}  ${cold.rows[0]?.[1] ?? '—'}`);
}
