// node --test Tests/js: the page weight a buyer's phone pays for a product page whose seller sent a
// 4000×3000 phone photo (~4 MB): built by `chonoi build` from the CLI fixture plus a synthetic photo
// made here with the `vips` command (libvips-tools), measured in headless Chromium at 375×812 with a
// device pixel ratio of 2 (≤ 200 KB), and at 1280 px (≤ 400 KB). Skipped without Chromium,
// chromedriver, `vips` or a built chonoi (`swift build`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserAvailable, serve, startBrowser } from './webdriver.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const chonoi = join(repo, '.build/debug/chonoi');
const hasVips = spawnSync('vips', ['--version'], { stdio: 'ignore' }).status === 0;
const skip = (!browserAvailable() && 'chromium or chromedriver not installed')
  || (!existsSync(chonoi) && 'chonoi is not built (run swift build)')
  || (!hasVips && 'the vips command (libvips-tools) is not installed');
const productPage = '/catalog/co-so/banh-phong-sa-giang/banh-phong-tom/';
let browser, web, work, photoBytes;

const vips = (cwd, ...args) => {
  const r = spawnSync('vips', args, { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `vips ${args.join(' ')}: ${r.stderr}`);
};

before(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'chonoi-page-weight-'));
  cpSync(join(repo, 'Tests/CommandLineTests/Fixtures/valid'), join(work, 'content'), { recursive: true });
  // Blurred coarse noise plus fine grain: compresses like a phone photo (about 4.3 MB at Q 92).
  vips(work, 'gaussnoise', 'n.v', '1000', '750', '--sigma', '60');
  vips(work, 'resize', 'n.v', 'r.v', '4');
  vips(work, 'gaussblur', 'r.v', 'b.v', '3');
  vips(work, 'bandjoin', 'b.v b.v b.v', 'rgb.v');
  vips(work, 'gaussnoise', 'f.v', '4000', '3000', '--sigma', '12');
  vips(work, 'add', 'rgb.v', 'f.v', 's.v');
  vips(work, 'cast', 's.v', 'c.v', 'uchar');
  vips(work, 'copy', 'c.v', 'i.v', '--interpretation', 'srgb');
  const photo = join(work, 'content/businesses/banh-phong-sa-giang/products/vuon.jpg');
  vips(work, 'copy', 'i.v', photo + '[Q=92]');
  photoBytes = statSync(photo).size;
  const entry = join(work, 'content/businesses/banh-phong-sa-giang/products/banh-phong-tom.md');
  writeFileSync(entry, readFileSync(entry, 'utf8').replace('images: [banh-phong-tom.png]', 'images: [vuon.jpg]'));
  const built = spawnSync(chonoi, ['build', '--output', join(work, 'public')], { cwd: work, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  web = await serve({ '/catalog/': join(work, 'public') + '/' });
  browser = await startBrowser();
  await browser.timeouts(30000);
});
after(async () => { await browser?.quit(); web?.server.close(); if (work) rmSync(work, { recursive: true, force: true }); });

/** Loads the page at the given viewport, scrolls to the end (lazy pictures load too), and sums the
 * bytes transferred: the document and every resource. */
async function weigh(width, height, dpr, mobile) {
  await browser.cdp('Network.clearBrowserCache', {});
  await browser.cdp('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: dpr, mobile });
  await browser.go(web.origin + productPage + 'index.html');
  return browser.run(async () => {
    const settle = () => new Promise(r => setTimeout(r, 300));
    if (document.readyState !== 'complete') await new Promise(r => addEventListener('load', r, { once: true }));
    window.scrollTo(0, document.body.scrollHeight);
    await settle();
    await Promise.all([...document.images].map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
    await settle();
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    return {
      total: nav.transferSize + resources.reduce((n, r) => n + r.transferSize, 0),
      files: resources.map(r => `${new URL(r.name).pathname.split('/').pop()} ${r.transferSize}`),
      picked: [...document.images].map(i => i.currentSrc.split('/').pop()),
    };
  });
}

test('a product page with a 4000×3000 phone photo loads ≤ 200 KB on a 375×812 phone at DPR 2', { skip }, async () => {
  assert.ok(photoBytes > 3_500_000, `the source photo is phone-sized: ${photoBytes} bytes`);
  const r = await weigh(375, 812, 2, true);
  assert.ok(r.total <= 200 * 1024, `${r.total} bytes: ${r.files.join(', ')}`);
  assert.ok(r.picked.some(p => /^vuon\.[0-9a-f]{10}-\d+\.webp$/.test(p)), `a WebP of the photo: ${r.picked.join(', ')}`);
  console.log(`# 375×812 DPR 2: ${r.total} bytes (${r.files.join(', ')})`);
});

test('and ≤ 400 KB at 1280 px wide', { skip }, async () => {
  const r = await weigh(1280, 800, 1, false);
  assert.ok(r.total <= 400 * 1024, `${r.total} bytes: ${r.files.join(', ')}`);
  console.log(`# 1280×800: ${r.total} bytes (${r.files.join(', ')})`);
});
