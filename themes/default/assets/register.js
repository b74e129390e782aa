/* chonoi registration form (/dang-ky/). The page (templates/register.mustache) provides:
<form id="reg-form" data-form="…/bieu-mau.json" data-folder="content/businesses/" data-msg-*> with the business
fields (ids b-KEY, KEY's dots and underscores as hyphens) and b-slug; <template id="reg-product-template"> whose ids
start p__- (__ = the product's number); #reg-products, #reg-add, #reg-status, #reg-out, #reg-download, #reg-steps,
#reg-files. bieu-mau.json is written by Sources/Registration/FormData.swift: sectors, kinds, fields (key, input,
required, label), the validator's messages with {placeholders}, taken folder names, submissions, photo size.
The rules below are ports of the Swift validator's; Tests/SharedFixtures/registration-cases.json holds both to
the same answers. Nothing is sent anywhere: the folder is shown as text, zipped for download, or linked to the
host's new-file page. */
(() => {
// --- Text: slugs fold like FoldingTable.swift (the same exceptions as search.js) -----------------
const DROP = /[\p{M}\u00AD\u200C-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu;
const EX = {};
for (const e of ('đd|© c |ªa|® r |²2|³3|¹1|ºo|¼ 1 4|½ 1 2|¾ 3 4|æae|ðd|øo|þth|ßss|ħh|ıi|ĳij|ĸq|ŀl|łl|' +
  'ŉ n|ŋn|œoe|ŧt|ſs|ƀb|ɓb|ƃb|ƈc|ɖd|ɗd|ƌd|ɛe|ƒf|ɠg|ƕhv|ɩi|ɨi|ƙk|ƚl|ɲn|ƞn|ƣoi|ƥp|ƫt|ƭt|ʈt|ʋv|ƴy|' +
  'ƶz|ǆdz|ǉlj|ǌnj|ǥg|ǳdz|ȡd|ȥz|ȴl|ȵn|ȶt|ȷj|ȸdb|ȹqp|ⱥa|ȼc|ⱦt|ȿs|ɀz|ʉu|ɇe|ɉj|ɍr|ɏy|ẚa|ẜs|ẝs|ỻll|ỽv|ỿy')
  .split('|')) EX[e[0]] = e.slice(1);
const EXR = RegExp(`[${Object.keys(EX).join('')}]`, 'gu');
const words = s => String(s).toLowerCase().normalize('NFD').replace(DROP, '')
  .replace(EXR, c => EX[c]).match(/[\p{L}\p{N}]+/gu) || [];
// Slug.make: letters without an ASCII form break words instead of being kept.
const slug = s => words(s).flatMap(w => w.split(/[^a-z0-9]+/)).filter(Boolean).join('-');
const isSlug = s => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s);
const nfc = s => String(s).normalize('NFC');
const trim = s => String(s ?? '').trim();
const isDigits = s => /^[0-9]+$/.test(s);
const SEP = c => c === 0x20 || c === 0x09 || c === 0xA0 || c === 0x2E || c === 0x2D || (c >= 0x2010 && c <= 0x2013);

// --- Rules, as PhoneNumber.swift, TaxCode.swift, PriceSuggestion.swift, FieldRules.swift -----------
/** The national number ("0912345678") of a Vietnamese mobile or landline, or null. */
function phone(raw) {
  let digits = '', plus = false;
  for (const ch of String(raw)) {
    const c = ch.codePointAt(0);
    if (c >= 48 && c <= 57) { digits += ch; if (digits.length > 12) return null; }
    else if (c === 0x2B) { if (plus || digits) return null; plus = true; }
    else if (!(SEP(c) || c === 0x28 || c === 0x29)) return null;
  }
  const has84 = digits.startsWith('84');
  let n = digits;
  if (plus) { if (!has84) return null; n = '0' + digits.slice(2); }
  else if (has84 && (digits.length === 11 || digits.length === 12)) n = '0' + digits.slice(2);
  if (n.length < 10 || n[0] !== '0') return null;
  return (n.length === 10 && '35789'.includes(n[1])) || (n.length === 11 && n[1] === '2') ? n : null;
}

/** 'enterprise', 'branch', 'personal' (a 12-digit ID), 'check' (wrong check digit) or 'format'. */
function taxCode(raw) {
  const s = trim(raw), d = [];
  if (!/^[0-9]/.test(s) || !/[0-9]$/.test(s)) return 'format';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c >= 48 && c <= 57) { d.push(c - 48); if (d.length > 13) return 'format'; }
    else if (!SEP(c)) return 'format';
  }
  if (d.length === 12) return 'personal';
  if (d.length !== 10 && d.length !== 13) return 'format';
  if (d.slice(2, 9).every(x => x === 0) || (d.length === 13 && d.slice(10).every(x => x === 0))) return 'format';
  const sum = [31, 29, 23, 19, 17, 13, 7, 5, 3].reduce((a, w, i) => a + w * d[i], 0), check = 10 - sum % 11;
  if (check === 10 || check !== d[9]) return 'check';
  return d.length === 10 ? 'enterprise' : 'branch';
}

