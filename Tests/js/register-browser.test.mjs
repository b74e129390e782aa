// node --test Tests/js: the registration form of the demo catalog (built by `chonoi build`) in headless
// Chromium, as a clerk uses it on a phone: a business with two products and one photo, checked as typed,
// downloaded as a .zip, unpacked into a catalog that `chonoi check` passes and `chonoi build` publishes; the
// GitHub links carry exactly the files of the download. Skipped without Chromium or a built chonoi.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserAvailable, serve, startBrowser } from './webdriver.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const chonoi = join(repo, '.build/debug/chonoi');
const skip = (!browserAvailable() && 'chromium or chromedriver not installed')
  || (!existsSync(chonoi) && 'chonoi is not built (run swift build)');
const slug = 'vuon-buoi-da-xanh-ut-tam';
let browser, web, work;

before(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'chonoi-register-'));
  cpSync(join(repo, 'content'), join(work, 'content'), { recursive: true });
  const built = spawnSync(chonoi, ['build', '--output', join(work, 'public')], { cwd: work, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  web = await serve({ '/cho-noi/': join(work, 'public') + '/' });
  browser = await startBrowser();
  await browser.timeouts(60000);
  await browser.cdp('Emulation.setDeviceMetricsOverride', { width: 375, height: 800, deviceScaleFactor: 2, mobile: true });
});
after(async () => { await browser?.quit(); web?.server.close(); if (work) rmSync(work, { recursive: true, force: true }); });

