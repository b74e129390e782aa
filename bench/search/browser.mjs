// node bench/search/browser.mjs INDEX-DIR [RATE…]
//
// The query time of bench/search/query.mjs, measured in headless Chromium with DevTools CPU
// throttling (4 = "mid-tier mobile", 6 = "low-end mobile"): search.js loaded from its file,
// all parts of each query already fetched as text, then JSON parsing, ranking and the first
// page's display rows, median of repeated runs.
import { fileURLToPath } from 'node:url';
import { browserAvailable, serve, startBrowser } from '../../Tests/js/webdriver.mjs';

const [dir, ...rates] = process.argv.slice(2);
if (!dir) { console.error('usage: browser.mjs INDEX-DIR [RATE…]'); process.exit(2); }
if (!browserAvailable()) { console.log('browser timing skipped: chromium or chromedriver missing'); process.exit(0); }
const queries = [
  { q: 'banh phong' }, { q: 'xoai cat hoa loc' }, { q: 'vinh kim' }, { q: 'mắm tôm' }, { q: 'ocop' },
  { q: 'banh ph' }, { q: 'b' }, { q: 'dong thap' }, { q: 'banh', ocop: 1 }, { q: 'xoai', sector: 'nong-san' },
];

// Runs in the page.
async function measure(queries, runs) {
  const module = { exports: {} };
  new Function('module', await (await fetch('/search.js')).text())(module);
  const S = module.exports, text = {}, out = [];
  const page = async (ix, st) => { const res = await ix.search(st); await ix.docs(res.m, res.ids.subarray(0, 20)); return res; };
  for (const st of queries) {
    st.sector ??= ''; st.ocop ??= 0;
    const res = await page(new S.Index(async n => JSON.parse(text[n] ??= await (await fetch('/i/' + n)).text())), st);
    // Throttling pauses the page thread in slices, so single short runs are noisy: time
    // batches of runs and keep the median batch's mean.
    const means = [];
    for (let b = 0; b < 5; b++) {
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) await page(new S.Index(async n => JSON.parse(text[n])), st);
      means.push((performance.now() - t0) / runs);
    }
    means.sort((a, b) => a - b);
    out.push({ q: st.q + (st.ocop ? ' +ocop' : '') + (st.sector ? ' +' + st.sector : ''), n: res.ids.length,
      median: means[2], max: means[4] });
  }
  return out;
}

const { server, origin } = await serve({
  '/search.js': fileURLToPath(new URL('../../themes/default/assets/search.js', import.meta.url)),
  '/i/': dir.replace(/\/?$/, '/'),
  '/': { name: 'x.html', body: '<!doctype html><meta charset="utf-8"><title>bench</title>' },
});
const browser = await startBrowser();
try {
  await browser.timeouts(600000);
  await browser.go(origin + '/');
  for (const rate of rates.length ? rates.map(Number) : [1, 4, 6]) {
    await browser.cdp('Emulation.setCPUThrottlingRate', { rate });
    const rows = await browser.run(measure, queries, 8);
    if (rows.error) throw new Error(rows.error);
    console.log(`Chromium, CPU throttled ${rate}x: ms from parts arrived to first page, median (worst) of 5 batches`);
    for (const r of rows) console.log(`  ${r.q.padEnd(25)} ${String(r.n).padStart(7)} results ${r.median.toFixed(1).padStart(7)} (${r.max.toFixed(1)})`);
  }
} finally {
  await browser.quit();
  server.close();
}
