// node --test Tests/js: the JavaScript half of the folding contract, and search on an index
// written by the Swift writer (fixtures/index, kept current by FixtureIndexTests.swift).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const S = require('../../themes/default/assets/search.js');
const here = new URL('.', import.meta.url);
const json = path => JSON.parse(readFileSync(new URL(path, here), 'utf8'));
const fixture = () => new S.Index(async name => json(`fixtures/index/${name}`));

test('fold agrees with the shared folding table', () => {
  const cases = json('../SharedFixtures/folding-cases.json');
  assert.ok(cases.length >= 40);
  assert.ok(cases.some(c => c.input !== c.input.normalize('NFC')), 'the table has NFD input');
  for (const c of cases) {
    assert.equal(S.fold(c.input), c.folded, JSON.stringify(c.input));
    assert.deepEqual(S.words(c.input), c.folded ? c.folded.split(' ') : []);
  }
});

test('fold agrees with Swift on every scalar of its folding table', () => {
  const rows = json('fixtures/fold-scalars.json');
  assert.ok(rows.length > 1000);
  const wrong = rows.filter(([hex, folded]) => S.fold(`x${String.fromCodePoint(parseInt(hex, 16))}x`) !== folded);
  assert.deepEqual(wrong, []);
});

test('query terms keep the buyer spelling next to the folded word', () => {
  assert.deepEqual(S.queryTerms('Bánh  PHỒNG-tôm'), [
    { f: 'banh', o: 'bánh' }, { f: 'phong', o: 'phồng' }, { f: 'tom', o: 'tôm' }]);
  assert.deepEqual(S.queryTerms('ba\u0301nh'), [{ f: 'banh', o: 'bánh' }], 'NFD input');
  assert.deepEqual(S.queryTerms('½'), [{ f: '1', o: '1' }, { f: '2', o: '2' }]);
  assert.deepEqual(S.queryTerms(' ,. '), []);
});

test('id lists decode as IdListCodec.swift writes them', () => {
  const ids = s => { const out = []; S.eachId(s, id => out.push(id)); return out; };
  assert.deepEqual(ids(']]]'), [0, 1, 2]);
  assert.deepEqual(ids('$]'), [32]);
  assert.deepEqual(ids('^%]]'), [1, 66, 67]);
  assert.deepEqual(ids(''), []);
  assert.equal(S.fileName('µg'), 't-_b5_g.json');
});

async function search(q, sector = '', ocop = 0) {
  const ix = fixture(), res = await ix.search({ q, sector, ocop });
  const rows = await ix.docs(res.m, res.ids);
  return { res, names: rows.map(r => r[1]), urls: rows.map(r => r[5]) };
}

test('"banh phong" finds the bánh phồng products, names first', async () => {
  const { names } = await search('banh phong');
  assert.deepEqual(names.slice(0, 4).sort(), ['Bánh phồng mì', 'Bánh phồng tôm Sa Giang', 'Bánh phồng tôm ít đường',
    'Cơ sở Bánh phồng tôm Sa Giang']);
  assert.deepEqual(names.slice(4).sort(), ['Hộp quà <script>alert("x")</script> & \'bánh\'', 'Đường thốt nốt'],
    'then the seller\'s other products');
  assert.ok(!names.includes('Phòng đôi view sông'), 'every word must match');
});

test('the buyer\'s exact diacritics rank first', async () => {
  // Four names hold "phồng", one "phòng"; the seller's other products and a description follow.
  assert.equal((await search('phồng')).names.indexOf('Phòng đôi view sông'), 4);
  assert.equal((await search('phòng')).names.indexOf('Phòng đôi view sông'), 0);
  assert.equal((await search('phong')).names.length, 8);
  assert.equal((await search('phong')).names.at(-1), 'Homestay Cái Bè', 'description only');
});

test('"duong" finds "đường"', async () => {
  const { names } = await search('duong');
  assert.deepEqual(names.sort(), ['Bánh phồng tôm ít đường', 'Đường thốt nốt']);
});

test('"Vĩnh Kim" and "vinh kim" find the same records', async () => {
  const marked = await search('Vĩnh Kim'), plain = await search('vinh kim');
  assert.deepEqual(marked.urls, plain.urls);
  assert.equal(marked.urls.length, 4);
  assert.ok(marked.urls.every(u => u.startsWith('co-so/vuon-vinh-kim/')));
});

test('name outranks business, sector and place, which outrank description', async () => {
  const { names } = await search('tôm');
  const at = name => names.indexOf(name);
  assert.ok(at('Mắm tôm chà Gò Công') < at('Bánh phồng mì'), 'name before business name');
  assert.ok(at('Bánh phồng mì') < at('Mắm cá linh'), 'business name before description');
  assert.ok(at('Mắm cá linh') >= 0);
});