// In the page: sets a field as typing does (input, then change when the field is left).
const fill = (fields) => browser.run(async fields => {
  for (const [id, value] of Object.entries(fields)) {
    const el = document.getElementById(id) || document.querySelector(`[name="${id.split('=')[0]}"][value="${id.split('=')[1]}"]`);
    if (el.type === 'checkbox') el.checked = value; else el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await new Promise(r => setTimeout(r, 30));
}, fields);
// axe-core (as scripts/site-quality fetches it) on the page as it is now, at 375 and 1280 px; skipped
// until site-quality has fetched it once.
const AXE = process.env.AXE_JS ?? join(process.env.XDG_CACHE_HOME ?? join(process.env.HOME ?? '', '.cache'), 'chonoi-site-quality/axe-4.12.1.min.js');
async function axe(t) {
  if (!existsSync(AXE)) return t.diagnostic(`axe-core not found at ${AXE}: run scripts/site-quality once`);
  await browser.run(src => { if (!window.axe) (0, eval)(src); }, readFileSync(AXE, 'utf8'));
  for (const width of [1280, 375]) {
    await browser.cdp('Emulation.setDeviceMetricsOverride', { width, height: 800, deviceScaleFactor: 2, mobile: width < 600 });
    const r = await browser.run(() => axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target).join(' ')}`)));
    assert.deepEqual(r, [], `axe at ${width} px`);
  }
}
// Screenshots for docs/screenshots when REGISTER_SCREENSHOTS names a folder.
async function shot(name, from) {
  const dir = process.env.REGISTER_SCREENSHOTS;
  if (!dir) return;
  const y = from ? await browser.run(id => Math.max(0, document.getElementById(id).closest('.reg-field, section').getBoundingClientRect().top + scrollY - 12), from) : 0;
  const { data } = await browser.cdp('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true,
    clip: { x: 0, y, width: 375, height: 800, scale: 1 } });
  writeFileSync(join(dir, name), Buffer.from(data, 'base64'));
}
const errorOf = id => browser.run(id => ({ text: document.getElementById(id + '-error').textContent,
  invalid: document.getElementById(id).getAttribute('aria-invalid') }), id);

test('a business with two products and one photo: download, check, build; GitHub links carry the same files', { skip }, async t => {
  await browser.go(`${web.origin}/cho-noi/dang-ky/index.html`);
  const page = await browser.run(async () => {
    const form = document.getElementById('reg-form');
    for (let i = 0; i < 200 && form.hidden; i++) await new Promise(r => setTimeout(r, 25));
    const req = [...form.querySelectorAll('[aria-required="true"]')].map(e => e.id);
    return { hidden: form.hidden, req, footer: !!document.querySelector('footer a[href="/cho-noi/dang-ky/"]'),
      sectors: document.getElementById('b-sector').options.length, scripts: [...document.scripts].map(s => s.src) };
  });
  assert.equal(page.hidden, false);
  assert.ok(page.footer, 'the footer links the form');
  assert.equal(page.sectors, 14, 'the 13 demo sectors and "choose"');
  for (const id of ['b-name', 'b-sector', 'b-kind', 'b-representative', 'b-phone', 'b-address-ward', 'b-address-province', 'b-slug',
    'p0-name', 'p0-sector', 'p0-price', 'p0-unit', 'p0-published', 'p0-slug']) assert.ok(page.req.includes(id), id);

  // Checked as typed, in the validator's words.
  await fill({ 'b-phone': '0112 345 678', 'b-tax-code': '0100233480', 'p0-price': '1tr2', 'p0-ocop-year': '2099' });
  assert.match((await errorOf('b-phone')).text, /"0112 345 678" không phải số điện thoại Việt Nam/);
  assert.equal((await errorOf('b-phone')).invalid, 'true');
  assert.match((await errorOf('b-tax-code')).text, /chữ số kiểm tra sai/);
  assert.match((await errorOf('p0-ocop-year')).text, /ở tương lai/);
  assert.equal(await browser.run(() => document.getElementById('p0-price-value').textContent), '= 1.200.000 ₫');
  await shot('register-checks-375.png', 'b-phone');
  await fill({ 'b-tax-code': '0100233488', 'p0-ocop-year': '' });
  assert.equal((await errorOf('b-tax-code')).text, '');

  // The business, with the slug proposed from its name.
  await fill({ 'b-name': 'Vườn bưởi da xanh Út Tám', 'b-sector': 'trai-cay', 'b-kind': 'ho-kinh-doanh',
    'b-representative': 'Lê Văn Tám', 'b-phone': '0912.345.678', 'b-address-street': 'Ấp Hòa Quý',
    'b-address-ward': 'Xã Hòa Hưng', 'b-address-province': 'Đồng Tháp', 'b-zalo': '0912 345 678',
    'b-certifications': 'VietGAP, OCOP', 'b-body': 'Vườn bưởi da xanh hai mươi năm bên sông Tiền.' });
  assert.equal(await browser.run(() => document.getElementById('b-slug').value), slug);

  // Product 1, with a photo as a phone takes it: 2400×1800, with EXIF and a GPS position.
  await fill({ 'p0-name': 'Bưởi da xanh loại 1', 'p0-price': '45k', 'p0-unit': 'kg', 'p0-ocop': '4', 'p0-ocop-year': '2024',
    'p0-season=8': true, 'p0-season=9': true, 'p0-min-order': '5', 'p0-body': 'Bưởi chín cây, múi đỏ, ngọt thanh.' });
  const original = await browser.run(async () => {
    const c = document.createElement('canvas');
    c.width = 2400; c.height = 1800;
    const g = c.getContext('2d');
    g.fillStyle = '#2a7'; g.fillRect(0, 0, 2400, 1800); g.fillStyle = '#fc0'; g.fillRect(300, 300, 900, 900);
    const jpeg = new Uint8Array(await (await new Promise(ok => c.toBlob(ok, 'image/jpeg', 0.9))).arrayBuffer());
    const payload = new TextEncoder().encode('Exif\0\0II*\0\x08\0\0\0\0\0\0\0GPSLatitude 10.3521N GPSLongitude 106.3412E');
    const seg = new Uint8Array([0xFF, 0xE1, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload]);
    const bytes = new Uint8Array([...jpeg.subarray(0, 2), ...seg, ...jpeg.subarray(2)]);
    const input = document.getElementById('p0-images'), dt = new DataTransfer();
    dt.items.add(new File([bytes], 'IMG_0001.JPG', { type: 'image/jpeg' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return bytes.length;
  });
  assert.ok(original > 1000);

  // Product 2: price on request, so no unit.
  await browser.run(() => document.getElementById('reg-add').click());
  await fill({ 'p1-name': 'Bưởi da xanh hộp quà', 'p1-price-contact': true, 'p1-tags': 'quà biếu, Tết',
    'p1-body': 'Hai trái bưởi trong hộp giấy.' });
  assert.equal(await browser.run(() => document.getElementById('p1-unit').getAttribute('aria-required')), 'false');

  // Take the download as Chromium saves it.
  const downloads = join(work, 'downloads');
  mkdirSync(downloads);
  await browser.cdp('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads })
    .catch(() => browser.cdp('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads }));
  const out = await browser.run(async () => {
    document.getElementById('reg-form').requestSubmit();
    const section = document.getElementById('reg-out');
    for (let i = 0; i < 400 && section.hidden; i++) await new Promise(r => setTimeout(r, 25));
    const files = [...document.querySelectorAll('#reg-files .reg-file')].map(f => ({ path: f.querySelector('h4').textContent,
      text: f.querySelector('pre').textContent, link: f.querySelector('a.reg-link')?.href }));
    const status = document.getElementById('reg-status').textContent;
    if (!section.hidden) document.getElementById('reg-download').click();
    return { hidden: section.hidden, status, files, name: document.getElementById('reg-download').download,
      upload: document.querySelector('#reg-files > p a')?.href };
  });
  assert.equal(out.hidden, false, out.status);
  await shot('register-handover-375.png', 'reg-out-title');
  await axe(t);
  assert.equal(out.name, `${slug}.zip`);
  let zipFile;
  for (let i = 0; i < 200 && !(zipFile = readdirSync(downloads).find(f => f.endsWith('.zip'))); i++) await new Promise(r => setTimeout(r, 50));
  assert.ok(zipFile, 'the download was saved');

  // Unpacked into the demo catalog (Python's zipfile checks every CRC), the catalog passes `chonoi check`.
  const content = join(work, 'content');
  const unzip = spawnSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2]); print("\\n".join(z.namelist()))',
    join(downloads, zipFile), join(content, 'businesses')], { encoding: 'utf8' });
  assert.equal(unzip.status, 0, unzip.stderr);
  const names = unzip.stdout.trim().split('\n').sort();
  assert.deepEqual(names, [`${slug}/index.md`, `${slug}/products/buoi-da-xanh-hop-qua.md`, `${slug}/products/buoi-da-xanh-loai-1.jpg`,
    `${slug}/products/buoi-da-xanh-loai-1.md`]);
  const checked = spawnSync(chonoi, ['check', '--content', content, '--format', 'json'], { cwd: work, encoding: 'utf8' });
  assert.equal(checked.status, 0, checked.stdout + checked.stderr);
  assert.deepEqual(JSON.parse(checked.stdout).filter(d => d.file.includes(slug)), [], 'no warning either');

  // The photo: re-encoded, at most 1600 px, no EXIF, no GPS.
  const photo = readFileSync(join(content, 'businesses', slug, 'products/buoi-da-xanh-loai-1.jpg'));
  assert.deepEqual([...photo.subarray(0, 2)], [0xFF, 0xD8]);
  assert.ok(!photo.includes('Exif') && !photo.includes('GPSLatitude'), 'metadata dropped');
  const sof = photo.findIndex((b, i) => b === 0xFF && (photo[i + 1] === 0xC0 || photo[i + 1] === 0xC2));
  assert.deepEqual([photo.readUInt16BE(sof + 7), photo.readUInt16BE(sof + 5)], [1600, 1200]);

  // Each GitHub link opens the new-file page with exactly the file of the download, the first on main
  // (where the new branch is made), the others on that branch.
  assert.equal(out.files.length, 3);
  out.files.forEach((f, n) => {
    const url = new URL(f.link), rel = f.path.replace('content/businesses/', '');
    assert.equal(url.origin + url.pathname, `https://github.com/example/cho-noi/new/${n ? `dang-ky/${slug}` : 'main'}`);
    assert.equal(url.searchParams.get('filename'), f.path);
    assert.ok(f.path.startsWith('content/businesses/'));
    assert.equal(url.searchParams.get('value'), readFileSync(join(content, 'businesses', rel), 'utf8'), f.path);
    assert.equal(f.text, url.searchParams.get('value'));
  });
  assert.equal(out.upload, `https://github.com/example/cho-noi/upload/dang-ky/${slug}/content/businesses/${slug}`);

  // Built, the business has its page, with both products.
  const built = spawnSync(chonoi, ['build', '--content', content, '--output', join(work, 'public2')], { cwd: work, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  const html = readFileSync(join(work, 'public2/co-so', slug, 'index.html'), 'utf8');
  assert.match(html, /Vườn bưởi da xanh Út Tám/);
  assert.match(html, /Bưởi da xanh loại 1/);
  assert.match(html, /Bưởi da xanh hộp quà/);
  assert.ok(existsSync(join(work, 'public2/co-so', slug, 'buoi-da-xanh-loai-1/index.html')));
});

