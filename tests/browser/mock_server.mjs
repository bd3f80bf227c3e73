// A stand-in for `storyline serve`, for developing and testing web/ before (or without) the
// real server: serves web/ at / and the read API of docs/API.md from a stories file written
// by `storyline cluster` (a JSON array of story objects). Node's http module only.
//
//   node tests/browser/mock_server.mjs --stories STORIES.json [--port 8080] [--bind 127.0.0.1]
//                                      [--web DIR]
//
// What it does not do like the real server: `q` is a case-insensitive substring match over a
// story's text (not BM25 over article text), and POST /articles does not cluster: each posted
// article becomes a story of its own, ranked last. Each POST raises the /healthz version, so
// the page's live updates can be watched. Nothing is stored; writes need no token.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const { values: opts } = parseArgs({
  options: {
    stories: { type: 'string' },
    port: { type: 'string', default: '8080' },
    bind: { type: 'string', default: '127.0.0.1' },
    web: { type: 'string', default: resolve(here, '../../web') },
  },
});
if (!opts.stories) {
  console.error('usage: mock_server.mjs --stories STORIES.json [--port N] [--bind ADDR] [--web DIR]');
  process.exit(2);
}

const webRoot = resolve(opts.web);
const stories = JSON.parse(readFileSync(opts.stories, 'utf8'));
if (!Array.isArray(stories)) throw new Error(`${opts.stories}: not a JSON array of stories`);
let version = 1;
let posted = 0;
const MAX_BODY = 1 << 20;

const articleCount = () => stories.reduce((n, s) => n + s.articles.length, 0);
const ranked = () => [...stories].sort((a, b) => b.score - a.score);

function send(res, status, body, headers = {}) {
  const data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(data);
}
const fail = (res, status, error) => send(res, status, { error });

// Everything a reader could search for in a story, lower-cased.
function haystack(story) {
  return JSON.stringify([story.headline, story.summary, story.entities, story.quotes,
    story.only_in, story.timeline, story.articles.map((a) => [a.title, a.source])]).toLowerCase();
}

function listStories(url, res) {
  const p = url.searchParams;
  const limit = p.has('limit') ? Number(p.get('limit')) : 20;
  const offset = p.has('offset') ? Number(p.get('offset')) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) return fail(res, 400, 'limit must be 1..200');
  if (!Number.isInteger(offset) || offset < 0) return fail(res, 400, 'offset must be >= 0');
  let found = ranked();
  const q = (p.get('q') || '').trim().toLowerCase();
  if (q) found = found.filter((s) => haystack(s).includes(q));
  const outlet = p.get('outlet');
  if (outlet) found = found.filter((s) => s.outlets.includes(outlet));
  const since = p.get('since');
  if (since) found = found.filter((s) => s.last_seen && s.last_seen >= since);
  const until = p.get('until');
  if (until) found = found.filter((s) => s.first_seen && s.first_seen <= until);
  send(res, 200, { version, total: found.length, offset, limit, stories: found.slice(offset, offset + limit) });
}

// One posted article -> a story of its own (the mock does not cluster).
function addArticle(a) {
  if (!a || typeof a !== 'object' || Array.isArray(a)) throw new Error('not a JSON object');
  const body = typeof a.text === 'string' ? a.text : '';
  if (!body.trim() && !(typeof a.html === 'string' && a.html.trim())) throw new Error('missing or empty "text" (or "html")');
  const id = typeof a.id === 'string' && a.id ? a.id : `posted-${posted + 1}`;
  if (stories.some((s) => s.articles.some((x) => x.id === id))) throw new Error(`duplicate id ${id}`);
  posted += 1;
  const source = typeof a.source === 'string' ? a.source : '';
  const title = typeof a.title === 'string' ? a.title : '';
  const published = typeof a.published === 'string' ? a.published : null;
  const sentences = body.split(/(?<=[.!?])\s+/).filter(Boolean).slice(0, 3);
  const story = {
    id: `m${posted}`,
    headline: title || sentences[0] || id,
    summary: sentences,
    score: 0,
    size: 1,
    outlets: [source || id],
    first_seen: published,
    last_seen: published,
    entities: [],
    quotes: [],
    only_in: {},
    timeline: [],
    articles: [{ id, source, title, url: typeof a.url === 'string' ? a.url : '', published, duplicate_of: null }],
  };
  stories.push(story);
  version += 1;
  return { id, story: story.id };
}

function readBody(req) {
  return new Promise((ok, bad) => {
    const parts = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        bad(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
      } else {
        parts.push(c);
      }
    });
    req.on('end', () => ok(Buffer.concat(parts).toString('utf8')));
    req.on('error', bad);
  });
}

async function postArticles(req, res) {
  const body = await readBody(req);
  const ndjson = (req.headers['content-type'] || '').includes('ndjson');
  const lines = ndjson ? body.split('\n') : [body];
  const articles = [];
  const errors = [];
  lines.forEach((line, i) => {
    if (ndjson && !line.trim()) return;
    try {
      articles.push(addArticle(JSON.parse(line)));
    } catch (e) {
      errors.push({ line: i + 1, error: e.message });
    }
  });
  if (!ndjson && errors.length) return fail(res, 400, errors[0].error);
  send(res, 200, { articles, errors });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

async function serveStatic(url, res) {
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return fail(res, 400, 'bad path');
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(webRoot, '.' + path);
  if (!file.startsWith(webRoot + sep) || path.includes('\0')) return fail(res, 404, 'not found');
  try {
    const data = await readFile(file);
    send(res, 200, data, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
  } catch {
    fail(res, 404, `no file ${path}`);
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://mock');
  const path = url.pathname;
  try {
    if (req.method === 'GET' && path === '/healthz') {
      return send(res, 200, { status: 'ok', articles: articleCount(), stories: stories.length, version });
    }
    if (req.method === 'GET' && path === '/stories') return listStories(url, res);
    let m = /^\/stories\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && m) {
      const id = decodeURIComponent(m[1]);
      const story = stories.find((s) => s.id === id);
      return story ? send(res, 200, story) : fail(res, 404, `no story ${id}`);
    }
    m = /^\/articles\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && m) {
      const id = decodeURIComponent(m[1]);
      for (const s of stories) {
        const a = s.articles.find((x) => x.id === id);
        if (a) return send(res, 200, { ...a, text: '', lang: '', story: s.id });
      }
      return fail(res, 404, `no article ${id}`);
    }
    if (req.method === 'POST' && path === '/articles') return await postArticles(req, res);
    if (path === '/stories' || path.startsWith('/stories/') || path.startsWith('/articles')) {
      return fail(res, 405, `${req.method} ${path} is not supported by the mock server`);
    }
    if (req.method === 'GET' || req.method === 'HEAD') return await serveStatic(url, res);
    return fail(res, 405, `${req.method} not allowed`);
  } catch (e) {
    return fail(res, e.status || 400, e.message);
  }
});

server.listen(Number(opts.port), opts.bind, () => {
  const { address, port } = server.address();
  console.log(`mock storyline server: http://${address}:${port}/ (${stories.length} stories)`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