/** Whole đồng from a shop-style price ("85.000", "85k", "1tr2", "1,5 triệu"), or null. */
function price(raw) {
  let s = nfc(raw).toLowerCase().replace(/\s+/gu, '');
  for (const suffix of ['vnđ', 'vnd', 'đồng', 'dong', 'đ', '₫', 'd']) if (s.endsWith(suffix)) { s = s.slice(0, -suffix.length); break; }
  if (!s) return null;
  const parts = s.split(/[.,]/);
  if (parts.every(isDigits)) {
    if (parts.length > 1 && !(parts[0].length <= 3 && parts.slice(1).every(p => p.length === 3))) return null;
    const n = Number(parts.join(''));
    return n > 0 && n <= 1e15 ? n : null;
  }
  for (const [suffix, factor] of [['triệu', 1e6], ['tr', 1e6], ['k', 1e3], ['nghìn', 1e3], ['ngàn', 1e3]]) {
    const i = s.indexOf(suffix);
    if (i < 0) continue;
    const head = s.slice(0, i).replace(/,/g, '.'), tail = s.slice(i + suffix.length);
    if (!head || !/^[0-9.]+$/.test(head)) return null;
    const d = Number(head), amount = Math.round(d * factor);
    if (!Number.isFinite(d) || d <= 0 || amount < 1 || amount > 1e15) return null;
    if (!tail) return amount;
    // "1tr2" is 1,200,000: the digits after the unit are the next place value.
    if (!/^[0-9]{1,3}$/.test(tail)) return null;
    return amount + Number(tail) * (factor / 10 ** tail.length);
  }
  return null;
}

