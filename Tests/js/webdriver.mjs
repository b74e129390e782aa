// A few WebDriver calls over HTTP to chromedriver and headless Chromium (Debian packages
// `chromium`, `chromium-driver`), so browser tests need no npm or PyPI package.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

const DRIVER = process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver';
const BROWSER = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const browserAvailable = () =>
  [DRIVER, BROWSER].every(p => spawnSync(p, ['--version'], { stdio: 'ignore' }).status === 0);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };

/** Serves `routes` (path prefix → file path or directory, or a string body) on 127.0.0.1. */
export function serve(routes) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const [prefix, target] of Object.entries(routes)) {
      if (!path.startsWith(prefix)) continue;
      const body = typeof target === 'object' ? target.body
        : await readFile(target.endsWith('/') ? target + path.slice(prefix.length) : target).catch(() => null);
      if (body == null) break;
      const file = typeof target === 'object' ? target.name : target + path.slice(prefix.length);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      return res.end(body);
    }
    res.writeHead(404).end('not found');
  });
  return new Promise(ok => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

/** Starts chromedriver and one headless Chromium session; returns a small client. */
export async function startBrowser() {
  const port = 9600 + Math.floor(Math.random() * 300);
  const driver = spawn(DRIVER, [`--port=${port}`], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await r.json();
    if (json.value?.error) throw new Error(`${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try { if ((await call('GET', '/status')).ready) break; } catch (e) { if (i > 100) throw e; }
    await new Promise(ok => setTimeout(ok, 100));
  }
  const session = await call('POST', '/session', { capabilities: { alwaysMatch: { browserName: 'chrome',
    'goog:chromeOptions': { binary: BROWSER, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] } } } });
  const s = `/session/${session.sessionId}`;
  return {
    go: url => call('POST', `${s}/url`, { url }),
    back: () => call('POST', `${s}/back`, {}),
    url: () => call('GET', `${s}/url`),
    /** Runs `fn` (a function's source) in the page with `args`; a returned promise is awaited. */
    run: (fn, ...args) => call('POST', `${s}/execute/async`, {
      script: `const done = arguments[arguments.length - 1]; Promise.resolve((${fn})(...arguments[0])).then(done, e => done({ error: String(e) }));`,
      args: [args] }),
    cdp: (cmd, params) => call('POST', `${s}/goog/cdp/execute`, { cmd, params }),
    timeouts: ms => call('POST', `${s}/timeouts`, { script: ms }),
    async quit() { await call('DELETE', s).catch(() => {}); driver.kill(); },
  };
}
