// node --test Tests/js: search.js in headless Chromium on the fixture index, through the markup
// contract at the top of search.js. Skipped when chromium or chromedriver is not installed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { browserAvailable, serve, startBrowser } from './webdriver.mjs';

const skip = !browserAvailable() && 'chromium or chromedriver not installed';
const page = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Tìm kiếm</title>
<form id="search-form" action="/tim-kiem/" data-index="/chi-muc/" data-base="/cho/">
<input name="q" type="search"><select name="linh-vuc"><option value="">Tất cả</option><option value="du-lich">Du lịch</option>
<option value="nong-san">Nông sản</option><option value="thuc-pham-che-bien">Thực phẩm chế biến</option></select>
<label><input type="checkbox" name="ocop" value="1"> Chỉ sản phẩm OCOP</label><button>Tìm</button></form>
<p id="search-status"></p><div id="search-results" aria-live="polite"></div>
<script src="/search.js" defer></script>`;
let browser, web;

before(async () => {
  if (skip) return;
  web = await serve({
    '/search.js': fileURLToPath(new URL('../../themes/default/assets/search.js', import.meta.url)),
    '/chi-muc/': fileURLToPath(new URL('fixtures/index/', import.meta.url)),
    '/tim-kiem/': { name: 'search.html', body: page },
  });
  browser = await startBrowser();
  await browser.timeouts(30000);
});
after(async () => { await browser?.quit(); web?.server.close(); });

// Waits for the status line to settle, then reads the results as the buyer sees them.
const results = () => browser.run(async () => {
  const status = document.getElementById('search-status');
  const t0 = performance.now();
  while (performance.now() - t0 < 15000 && (!status.textContent || status.textContent === 'Đang tải…')) await new Promise(r => setTimeout(r, 25));
  await new Promise(r => setTimeout(r, 50));
  const hits = [...document.querySelectorAll('#search-results .search-hit')];
  return {
    status: status.textContent, url: location.pathname + location.search, q: document.querySelector('[name=q]').value,
    names: hits.map(h => h.querySelector('.search-name').textContent),
    hrefs: hits.map(h => h.querySelector('.search-name').href),
    marks: hits.map(h => [...h.querySelectorAll('.search-name mark')].map(m => m.textContent)),
    ocop: hits.map(h => h.querySelector('.search-ocop')?.textContent ?? ''),
    tags: [...new Set([...document.querySelectorAll('#search-results *')].map(e => e.localName))].sort(),
  };
});
// Types like a buyer (input events, debounced) or submits the form (Enter).
const type = (text, submit) => browser.run((text, submit) => {
  const q = document.querySelector('[name=q]');
  document.getElementById('search-status').textContent = '';
  q.value = text;
  q.dispatchEvent(new Event('input', { bubbles: true }));
  if (submit) q.form.requestSubmit();
}, text, submit);

test('a shared address runs its query on load, with highlighted names and site links', { skip }, async () => {
  await browser.go(web.origin + '/tim-kiem/?q=banh+phong');
  const r = await results();
  assert.equal(r.q, 'banh phong');
  assert.equal(r.status, '6 kết quả');
  assert.deepEqual(r.names.slice(0, 4).sort(), ['Bánh phồng mì', 'Bánh phồng tôm Sa Giang', 'Bánh phồng tôm ít đường',
    'Cơ sở Bánh phồng tôm Sa Giang']);
  assert.deepEqual(r.marks[0], ['Bánh', 'phồng']);
  assert.ok(r.hrefs.every(h => h.startsWith(web.origin + '/cho/co-so/')), r.hrefs[0]);
});

test('typing searches without tone marks and keeps the query in the address', { skip }, async () => {
  await browser.go(web.origin + '/tim-kiem/');
  await type('duong');
  const r = await results();
  assert.deepEqual(r.names.sort(), ['Bánh phồng tôm ít đường', 'Đường thốt nốt']);
  assert.equal(r.url, '/tim-kiem/?q=duong');
  await type('Vĩnh Kim');
  const marked = await results();
  await type('vinh kim');
  const plain = await results();
  assert.equal(marked.hrefs.length, 4);
  assert.deepEqual(marked.hrefs, plain.hrefs);
});

test('a hostile product name renders as text', { skip }, async () => {
  await browser.go(web.origin + '/tim-kiem/?q=hop+qua');
  const r = await results();
  assert.deepEqual(r.names, ['Hộp quà <script>alert("x")</script> & \'bánh\'']);
  assert.deepEqual(r.tags, ['a', 'li', 'mark', 'ol', 'p', 'span']);
});

test('filters go into the address and Back returns to the previous search', { skip }, async () => {
  await browser.go(web.origin + '/tim-kiem/');
  await type('xoai', true);
  assert.equal((await results()).names.length, 3);
  await browser.run(() => { document.getElementById('search-status').textContent = ''; document.querySelector('[name=ocop]').click(); });
  const ocop = await results();
  assert.equal(ocop.url, '/tim-kiem/?q=xoai&ocop=1');
  assert.equal(ocop.status, 'Không tìm thấy kết quả cho “xoai”');
  await type('banh', true);
  const banh = await results();
  assert.deepEqual(banh.ocop.sort(), ['OCOP 3★', 'OCOP 4★']);
  await browser.back();
  const back = await results();
  assert.equal(back.url, '/tim-kiem/?q=xoai&ocop=1');
  assert.equal(back.q, 'xoai');
  await browser.back();
  const first = await results();
  assert.equal(first.url, '/tim-kiem/?q=xoai');
  assert.equal(first.names.length, 3);
});

test('the sector filter narrows results and goes into the address', { skip }, async () => {
  await browser.go(web.origin + '/tim-kiem/?q=xoai+cat');
  assert.equal((await results()).names.length, 3);
  await browser.run(() => {
    document.getElementById('search-status').textContent = '';
    const sel = document.querySelector('[name=linh-vuc]');
    sel.value = 'du-lich';
    sel.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const r = await results();
  assert.equal(r.url, '/tim-kiem/?q=xoai+cat&linh-vuc=du-lich');
  assert.deepEqual(r.names, []);
  await browser.go(web.origin + '/tim-kiem/?linh-vuc=nong-san');
  assert.equal((await results()).status, '4 kết quả', 'a sector alone lists it');
});