test('a taken folder name and a repeated product name are refused in the validator\'s words', { skip }, async t => {
  await browser.cdp('Emulation.setDeviceMetricsOverride', { width: 375, height: 800, deviceScaleFactor: 2, mobile: true });
  await browser.go(`${web.origin}/cho-noi/dang-ky/index.html`);
  await browser.run(async () => { const f = document.getElementById('reg-form'); for (let i = 0; i < 200 && f.hidden; i++) await new Promise(r => setTimeout(r, 25)); });
  await shot('register-375.png');
  await browser.run(() => document.getElementById('reg-add').click());
  await fill({ 'b-name': 'Bánh phồng Tư Hạnh', 'b-slug': 'banh-phong-tu-hanh', 'p0-name': 'Bánh phồng', 'p1-name': 'Bánh Phồng' });
  const status = await browser.run(() => { document.getElementById('reg-form').requestSubmit(); return document.getElementById('reg-status').textContent; });
  assert.match(status, /Còn \d+ chỗ cần sửa/);
  assert.match((await errorOf('b-slug')).text, /"banh-phong-tu-hanh" bị trùng với businesses\/banh-phong-tu-hanh/);
  assert.match((await errorOf('p1-slug')).text, /bị trùng với products\/banh-phong\.md/);
  assert.equal(await browser.run(() => document.activeElement.getAttribute('aria-invalid')), 'true', 'focus on the first problem');
  await axe(t);
});
