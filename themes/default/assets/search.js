/* chonoi search; index layout: Sources/Search/SearchIndexLayout.swift. The page provides ([] optional):
<form id="search-form" data-index="BASE/tim-kiem/chi-muc/" [data-base="BASE/"] [data-msg-{loading,count,none,error,more}]>
<input name="q"> [<select name="linh-vuc"><option value="">…</option><option value="SECTOR-ID">…</select>]
[<input type="checkbox" name="ocop" value="1">]</form>
<p id="search-status"></p> <div id="search-results" aria-live="polite"></div> <script src="…/search.js" defer></script>
data-base: root of result links (default data-index + "../../"). Messages: {n} count, {q} query. Renders ol.search-list > li.search-hit >
a.search-name (+ mark), p.search-meta > span.search-{price,seller,place,ocop}; button.search-more.
URL: ?q=…&linh-vuc=SECTOR-ID&ocop=V (V: the checkbox value = minimum stars). */
(() => {
const RUN = /[\p{L}\p{M}\p{N}\p{Cf}]+/gu;
const DROP = /[\p{M}\u00AD\u200C-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu;
// Letters NFD leaves alone, as FoldingTable.swift folds them; space = word break.
const EX = {};
for (const e of ('đd|© c |ªa|® r |²2|³3|¹1|ºo|¼ 1 4|½ 1 2|¾ 3 4|æae|ðd|øo|þth|ßss|ħh|ıi|ĳij|ĸq|ŀl|łl|' +
  'ŉ n|ŋn|œoe|ŧt|ſs|ƀb|ɓb|ƃb|ƈc|ɖd|ɗd|ƌd|ɛe|ƒf|ɠg|ƕhv|ɩi|ɨi|ƙk|ƚl|ɲn|ƞn|ƣoi|ƥp|ƫt|ƭt|ʈt|ʋv|ƴy|' +
  'ƶz|ǆdz|ǉlj|ǌnj|ǥg|ǳdz|ȡd|ȥz|ȴl|ȵn|ȶt|ȷj|ȸdb|ȹqp|ⱥa|ȼc|ⱦt|ȿs|ɀz|ʉu|ɇe|ɉj|ɍr|ɏy|ẚa|ẜs|ẝs|ỻll|ỽv|ỿy')
  .split('|')) EX[e[0]] = e.slice(1);
const EXR = RegExp(`[${Object.keys(EX).join('')}]`, 'gu');
const words = s => String(s).toLowerCase().normalize('NFD').replace(DROP, '')
  .replace(EXR, c => EX[c]).match(/[\p{L}\p{N}]+/gu) || [];
const fold = s => words(s).join(' ');
// o: the buyer's spelling, for the exact-diacritics bonus; runs cut as in WordScanner.swift.
const queryTerms = q => (String(q).normalize('NFC').match(RUN) || []).flatMap(run =>
  words(run).map((f, i, w) => ({ f, o: w.length > 1 ? f : run.toLowerCase().normalize('NFC') })));

// Gaps in base 32: leading digits '#'+d, last digit ']'+d (IdListCodec.swift).
function eachId(s, fn) {
  for (let i = 0, n = 0, id = -1, c; i < s.length; i++) {
    if ((c = s.charCodeAt(i)) < 93) n = n * 32 + c - 35;
    else { id += n * 32 + c - 92; n = 0; fn(id); }
  }
}
const fileName = k => 't-' + k.replace(/[^a-z0-9]/gu, c => `_${c.codePointAt(0).toString(16)}_`) + '.json';

// Shard keys are prefixes; see ShardPlanner.swift.
function shardsFor(m, f, prefix) {
  let best = '', keys = [];
  for (const k in m.t) if (f.startsWith(k) && k.length > best.length) best = k; else if (prefix && k.startsWith(f)) keys.push(k);
  return best ? keys.concat(best) : keys;
}
// The last word is a prefix unless that loads too much (1–2 letters).
const plan = (m, terms) => terms.slice(0, 12).map((t, i, all) => {
  let prefix = i === all.length - 1, keys = shardsFor(m, t.f, prefix);
  if (prefix && keys.reduce((a, k) => a + m.t[k], 0) > 250000) keys = shardsFor(m, t.f, prefix = false);
  return { ...t, prefix, keys, stop: m.stop.includes(t.f) };
});

// Ids best first, ties by id. Per word: name 16, business/sector/place/tags 8, description 4,
// +2 exact spelling, +1 whole word. All words must match but stop words (unless all are).
function rank(m, planned, allow) {
  const n = m.n, total = new Uint16Array(n), hits = new Uint8Array(n), strict = planned.every(w => w.stop);
  let need = 0, best = 0;
  for (const w of planned) {
    // s: this word's best score per record; total takes only improvements.
    const s = new Uint8Array(n), req = strict || !w.stop;
    for (const sh of w.shards) for (const [x, vs] of Object.entries(sh)) {
      if (w.prefix ? x.startsWith(w.f) : x === w.f) for (const v of vs) for (let t = 0; t < 3; t++) {
        const sc = (16 >> t) + (v[0] === w.o ? 2 : 0) + (x === w.f);
        eachId(v[t + 1], id => { const o = s[id]; if (sc > o) { total[id] += sc - o; s[id] = sc; if (!o) hits[id] += req; } });
      }
    }
    need += req;
  }
  const ids = [];
  for (let id = 0; id < n; id++) if (hits[id] === need && (allow ? allow[id] : need)) { ids.push(id); best = Math.max(best, total[id]); }
  const at = new Uint32Array(best + 2), out = new Int32Array(ids.length);
  for (const id of ids) at[best - total[id] + 1]++;
  for (let i = 1; i <= best; i++) at[i] += at[i - 1];
  for (const id of ids) out[at[best - total[id]]++] = id;
  return out;
}

const marks = (text, planned) => text.split(/([\p{L}\p{M}\p{N}\p{Cf}]+)/u).filter(Boolean).map(p =>
  [p, words(p).some(x => planned.some(w => w.prefix ? x.startsWith(w.f) : x === w.f))]);

// Files by name, each fetched once (again after a failure).
class Index {
  constructor(get) { this.get = get; this.cache = {}; }
  file(name) { return this.cache[name] ||= this.get(name).catch(e => { delete this.cache[name]; throw e; }); }
  manifest() { return this.file('index.json'); }
  async search(st) {
    const m = await this.manifest(), si = m.sectors.findIndex(s => s[0] === st.sector);
    let planned = plan(m, queryTerms(st.q)), allow = null;
    const load = async w => { w.shards = await Promise.all(w.keys.map(k => this.file(fileName(k)))); };
    const [, sector, ocop] = await Promise.all([Promise.all(planned.map(load)),
      si < 0 ? null : this.file(`s-${si}.json`), st.ocop && this.file('ocop.json')]);
    if (st.sector || st.ocop) {
      const a = new Uint8Array(m.n);
      if (sector) eachId(sector, id => a[id]++);
      for (const s in ocop) if (+s >= st.ocop) eachId(ocop[s], id => a[id]++);
      allow = a.map(x => x === !!st.sector + !!st.ocop);
    }
    let ids = rank(m, planned, allow);
    // The last word, still being typed, matches nothing whole: drop it.
    if (!ids.length && planned.length > 1 && !planned.at(-1).prefix) ids = rank(m, planned = planned.slice(0, -1), allow);
    return { m, planned, ids };
  }
  // [kind, name, business, place, price, url, sector, ocop]
  docs(m, ids) { return Promise.all(Array.from(ids, id => this.file(`d-${Math.floor(id / m.docs)}.json`).then(d => d[id % m.docs]))); }
}

if (typeof module !== 'undefined') return void (module.exports = { fold, words, queryTerms, eachId, fileName, shardsFor, plan, rank, marks, Index });

const form = document.getElementById('search-form'), out = document.getElementById('search-results'), d = form?.dataset;
if (!out || !d?.index) return;
const status = document.getElementById('search-status'), { q, ocop: oc } = form.elements, sel = form.elements['linh-vuc'];
const msg = k => d['msg' + k] || { Loading: 'Đang tải…', Count: '{n} kết quả', None: 'Không tìm thấy kết quả cho “{q}”',
  Error: 'Không tải được dữ liệu tìm kiếm.', More: 'Xem thêm' }[k];
const root = new URL(d.index, document.baseURI), base = new URL(d.base || '../../', root);
let seq = 0, timer, committed = true;
// The manifest is revalidated, other files carry its hash: two builds never mix.
const ix = new Index(async n => (await fetch(new URL(n === 'index.json' ? n : `${n}?v=${(await ix.manifest()).h}`, root),
  { cache: n === 'index.json' ? 'no-cache' : 'default' })).json());
const say = t => status && (status.textContent = t);
const el = (tag, cls, parent, props) => Object.assign(parent.appendChild(document.createElement(tag)), { className: cls }, props);
const marked = (parent, text, planned) => { for (const [p, hit] of marks(text, planned)) hit ? el('mark', '', parent, { textContent: p }) : parent.append(p); };
// Old results stay until the new rows are ready.
async function show(res, from, my) {
  const rows = await ix.docs(res.m, res.ids.subarray(from, from + 20));
  if (my !== seq) return;
  if (!from) out.textContent = '';
  const list = out.firstChild || el('ol', 'search-list', out);
  for (const r of rows) {
    const li = el('li', 'search-hit', list);
    marked(el('a', 'search-name', li, { href: new URL(r[5], base) }), r[1], res.planned);
    const meta = el('p', 'search-meta', li);
    for (const [cls, text, hl] of [['price', r[4]], ['seller', r[0] === 'p' && r[2], 1], ['place', r[3], 1],
      ['ocop', r[7] && `OCOP ${r[7]}★`]]) if (text) marked(el('span', 'search-' + cls, meta), text, hl ? res.planned : []);
  }
  if (from + 20 < res.ids.length) el('button', 'search-more', out, { type: 'button', textContent: msg('More') })
    .onclick = e => { e.target.remove(); show(res, from + 20, my).catch(() => say(msg('Error'))); };
}
async function run() {
  const my = ++seq, st = { q: q.value.trim(), sector: sel?.value || '', ocop: oc?.checked ? +oc.value || 1 : 0 };
  const slow = setTimeout(() => my === seq && say(msg('Loading')), 200);
  try {
    const res = st.q || st.sector || st.ocop ? await ix.search(st) : null, n = res?.ids.length;
    if (my !== seq) return;
    if (n) await show(res, 0, my); else out.textContent = '';
    if (my === seq) say(res ? (n ? msg('Count') : msg('None')).replace('{n}', n.toLocaleString('vi')).replace('{q}', st.q) : '');
  } catch { if (my === seq) say(msg('Error')); } finally { clearTimeout(slow); }
}
function read() {
  const p = new URLSearchParams(location.search);
  q.value = p.get('q') || '';
  if (sel) sel.value = p.get('linh-vuc') || '';
  if (oc) oc.checked = p.get('ocop') > 0;
  run(committed = true);
}
// Typing replaces one history entry; a submit or a filter change commits it.
function change(push) {
  const p = new URLSearchParams(new FormData(form));
  for (const [k, v] of [...p]) if (!v.trim()) p.delete(k);
  const to = location.pathname + (`${p}` && '?' + p);
  if (to !== location.pathname + location.search) history[push || committed ? 'pushState' : 'replaceState'](null, '', to);
  committed = push;
  run();
}
q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(change, 150, false); });
form.addEventListener('submit', e => { e.preventDefault(); clearTimeout(timer); change(true); });
for (const c of [sel, oc]) c?.addEventListener('change', () => change(true));
addEventListener('popstate', read);
read();
})();