const OLD_FORMS = ['huyện', 'quận', 'thị xã', 'thị trấn', 'tiền giang'];
/** The old administrative word in an address (a whole word), as AddressRules.swift finds it. */
function oldForm(text) {
  const lower = nfc(text).toLowerCase(), letter = c => c !== undefined && /\p{L}/u.test(c);
  for (const w of OLD_FORMS) {
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) {
      if (!letter([...lower.slice(0, i)].pop()) && !letter([...lower.slice(i + w.length)][0])) return w;
    }
  }
  return null;
}
function isWebAddress(s) {
  const lower = s.toLowerCase(), m = /^https?:\/\//.exec(lower);
  if (!m) return false;
  const host = lower.slice(m[0].length).split(/[/?#]/)[0];
  return !!host && host.includes('.') && !/[\s"<>]/u.test(s);
}
function looksLikeEmail(s) {
  const p = s.split('@');
  return p.length === 2 && !!p[0] && p[1].includes('.') && !p[1].startsWith('.') && !p[1].endsWith('.') && !/[\s<>",;]/u.test(s);
}

// --- Checking an entry: values by the contract's keys, as typed --------------------------------------
const WARNINGS = new Set(['ocop-expired', 'ocop-year-without-stars', 'old-address-form', 'date-in-future', 'empty-body']);
const CODES = { empty: 'empty-field', phone: 'invalid-phone', email: 'invalid-email', url: 'invalid-url',
  taxFormat: 'tax-code-format', taxCheck: 'tax-code-check-digit', personalID: 'personal-id-not-allowed',
  ocopStars: 'ocop-stars', ocopYearWithoutStars: 'ocop-year-without-stars', ocopExpired: 'ocop-expired',
  ocopFuture: 'ocop-year-in-future', year: 'year-out-of-range', price: 'price-not-whole', pricePositive: 'price-positive',
  unit: 'unit-required', positive: 'positive-number', oldAddress: 'old-address-form', slug: 'invalid-slug',
  duplicate: 'duplicate-slug', coordinate: 'coordinate-out-of-range', date: 'invalid-date', future: 'date-in-future',
  updatedBefore: 'updated-before-published', wholeNumber: 'wrong-type', yearType: 'wrong-type', decimal: 'wrong-type',
  emptyBody: 'empty-body' };
const fill = (t, p) => String(t ?? '').replace(/\{(\w+)\}/g, (m, k) => (k in p ? String(p[k]) : m));

/**
 * Problems of one entry ('business' or 'product'): [{ key, code, warning, text }]. `values` maps the
 * contract's keys to what the seller typed (text, a list of months, true/false); `data` is bieu-mau.json;
 * `today` is YYYY-MM-DD.
 */
function check(entry, values, data, today) {
  const out = [], fields = data.fields[entry], label = k => fields.find(f => f.key === k)?.label ?? k;
  const say = (key, name, p = {}) => out.push({ key, code: CODES[name], warning: WARNINGS.has(CODES[name]),
    text: fill(data.messages[name], { key: label(key), ...p }) });
  const v = k => (typeof values[k] === 'string' ? trim(values[k]) : values[k]);
  const year = Number(today.slice(0, 4));
  const contact = entry === 'product' && values.price_contact === true;
  for (const f of fields) {
    const value = v(f.key);
    if (f.required && !(f.key === 'price' && contact) && !(f.key === 'unit') && (value === '' || value == null)) say(f.key, 'empty');
  }
  const yearOf = (key, check) => {
    const t = v(key);
    if (!t) return null;
    if (!isDigits(t) || t.length !== 4) { say(key, 'yearType'); return null; }
    return check ? check(Number(t)) : Number(t);
  };
  if (entry === 'business') {
    for (const k of ['phone', 'zalo']) if (v(k) && !phone(v(k))) say(k, 'phone', { value: v(k) });
    if (v('email') && !looksLikeEmail(v('email'))) say('email', 'email', { value: v('email') });
    if (v('website') && !isWebAddress(v('website'))) say('website', 'url', { value: v('website') });
    yearOf('founded', n => { if (n < 1800 || n > year) say('founded', 'year', { value: n, a: n, b: year }); });
    for (const k of ['address.street', 'address.ward', 'address.province']) {
      const w = v(k) && oldForm(v(k));
      if (w) say(k, 'oldAddress', { word: w });
    }
    if (v('tax_code')) {
      const r = taxCode(v('tax_code'));
      if (r === 'format') say('tax_code', 'taxFormat', { value: v('tax_code') });
      if (r === 'check') say('tax_code', 'taxCheck', { value: v('tax_code') });
      if (r === 'personal' && v('kind') && !['ca-nhan', 'ho-kinh-doanh'].includes(v('kind'))) say('tax_code', 'personalID', { kind: v('kind') });
    }
    const [lat, lng] = [v('map.lat'), v('map.lng')];
    if (lat || lng) {
      for (const [k, t, max] of [['map.lat', lat, 90], ['map.lng', lng, 180]]) {
        if (!t) say(k, 'empty');
        else if (!/^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(t)) say(k, 'decimal');
        else if (Math.abs(Number(t)) > max) say(k, 'coordinate', { a: t, b: -max, c: max });
      }
    }
  } else {
    const p = v('price');
    if (!contact && p) {
      if (isDigits(p) && Number(p) === 0) say('price', 'pricePositive');
      else if (price(p) == null) say('price', 'price', { value: p });
    }
    if (!contact && !v('unit')) say('unit', p ? 'unit' : 'empty');
    const minOrder = v('min_order');
    if (minOrder) { if (!isDigits(minOrder) || minOrder.length > 15) say('min_order', 'wholeNumber'); else if (Number(minOrder) < 1) say('min_order', 'positive'); }
    const stars = v('ocop');
    if (stars && !(isDigits(stars) && +stars >= 3 && +stars <= 5)) say('ocop', 'ocopStars', { a: stars });
    yearOf('ocop_year', n => {
      if (!stars) say('ocop_year', 'ocopYearWithoutStars');
      if (n > year) say('ocop_year', 'ocopFuture', { a: n });
      else if (n < 2018 || year > n + 3) say('ocop_year', 'ocopExpired', { a: n, b: n + 3 });
    });
    const dates = {};
    for (const k of ['published', 'updated']) {
      const t = v(k);
      if (!t) continue;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t), d = m && new Date(Date.UTC(+m[1], m[2] - 1, +m[3]));
      if (!m || d.getUTCMonth() !== m[2] - 1 || d.getUTCDate() !== +m[3]) { say(k, 'date', { value: t }); continue; }
      dates[k] = t;
      if (t > today) say(k, 'future', { value: t });
    }
    if (dates.updated && dates.published && dates.updated < dates.published) {
      say('updated', 'updatedBefore', { updated: dates.updated, published: dates.published });
    }
  }
  if (!v('body')) say('body', 'emptyBody');
  return out;
}

/** A proposed folder or file name: invalid or taken ones get the validator's message. */
function checkSlug(value, taken, data) {
  if (!isSlug(value)) return fill(data.messages.slug, { name: value, suggestion: slug(value) || 'ten-moi' });
  if (taken) return fill(data.messages.duplicate, { slug: value, other: taken });
  return null;
}

// --- Writing the files --------------------------------------------------------------------------------
// Text goes in double quotes (JSON's escapes are YAML's); line separators YAML would fold are escaped.
const q = s => JSON.stringify(nfc(s)).replace(/[\u0085\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const list = s => String(s ?? '').split(/[,;\n]/).map(trim).filter(Boolean);

/** index.md or <product>.md: front matter in the contract's order, then the description. */
function entryText(entry, values, extra = {}) {
  const v = k => (typeof values[k] === 'string' ? trim(values[k]) : values[k]), lines = ['---'];
  const put = (k, text) => { if (text !== undefined && text !== '' && text !== null) lines.push(`${k}: ${text}`); };
  put('name', v('name') && q(v('name')));
  put('sector', v('sector') && q(v('sector')));
  if (entry === 'business') {
    put('kind', v('kind') && q(v('kind')));
    put('representative', v('representative') && q(v('representative')));
    put('phone', v('phone') && q(v('phone')));
    lines.push('address:');
    for (const k of ['street', 'ward', 'province']) if (v('address.' + k)) lines.push(`  ${k}: ${q(v('address.' + k))}`);
    for (const k of ['email', 'website', 'tax_code']) put(k, v(k) && q(v(k)));
    put('founded', v('founded'));
    put('logo', extra.logo && q(extra.logo));
    put('zalo', v('zalo') && q(v('zalo')));
    if (v('map.lat') && v('map.lng')) lines.push('map:', `  lat: ${v('map.lat')}`, `  lng: ${v('map.lng')}`);
    const certs = list(v('certifications'));
    if (certs.length) put('certifications', `[${certs.map(q).join(', ')}]`);
  } else {
    put('price', values.price_contact === true ? 'contact' : price(v('price')));
    put('unit', v('unit') && q(v('unit')));
    if (extra.images?.length) put('images', `[${extra.images.map(q).join(', ')}]`);
    for (const k of ['ocop', 'ocop_year', 'min_order']) put(k, v(k));
    if (values.season?.length) put('season', `[${values.season.join(', ')}]`);
    put('delivery', v('delivery') && q(v('delivery')));
    if (values.available === false) put('available', 'false');
    put('published', v('published'));
    put('updated', v('updated'));
    const tags = list(v('tags'));
    if (tags.length) put('tags', `[${tags.map(q).join(', ')}]`);
  }
  if (values.draft === true) put('draft', 'true');
  lines.push('---');
  const body = nfc(String(values.body ?? '').replace(/\r\n?/g, '\n')).trim();
  return lines.join('\n') + '\n' + (body ? body + '\n' : '');
}

// --- A .zip of stored files (no compression: photos are JPEG already), as APPNOTE.TXT 4.3 ---------
const CRC = new Uint32Array(256).map((_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = bytes => { let c = ~0; for (const b of bytes) c = CRC[(c ^ b) & 255] ^ (c >>> 8); return ~c >>> 0; };
/** files: [{ path, bytes: Uint8Array }] → the archive's bytes. */
function zip(files, date = new Date()) {
  const enc = new TextEncoder(), chunks = [], central = [];
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  let offset = 0;
  const header = (size) => { const b = new Uint8Array(size); return [b, new DataView(b.buffer)]; };
  for (const f of files) {
    const name = enc.encode(f.path), crc = crc32(f.bytes), n = f.bytes.length;
    const [local, l] = header(30);
    // signature, version 2.0, flags: bit 11 (names are UTF-8), stored, time, date, crc, sizes, name length.
    l.setUint32(0, 0x04034b50, true); l.setUint16(4, 20, true); l.setUint16(6, 0x800, true); l.setUint16(8, 0, true);
    l.setUint16(10, time, true); l.setUint16(12, day, true); l.setUint32(14, crc, true); l.setUint32(18, n, true);
    l.setUint32(22, n, true); l.setUint16(26, name.length, true); l.setUint16(28, 0, true);
    const [cen, c] = header(46);
    c.setUint32(0, 0x02014b50, true); c.setUint16(4, 20, true); c.setUint16(6, 20, true); c.setUint16(8, 0x800, true);
    c.setUint16(10, 0, true); c.setUint16(12, time, true); c.setUint16(14, day, true); c.setUint32(16, crc, true);
    c.setUint32(20, n, true); c.setUint32(24, n, true); c.setUint16(28, name.length, true);
    c.setUint32(38, 0o100644 << 16 >>> 0, true); c.setUint32(42, offset, true);
    chunks.push(local, name, f.bytes);
    central.push(cen, name);
    offset += 30 + name.length + n;
  }
  const size = central.reduce((a, b) => a + b.length, 0), [end, e] = header(22);
  e.setUint32(0, 0x06054b50, true); e.setUint16(8, files.length, true); e.setUint16(10, files.length, true);
  e.setUint32(12, size, true); e.setUint32(16, offset, true);
  const all = [...chunks, ...central, end], out = new Uint8Array(all.reduce((a, b) => a + b.length, 0));
  let at = 0;
  for (const b of all) { out.set(b, at); at += b.length; }
  return out;
}

// --- Links to the host's new-file page ------------------------------------------------------------------
const pathURL = p => p.split('/').map(encodeURIComponent).join('/');
/** GitHub fills `filename` and `value`; GitLab fills only `file_name` (its editor ignores the content). */
function newFileURL(sub, branch, path, text) {
  if (sub.host === 'github') {
    return `${sub.repository}/new/${pathURL(branch)}?filename=${encodeURIComponent(path)}&value=${encodeURIComponent(text)}`;
  }
  const dir = path.slice(0, path.lastIndexOf('/')), name = path.slice(path.lastIndexOf('/') + 1);
  return `${sub.repository}/-/new/${pathURL(branch)}/${pathURL(dir)}?file_name=${encodeURIComponent(name)}`;
}
const uploadURL = (sub, branch, dir) => sub.host === 'github'
  ? `${sub.repository}/upload/${pathURL(branch)}/${pathURL(dir)}` : `${sub.repository}/-/tree/${pathURL(branch)}/${pathURL(dir)}`;

if (typeof module !== 'undefined') {
  return void (module.exports = { slug, isSlug, phone, taxCode, price, oldForm, isWebAddress, looksLikeEmail, check,
    checkSlug, entryText, zip, crc32, newFileURL, uploadURL });
}

// --- The page --------------------------------------------------------------------------------------------
const form = document.getElementById('reg-form');
if (!form?.dataset.form) return;
const ds = form.dataset, $ = id => document.getElementById(id);
const productsBox = $('reg-products'), template = $('reg-product-template'), status = $('reg-status');
const today = (() => { const d = new Date(); d.setMinutes(d.getMinutes() - d.getTimezoneOffset()); return d.toISOString().slice(0, 10); })();
const idOf = key => key.replace(/[._]/g, '-');
const touched = new Set(), photos = new Map(), manualSlug = new Set();
let data, nextProduct = 0;

// Field values of one entry, from the elements whose ids start with `prefix`.
function read(prefix, entry) {
  const values = {};
  for (const f of data.fields[entry]) {
    const id = prefix + idOf(f.key), el = $(id);
    if (f.input === 'months') values[f.key] = [...form.querySelectorAll(`input[name="${id}"]:checked`)].map(i => Number(i.value));
    else if (f.input === 'yesNo') values[f.key] = !!el?.checked;
    else if (f.input === 'photo' || f.input === 'photos') values[f.key] = photos.get(id) || [];
    else values[f.key] = el?.value ?? '';
  }
  if (entry === 'product') values.price_contact = !!$(prefix + 'price-contact')?.checked;
  return values;
}

function show(prefix, entry, problems, all) {
  for (const f of [...data.fields[entry], { key: 'slug' }]) {
    const id = prefix + idOf(f.key), box = $(id + '-error'), el = $(id);
    if (!box) continue;
    const mine = (all || touched.has(id)) ? problems.filter(p => p.key === f.key) : [];
    box.textContent = mine.map(p => p.text).join(' ');
    box.className = 'reg-error' + (mine.length && mine.every(p => p.warning) ? ' warn' : '');
    const bad = mine.some(p => !p.warning);
    if (el) { if (bad) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid'); }
  }
}

function products() { return [...productsBox.querySelectorAll('.reg-product')].map(fs => `p${fs.dataset.index}-`); }

// Checks everything; shows the problems of touched fields (all of them when `all`). Returns the count of errors.
function validate(all) {
  let errors = 0;
  const entries = [['b-', 'business'], ...products().map(p => [p, 'product'])], seen = new Map();
  for (const [prefix, entry] of entries) {
    const values = read(prefix, entry), problems = check(entry, values, data, today);
    const s = $(prefix + 'slug').value.trim();
    const taken = entry === 'business' ? (data.taken.includes(s) ? `businesses/${s}` : null) : seen.get(s);
    const slugProblem = s ? checkSlug(s, taken, data) : fill(data.messages.empty, { key: document.querySelector(`label[for="${prefix}slug"]`).firstChild.textContent.trim() });
    if (slugProblem) problems.push({ key: 'slug', text: slugProblem, warning: false });
    if (entry === 'product' && s && !seen.has(s)) seen.set(s, `products/${s}.md`);
    // "unit" is marked required only while the price is a number.
    if (entry === 'product') $(prefix + 'unit').setAttribute('aria-required', String(!values.price_contact));
    errors += problems.filter(p => !p.warning).length;
    show(prefix, entry, problems, all);
  }
  return errors;
}

function proposeSlug(input) {
  const prefix = input.id.slice(0, input.id.indexOf('-') + 1);
  if (input.id === prefix + 'name' && !manualSlug.has(prefix)) $(prefix + 'slug').value = slug(input.value);
}

function showPrice(prefix) {
  const input = $(prefix + 'price'), out = $(prefix + 'price-value'), n = price(input.value), contact = $(prefix + 'price-contact').checked;
  input.disabled = contact;
  out.textContent = contact ? ds.msgContact : n ? fill(ds.msgPrice, { price: n.toLocaleString('vi-VN') + ' ₫' }) : '';
}

function addProduct() {
  const i = nextProduct++, html = template.innerHTML.replaceAll('__n__', String(products().length + 1)).replaceAll('__', String(i));
  productsBox.insertAdjacentHTML('beforeend', html);
  const prefix = `p${i}-`;
  $(prefix + 'published').value = today;
  $(prefix + 'sector').value = $('b-sector').value;
  $(prefix + 'name').closest('.reg-field').after($(prefix + 'slug').closest('.reg-field'));
  return prefix;
}

function renumber() {
  products().forEach((p, n) => { const legend = $(p + 'name').closest('fieldset').querySelector('legend'); legend.textContent = `${ds.msgProduct} ${n + 1}`; });
}

// Photos: re-encoded through a canvas, which keeps the pixels (turned upright) and drops EXIF and GPS.
async function encodePhoto(file) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, data.photo.longSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close?.();
  const blob = await new Promise(ok => canvas.toBlob(ok, 'image/jpeg', data.photo.quality));
  return new Uint8Array(await blob.arrayBuffer());
}

// The seller's folder: [{ path (inside businesses/), text?, bytes }].
async function folder() {
  const enc = new TextEncoder(), b = $('b-slug').value.trim(), files = [];
  const business = read('b-', 'business'), photoFiles = [];
  const logo = business.logo[0];
  if (logo) photoFiles.push({ path: `${b}/logo.jpg`, file: logo });
  const entries = [];
  for (const p of products()) {
    const values = read(p, 'product'), s = $(p + 'slug').value.trim();
    const names = values.images.map((_, n) => (n ? `${s}-${n + 1}.jpg` : `${s}.jpg`));
    values.images.forEach((file, n) => photoFiles.push({ path: `${b}/products/${names[n]}`, file }));
    entries.push({ path: `${b}/products/${s}.md`, text: entryText('product', values, { images: names }) });
  }
  files.push({ path: `${b}/index.md`, text: entryText('business', business, { logo: logo ? 'logo.jpg' : '' }) }, ...entries);
  for (const f of files) f.bytes = enc.encode(f.text);
  for (const f of photoFiles) {
    try { files.push({ path: f.path, bytes: await encodePhoto(f.file) }); }
    catch { throw new Error(fill(ds.msgPhoto, { name: f.file.name })); }
  }
  return files;
}

let downloadURL;
async function handOver() {
  const files = await folder(), b = $('b-slug').value.trim(), sub = data.submissions;
  const base = ds.folder, branch = `dang-ky/${b}`;
  if (downloadURL) URL.revokeObjectURL(downloadURL);
  downloadURL = URL.createObjectURL(new Blob([zip(files.map(f => ({ path: f.path, bytes: f.bytes })))], { type: 'application/zip' }));
  const a = $('reg-download');
  a.href = downloadURL;
  a.download = `${b}.zip`;
  $('reg-steps').textContent = fill(ds.msgSteps, { branch });
  const box = $('reg-files');
  box.textContent = '';
  files.filter(f => f.text !== undefined).forEach((f, n) => {
    const div = document.createElement('div'), h = document.createElement('h4'), pre = document.createElement('pre');
    div.className = 'reg-file';
    h.textContent = base + f.path;
    pre.textContent = f.text;
    pre.tabIndex = 0;
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'secondary reg-copy';
    copy.textContent = ds.msgCopy;
    copy.addEventListener('click', async () => {
      try { await navigator.clipboard.writeText(f.text); }
      catch { const r = document.createRange(); r.selectNodeContents(pre); getSelection().removeAllRanges(); getSelection().addRange(r); document.execCommand('copy'); }
      copy.textContent = ds.msgCopied;
    });
    const actions = document.createElement('p');
    actions.className = 'reg-actions';
    actions.append(copy);
    // The first file creates the new branch on the host's page; the others are added to it.
    const url = newFileURL(sub, n === 0 ? sub.branch : branch, base + f.path, f.text);
    if (url.length <= data.maxLink) {
      const link = document.createElement('a');
      link.href = url;
      link.className = 'button secondary reg-link';
      link.textContent = ds.msgOpen;
      link.rel = 'noopener';
      link.target = '_blank';
      actions.append(' ', link);
    } else {
      const p = document.createElement('span');
      p.className = 'reg-too-long';
      p.textContent = ds.msgTooLong;
      actions.append(' ', p);
    }
    div.append(h, actions, pre);
    box.append(div);
  });
  if (files.some(f => f.text === undefined)) {
    const p = document.createElement('p'), link = document.createElement('a');
    link.href = uploadURL(sub, branch, base + b);
    link.textContent = ds.msgUpload;
    link.rel = 'noopener';
    link.target = '_blank';
    p.append(link);
    box.append(p);
  }
  return files;
}

async function start() {
  data = await (await fetch(new URL(ds.form, document.baseURI))).json();
  const slugBox = $('b-slug').closest('.reg-field');
  $('b-name').closest('.reg-field').after(slugBox);
  addProduct();
  form.hidden = false;
  form.addEventListener('input', e => {
    const t = e.target;
    if (t.id?.endsWith('-slug')) manualSlug.add(t.id.slice(0, -4));
    if (t.id?.endsWith('-name')) proposeSlug(t);
    if (t.id?.endsWith('-price')) showPrice(t.id.slice(0, -5));
    if (touched.has(t.id || t.name)) validate(false);
  });
  form.addEventListener('change', async e => {
    const t = e.target;
    touched.add(t.id || t.name);
    if (t.id?.endsWith('-name')) touched.add(t.id.slice(0, -4) + 'slug');
    if (t.id?.endsWith('-price-contact')) showPrice(t.id.slice(0, -13));
    if (t.type === 'file') photos.set(t.id, [...t.files]);
    if (t.id === 'b-sector') for (const p of products()) if (!$(p + 'sector').value) $(p + 'sector').value = t.value;
    validate(false);
  });
  $('reg-add').addEventListener('click', () => { const p = addProduct(); $(p + 'name').focus(); });
  productsBox.addEventListener('click', e => {
    if (!e.target.classList.contains('reg-remove')) return;
    e.target.closest('.reg-product').remove();
    renumber();
    $('reg-add').focus();
    validate(false);
  });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const errors = validate(true), out = $('reg-out');
    if (errors) {
      out.hidden = true;
      status.textContent = fill(ds.msgErrors, { n: errors });
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    try {
      await handOver();
      status.textContent = ds.msgReady;
      out.hidden = false;
      $('reg-out-title').tabIndex = -1;
      $('reg-out-title').focus();
    } catch (err) {
      status.textContent = err.message;
    }
  });
}
start().catch(err => { status.textContent = String(err); form.hidden = false; });
})();
