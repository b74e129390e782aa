// node --test Tests/js: the search page of the real demo catalog, built by `chonoi build`, in
// headless Chromium: what a buyer types finds what the catalog has. Needs a built chonoi
// (`swift build`, or `swift test`, which CI runs first); skipped without it or without Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserAvailable, serve, startBrowser } from './webdriver.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const chonoi = join(repo, '.build/debug/chonoi');
const skip = (!browserAvailable() && 'chromium or chromedriver not installed')
  || (!existsSync(chonoi) && 'chonoi is not built (run swift build)');
const hostile = 'Kẹo <script>alert("x")</script> & \'dừa\'';
let browser, web, work;

before(async () => {
  if (skip) return;
  // The demo catalog plus one product whose name tries to become markup.
  work = mkdtempSync(join(tmpdir(), 'chonoi-search-demo-'));
  cpSync(join(repo, 'content'), join(work, 'content'), { recursive: true });
  const products = join(work, 'content/businesses/banh-phong-tu-hanh/products');
  mkdirSync(products, { recursive: true });
  writeFileSync(join(products, 'keo-thu.md'), `---\nname: ${JSON.stringify(hostile)}\nsector: thuc-pham-che-bien\n`
    + 'price: 30000\nunit: gói\npublished: 2026-01-05\n---\nKẹo thử.\n');
  const built = spawnSync(chonoi, ['build', '--output', join(work, 'public')], { cwd: work, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  web = await serve({ '/cho-noi/': join(work, 'public') + '/' });
  browser = await startBrowser();
  await browser.timeouts(30000);
});
after(async () => { await browser?.quit(); web?.server.close(); if (work) rmSync(work, { recursive: true, force: true }); });

const search = async query => {
  await browser.go(`${web.origin}/cho-noi/tim-kiem/index.html?q=${encodeURIComponent(query)}`);
  return browser.run(async () => {
    const status = document.getElementById('search-status');
    const t0 = performance.now();
    while (performance.now() - t0 < 15000 && (!status.textContent || status.textContent === 'Đang tải…')) await new Promise(r => setTimeout(r, 25));
    const hits = [...document.querySelectorAll('#search-results .search-hit .search-name')];
    return { status: status.textContent, names: hits.map(h => h.textContent), hrefs: hits.map(h => h.getAttribute('href')),
      scripts: document.querySelectorAll('#search-results script').length };
  });
};
const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

test('"banh phong" finds the bánh phồng products of the demo', { skip }, async () => {
  const r = await search('banh phong');
  assert.ok(r.names.length >= 3, r.status);
  assert.ok(r.names.filter(n => n.includes('Bánh phồng')).length >= 3, r.names.join(' | '));
  assert.ok(r.hrefs.every(h => new URL(h, web.origin).pathname.startsWith('/cho-noi/co-so/')), r.hrefs[0]);
});

test('"duong" finds "đường"', { skip }, async () => {
  const r = await search('duong');
  assert.ok(r.names.some(n => n.toLowerCase().includes('đường')), r.names.join(' | '));
});

test('"Vĩnh Kim" and "vinh kim" find the same sellers', { skip }, async () => {
  const marked = await search('Vĩnh Kim');
  const plain = await search('vinh kim');
  assert.ok(marked.hrefs.length > 0, marked.status);
  assert.deepEqual([...marked.hrefs].sort(), [...plain.hrefs].sort());
  assert.ok(plain.names.some(n => fold(n).includes('vinh kim') || fold(n).includes('vu sua')), plain.names.join(' | '));
});

test('a hostile product name renders as text', { skip }, async () => {
  const r = await search('keo dua');
  assert.ok(r.names.includes(hostile), r.names.join(' | '));
  assert.equal(r.scripts, 0);
});