test('the last word matches as a prefix while typing', async () => {
  // "h…": Hòa in the name, then hơn and Hòa in descriptions.
  assert.deepEqual((await search('xoai cat h')).names, ['Xoài cát Hòa Lộc', 'Xoài cát chu', 'Vườn trái cây Út Hiền']);
  assert.deepEqual((await search('vu su')).names, ['Vú sữa Lò Rèn Vĩnh Kim', 'Vườn trái cây Út Hiền']);
  assert.deepEqual((await search('mắm t')).names, ['Mắm tôm chà Gò Công', 'Mắm cá linh']);
});

test('filters by OCOP stars and sector', async () => {
  assert.deepEqual((await search('ocop')).names.sort(),
    ['Bánh phồng tôm Sa Giang', 'Bánh phồng tôm ít đường', 'Mắm tôm chà Gò Công', 'Vú sữa Lò Rèn Vĩnh Kim']);
  assert.deepEqual((await search('banh', '', 1)).names.sort(), ['Bánh phồng tôm Sa Giang', 'Bánh phồng tôm ít đường']);
  assert.deepEqual((await search('banh', '', 4)).names, ['Bánh phồng tôm Sa Giang']);
  assert.deepEqual((await search('', '', 5)).names, ['Vú sữa Lò Rèn Vĩnh Kim']);
  assert.equal((await search('', 'nong-san')).names.length, 4);
  assert.deepEqual((await search('xoai', 'du-lich')).names, []);
  assert.deepEqual((await search('xoai', 'khong-co')).names, [], 'an unknown sector matches nothing');
  assert.equal((await search('xoai', 'nong-san')).names.length, 3);
});

test('a hostile product name stays text', async () => {
  const { res, names } = await search('hop qua');
  assert.deepEqual(names, ['Hộp quà <script>alert("x")</script> & \'bánh\'']);
  const pieces = S.marks(names[0], res.planned);
  assert.equal(pieces.map(p => p[0]).join(''), names[0]);
  assert.deepEqual(pieces.filter(p => p[1]).map(p => p[0]), ['Hộp', 'quà']);
});

test('highlights follow the folded words, whole words only', () => {
  const planned = S.plan({ t: {}, stop: [] }, S.queryTerms('phong sa'));
  const hits = S.marks('Bánh phồng tôm (Sa Đéc), Sapa, phòng', planned).filter(p => p[1]).map(p => p[0]);
  assert.deepEqual(hits, ['phồng', 'Sa', 'Sapa', 'phòng']);
});

// A hand-made index for what the fixture cannot show: budgets and stop words.
function handMade(shards, stop = []) {
  const t = {};
  for (const k in shards) t[k] = JSON.stringify(shards[k]).length;
  t.th = 300000; // pretend "th…" is huge
  const files = { 'index.json': { n: 4, docs: 32, sectors: [], stop, t },
    'd-0.json': [0, 1, 2, 3].map(i => ['p', `r${i}`, '', '', '', `r${i}/`, 0, 0]) };
  for (const k in shards) files[S.fileName(k)] = shards[k];
  files[S.fileName('th')] = {};
  return new S.Index(async name => { if (!(name in files)) throw new Error(name); return files[name]; });
}

test('a last word too short to load is matched whole, then dropped if it matches nothing', async () => {
  const ix = handMade({ ba: { banh: [['bánh', ']]', '', '']] }, t: { t: [['t', '^', '', '']] } });
  const m = await ix.manifest();
  assert.deepEqual(S.plan(m, S.queryTerms('banh t')).map(w => [w.prefix, w.keys]), [[false, ['ba']], [false, ['t']]]);
  assert.deepEqual(Array.from((await ix.search({ q: 'banh t' })).ids), [1], '"t" as a whole word');
  const res = await ix.search({ q: 'banh th' });
  assert.deepEqual(Array.from(res.ids), [0, 1], '"th" matches nothing whole: results for "banh"');
  assert.equal(res.planned.length, 1);
});

test('stop words never exclude, unless the query has nothing else', async () => {
  const ix = handMade({ va: { va: [['và', '^', '', '']] }, mu: { mua: [['mưa', ']]]', '', '']] } }, ['va']);
  assert.deepEqual(Array.from((await ix.search({ q: 'và mưa' })).ids), [1, 0, 2], 'all three, the one with "và" first');
  assert.deepEqual(Array.from((await ix.search({ q: 'và' })).ids), [1]);
});

test('a failed file is fetched again next time', async () => {
  let calls = 0;
  const ix = new S.Index(async () => { if (++calls === 1) throw new Error('offline'); return { ok: 1 }; });
  await assert.rejects(ix.manifest());
  assert.deepEqual(await ix.manifest(), { ok: 1 });
});
