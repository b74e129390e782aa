// node --test Tests/js: the JavaScript half of the registration form's contract — register.js's rules give
// the validator's codes on the shared case table (the Swift half: Tests/RegistrationTests), and the files,
// the .zip and the links it writes are what the contract and the hosts expect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, mkdtempSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const R = require('../../themes/default/assets/register.js');
const here = new URL('.', import.meta.url);
const json = path => JSON.parse(readFileSync(new URL(path, here), 'utf8'));
const cases = json('../SharedFixtures/registration-cases.json');
const data = json('fixtures/bieu-mau.json');

// The valid entries of SharedCaseTests.swift.
const business = { name: 'Cơ sở Bánh phồng tôm Sa Giang', sector: 'thuc-pham-che-bien', kind: 'ho-kinh-doanh',
  representative: 'Nguyễn Văn An', phone: '0273 3 812 345', 'address.street': 'Số 12, ấp Bình Phú',
  'address.ward': 'Xã Long Định', 'address.province': 'Đồng Tháp', body: 'Làm bánh phồng tôm từ năm 1960.' };
const product = { name: 'Bánh phồng tôm đặc biệt', sector: 'thuc-pham-che-bien', price: '85000', unit: 'hộp 500 g',
  published: '2026-03-15', body: 'Bánh giòn, thơm.' };
// "contact" is a check box on the page.
const form = values => { const v = { ...values }; if (v.price === 'contact') { v.price = ''; v.price_contact = true; } return v; };

test('the valid entries are clean', () => {
  assert.deepEqual(R.check('business', form(business), data, cases.today), []);
  assert.deepEqual(R.check('product', form(product), data, cases.today), []);
});

test('every field case gets the validator\'s codes', () => {
  assert.ok(cases.fields.length >= 50);
  for (const c of cases.fields) {
    const values = form({ ...(c.entry === 'business' ? business : product), [c.key]: c.value, ...c.with });
    const got = R.check(c.entry, values, data, cases.today);
    assert.deepEqual(got.map(p => p.code).sort(), [...c.codes].sort(), `${c.entry} ${c.key} = ${JSON.stringify(c.value)}`);
    for (const p of got) assert.ok(p.text && !/\{(key|value|a|b)\}/.test(p.text), p.text);
  }
});

test('messages are the validator\'s, with the field\'s label and the value', () => {
  const [p] = R.check('business', { ...business, phone: '0112 345 678' }, data, cases.today);
  assert.equal(p.text, data.messages.phone.replace('{key}', 'business:phone').replace('{value}', '0112 345 678'));
  assert.match(p.text, /không phải số điện thoại Việt Nam/);
});

test('shop prices convert as the validator suggests', () => {
  for (const c of cases.prices) assert.equal(R.price(c.input), c.value, c.input);
});

test('slugs are the validator\'s', () => {
  for (const c of cases.slugs) assert.equal(R.slug(c.input), c.slug, c.input);
  assert.match(R.checkSlug('Bánh', null, data), /"banh"/);
  assert.match(R.checkSlug('sa-giang', 'businesses/sa-giang', data), /businesses\/sa-giang/);
  assert.equal(R.checkSlug('sa-giang', null, data), null);
});

test('entries are written in the contract\'s order, quoted, NFC', () => {
  const text = R.entryText('product', { ...product, name: 'Ba\u0301nh "đặc biệt"\u2028x', price: '1tr2', season: [1, 2],
    ocop: '4', ocop_year: '2024', tags: 'quà biếu, đặc sản', available: false, draft: true }, { images: ['banh.jpg'] });
  assert.equal(text, '---\nname: "Bánh \\"đặc biệt\\"\\u2028x"\nsector: "thuc-pham-che-bien"\nprice: 1200000\nunit: "hộp 500 g"\n'
    + 'images: ["banh.jpg"]\nocop: 4\nocop_year: 2024\nseason: [1, 2]\navailable: false\npublished: 2026-03-15\n'
    + 'tags: ["quà biếu", "đặc sản"]\ndraft: true\n---\nBánh giòn, thơm.\n');
  assert.match(R.entryText('product', { ...product, price_contact: true }, {}), /\nprice: contact\n/);
});

test('the .zip unpacks with another implementation (Python\'s zipfile), CRCs checked', () => {
  const enc = new TextEncoder(), files = [{ path: 'sa-giang/index.md', bytes: enc.encode('---\nname: "Đ"\n---\n') },
    { path: 'sa-giang/products/bánh.md', bytes: enc.encode('x') }, { path: 'sa-giang/logo.jpg', bytes: new Uint8Array(70000).map((_, i) => i % 251) }];
  assert.equal(R.crc32(enc.encode('123456789')), 0xCBF43926);
  const dir = mkdtempSync(join(tmpdir(), 'chonoi-zip-'));
  try {
    writeFileSync(join(dir, 'a.zip'), R.zip(files));
    const r = spawnSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2]); print("\\n".join(z.namelist()))',
      join(dir, 'a.zip'), join(dir, 'out')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), files.map(f => f.path));
    assert.deepEqual(new Uint8Array(readFileSync(join(dir, 'out/sa-giang/logo.jpg'))), files[2].bytes);
    assert.deepEqual(readdirSync(join(dir, 'out/sa-giang/products')), ['bánh.md']);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('new-file links: GitHub fills filename and value, GitLab the file name only', () => {
  const gh = new URL(R.newFileURL({ host: 'github', repository: 'https://github.com/o/r' }, 'dang-ky/sa-giang', 'content/businesses/sa-giang/index.md', 'a & b\n'));
  assert.equal(gh.pathname, '/o/r/new/dang-ky/sa-giang');
  assert.equal(gh.searchParams.get('filename'), 'content/businesses/sa-giang/index.md');
  assert.equal(gh.searchParams.get('value'), 'a & b\n');
  const gl = new URL(R.newFileURL({ host: 'gitlab', repository: 'https://gitlab.com/g/s/r' }, 'main', 'content/businesses/a/index.md', 'x'));
  assert.equal(gl.pathname, '/g/s/r/-/new/main/content/businesses/a');
  assert.equal(gl.searchParams.get('file_name'), 'index.md');
  assert.equal(R.uploadURL({ host: 'github', repository: 'https://github.com/o/r' }, 'dang-ky/a', 'content/businesses/a'),
    'https://github.com/o/r/upload/dang-ky/a/content/businesses/a');
});
