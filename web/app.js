// storyline's web page: the ranked story list, one story's brief, search, and live updates.
// It speaks only the HTTP API of docs/API.md: GET /stories, GET /stories/{id}, GET /healthz.
//
// Safety rule of this file: text from the server (titles, quotes, outlet names, anything an
// article brought) is only ever inserted as text nodes by h() below; nothing here sets
// innerHTML. Links are made only for http(s) URLs (httpUrl()).

const POLL_MS = 5000; // how often /healthz is asked for the version while the tab is visible
const PAGE = 20; // stories per "more" step
const MAX_LIMIT = 200; // the API's largest limit
const SHOWN_CHIPS = 8; // outlet chips on a list item before "+N more"
const LIST_SENTENCES = 2; // summary sentences on a list item

const app = document.getElementById('app');
const statusLine = document.getElementById('status');
const searchForm = document.getElementById('search-form');
const searchInput = document.getElementById('q');

// ---- Building DOM -------------------------------------------------------------------------

// h('a', {class: 'x', href}, 'text', child, [more]) -> element. Strings and numbers become text
// nodes; null, undefined and false are skipped; arrays are flattened. Attributes are set with
// setAttribute (never as markup); 'on*' props add listeners.
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// The URL as an absolute http(s) href, or null for anything else (javascript:, data:,
// relative or malformed URLs), so that only web links become links.
function httpUrl(value) {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const text = (v) => (typeof v === 'string' ? v : '');
// A quotation whose first letter is lower case was taken out of a sentence; an ellipsis says so
// (as the static report does).
const quoted = (v) => (/^[^\p{L}\p{N}]*\p{Ll}/u.test(text(v)) ? `\u2026${text(v)}` : text(v));
const list = (v) => (Array.isArray(v) ? v : []);
const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;

// Every outlet gets the same hue wherever it appears (FNV-1a of its name).
function hue(name) {
  let x = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) x = Math.imul(x ^ name.charCodeAt(i), 0x01000193);
  return (x >>> 0) % 360;
}

function chip(outlet, tag = 'li') {
  const el = h(tag, { class: 'chip', title: outlet }, outlet);
  el.style.setProperty('--h', String(hue(outlet)));
  return el;
}

function chips(outlets, { max = Infinity, label } = {}) {
  const shown = outlets.slice(0, max);
  const rest = outlets.length - shown.length;
  return h('ul', { class: 'chips', 'aria-label': label },
    shown.map((o) => chip(o)),
    rest > 0 ? h('li', { class: 'more-chips' }, `+${rest} more`) : null);
}

// ---- Times --------------------------------------------------------------------------------

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const STEPS = [
  ['year', 365 * 24 * 3600], ['month', 30 * 24 * 3600], ['week', 7 * 24 * 3600],
  ['day', 24 * 3600], ['hour', 3600], ['minute', 60],
];

function parseTime(iso) {
  if (typeof iso !== 'string' || iso === '') return null;
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? null : t;
}

function ago(t) {
  const seconds = (t.getTime() - Date.now()) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

// <time> showing "3 hours ago" (or the absolute time), the other form as its tooltip.
function timeEl(iso, { form = 'relative' } = {}) {
  const t = parseTime(iso);
  if (!t) return h('span', { class: 'undated' }, 'undated');
  const abs = absolute.format(t);
  return form === 'relative'
    ? h('time', { datetime: t.toISOString(), title: abs, 'data-relative': true }, ago(t))
    : h('time', { datetime: t.toISOString(), title: ago(t) }, abs);
}

// "first seen 2 days ago, last 3 hours ago" or nothing when the story has no dates.
function seen(story) {
  const first = parseTime(story.first_seen);
  const last = parseTime(story.last_seen);
  if (!first && !last) return null;
  if (!last || !first || last.getTime() === first.getTime()) {
    return h('span', null, 'seen ', timeEl(story.first_seen || story.last_seen));
  }
  return h('span', null, 'first seen ', timeEl(story.first_seen), ', last ', timeEl(story.last_seen));
}

function storyMeta(story) {
  const outlets = list(story.outlets).length;
  const articles = Number.isFinite(story.size) ? story.size : list(story.articles).length;
  const parts = [plural(outlets, 'outlet'), plural(articles, 'article'), seen(story)];
  return h('p', { class: 'meta' }, parts.filter(Boolean).flatMap((p, i) => (i ? [' · ', p] : [p])));
}

function headline(story) {
  return text(story.headline) || text(list(story.summary)[0]) || 'Untitled story';
}

// ---- API ----------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// GET a JSON document of the API (paths relative to the page). Throws ApiError with the
// server's {"error"} message, or status 0 when the server cannot be reached.
async function api(path, signal) {
  let res;
  try {
    res = await fetch(path, { signal, cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The storyline server cannot be reached.');
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: reported below.
  }
  if (!res.ok) {
    const why = body && typeof body.error === 'string' ? body.error : res.statusText;
    throw new ApiError(res.status, `The server answered ${res.status}${why ? `: ${why}` : ''}.`);
  }
  if (body === null || typeof body !== 'object') {
    throw new ApiError(res.status, 'The server sent something that is not a JSON object.');
  }
  return body;
}

// ---- Routes -------------------------------------------------------------------------------
// #/            ranked stories        #/?q=TEXT     stories matching TEXT
// #/story/ID    one story's brief

function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  const story = /^\/story\/(.+)$/.exec(path);
  if (story) {
    let id = story[1];
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape: use the id as written.
    }
    return { view: 'story', id };
  }
  return { view: 'list', q: (params.get('q') || '').trim() };
}

const listHash = (q) => (q ? `#/?q=${encodeURIComponent(q)}` : '#/');
const storyHash = (id) => `#/story/${encodeURIComponent(id)}`;

// ---- Rendering ----------------------------------------------------------------------------

let shown = PAGE; // stories the list shows; "More stories" raises it
let lastListHash = '#/';
let listScroll = 0;
let seenVersion = null; // the /healthz version of what is on screen
let listed = null; // {q, ids}: the stories the list showed, to mark the new ones on a refresh
let inflight = null;
let renderSeq = 0;

function setMain(...children) {
  app.replaceChildren(...children.flat().filter(Boolean));
}

function stateBox(kind, message, ...extra) {
  return h('div', { class: `state ${kind}`, role: kind === 'error' ? 'alert' : null },
    h('p', null, message), extra);
}

// Renders the current route. quiet: a background refresh (new version): keeps what is shown
// while loading and, on failure, keeps it and says so in the status line.
async function render({ quiet = false } = {}) {
  const r = route();
  inflight?.abort();
  const ctl = new AbortController();
  inflight = ctl;
  const seq = ++renderSeq;
  const versionBefore = seenVersion;
  if (!quiet) {
    app.setAttribute('aria-busy', 'true');
    setMain(stateBox('loading', r.view === 'story' ? 'Loading the story…' : 'Loading stories…'));
  }
  try {
    if (r.view === 'story') {
      const story = await api(`stories/${encodeURIComponent(r.id)}`, ctl.signal);
      if (seq !== renderSeq) return;
      // A story merged into another answers with the story that holds it now.
      if (typeof story.id === 'string' && story.id !== r.id) {
        history.replaceState(null, '', storyHash(story.id));
      }
      renderStory(story, quiet);
    } else {
      const params = new URLSearchParams({ limit: String(Math.min(shown, MAX_LIMIT)), offset: '0' });
      if (r.q) params.set('q', r.q);
      const data = await api(`stories?${params}`, ctl.signal);
      if (seq !== renderSeq) return;
      if (Number.isFinite(data.version) && versionBefore === null) seenVersion = data.version;
      renderList(data, r.q, quiet);
    }
  } catch (e) {
    if (e.name === 'AbortError' || seq !== renderSeq) return;
    if (quiet && e.status !== 404 && app.querySelector('.story-list, .story-page')) {
      setStatus(`Could not refresh: ${e.message}`);
      return;
    }
    renderError(e, r);
  } finally {
    if (seq === renderSeq) app.setAttribute('aria-busy', 'false');
  }
}

function renderError(e, r) {
  let message = e.message;
  if (e.status === 404 && r.view === 'story') {
    message = `There is no story “${r.id}”. It may have expired or been removed.`;
  } else if (e.status === 0) {
    message = 'The storyline server cannot be reached. It may be restarting; this page keeps trying.';
  }
  const retry = h('button', { type: 'button', class: 'retry', onclick: () => render() }, 'Retry');
  const back = r.view === 'story' ? h('a', { href: lastListHash }, 'Back to the stories') : null;
  setMain(stateBox('error', message, h('p', { class: 'actions' }, e.status === 404 ? null : retry, back)));
}

function renderList(data, q, quiet) {
  document.title = q ? `“${q}” · storyline` : 'storyline';
  const stories = list(data.stories);
  const total = Number.isFinite(data.total) ? data.total : stories.length;
  const heading = q
    ? h('h1', null, `Stories matching “${q}”`)
    : h('h1', null, 'Top stories');
  const counts = q
    ? h('p', { class: 'list-meta' }, plural(total, 'story', 'stories'), ' · ', h('a', { href: '#/' }, 'clear search'))
    : null;

  if (stories.length === 0) {
    const empty = q
      ? stateBox('empty', `No stories match “${q}”.`, h('p', null, h('a', { href: '#/' }, 'Show all stories')))
      : stateBox('empty', 'No stories yet.',
          h('p', { class: 'hint' }, 'Stories appear here as soon as articles are posted to the server.'));
    setMain(h('section', { class: 'story-list', 'aria-labelledby': 'list-heading' }, heading, empty));
    heading.id = 'list-heading';
    return;
  }

  const before = quiet && listed && listed.q === q ? listed.ids : null;
  listed = { q, ids: new Set(stories.map((story) => text(story.id))) };
  const items = stories.map((story, i) => {
    const summary = list(story.summary).slice(0, LIST_SENTENCES).map(text).join(' ');
    const isNew = before !== null && !before.has(text(story.id));
    return h('li', { class: `story-item${isNew ? ' is-new' : ''}`, 'data-id': text(story.id) },
      h('p', { class: 'rank' }, `#${i + 1}`, isNew ? h('span', { class: 'new-badge' }, 'new') : null),
      h('h2', null, h('a', { href: storyHash(text(story.id)) }, headline(story))),
      storyMeta(story),
      summary ? h('p', { class: 'summary' }, summary) : null,
      chips(list(story.outlets).map(text), { max: SHOWN_CHIPS, label: 'Outlets' }));
  });
  const more = stories.length < total && shown < MAX_LIMIT
    ? h('p', { class: 'more' }, h('button', {
      type: 'button',
      onclick: () => { shown = Math.min(shown + PAGE, MAX_LIMIT); render({ quiet: true }); },
    }, `More stories (${total - stories.length} not shown)`))
    : null;
  heading.id = 'list-heading';
  setMain(h('section', { class: 'story-list', 'aria-labelledby': 'list-heading' },
    heading, counts, h('ol', { class: 'stories' }, items), more));
  if (!quiet) window.scrollTo(0, listScroll);
}

function section(id, title, ...content) {
  return h('section', { class: `brief-part ${id}`, id, 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, title), content);
}

function renderStory(story, quiet) {
  const outlets = list(story.outlets).map(text);
  const title = headline(story);
  document.title = `${title} · storyline`;

  const summary = list(story.summary).map(text).filter(Boolean);
  const quotes = list(story.quotes).filter((q) => text(q.text));
  const onlyIn = story.only_in && typeof story.only_in === 'object' ? Object.entries(story.only_in) : [];
  const entities = list(story.entities).filter((e) => text(e.name));
  const timeline = list(story.timeline);
  const articles = list(story.articles);

  const quotesPart = quotes.length ? section('quotes', 'Quotes',
    quotes.map((q) => h('figure', { class: 'quote' },
      h('blockquote', null, h('p', null, quoted(q.text))),
      h('figcaption', null,
        h('span', { class: 'speaker' }, text(q.speaker) || 'Unattributed'),
        h('span', { class: 'ran-in' }, list(q.outlets).length ? 'in' : null),
        chips(list(q.outlets).map(text), { label: 'Outlets that ran this quote' }))))) : null;

  const onlyPart = onlyIn.length ? section('only-in', 'Only in',
    h('div', { class: 'only-grid' }, onlyIn.map(([outlet, sentences]) => h('section',
      { class: 'only', 'data-outlet': outlet },
      h('h3', null, chip(outlet, 'span')),
      h('ul', null, list(sentences).map((s) => h('li', null, text(s)))))))) : null;

  const entityPart = entities.length ? section('entities', 'People, places, organisations',
    h('ul', { class: 'entities' }, entities.map((e) => h('li', null,
      h('span', { class: 'name' }, text(e.name)),
      Number.isFinite(e.count) ? h('span', { class: 'count', title: `in ${plural(e.count, 'article')}` }, e.count) : null)))) : null;

  const timelinePart = timeline.length ? section('timeline', 'Timeline',
    h('ol', { class: 'timeline' }, timeline.map((t) => {
      const facts = list(t.new_facts).map(text).filter(Boolean);
      return h('li', null,
        timeEl(t.time, { form: 'absolute' }),
        chip(text(t.outlet) || text(t.article), 'span'),
        facts.length ? h('ul', { class: 'facts' }, facts.map((f) => h('li', null, f)))
          : h('span', { class: 'nothing-new' }, 'nothing new'));
    }))) : null;

  const articlesPart = articles.length ? section('articles', 'Articles side by side',
    h('ul', { class: 'sources' }, articles.map((a) => {
      const outlet = text(a.source) || text(a.id);
      const href = httpUrl(a.url);
      const titleText = text(a.title) || (href ? href : '');
      const titleEl = !titleText ? h('span', { class: 'untitled' }, 'Untitled article')
        : href ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, titleText)
          : h('span', null, titleText);
      return h('li', { class: 'source', 'data-id': text(a.id) },
        chip(outlet, 'span'),
        h('p', { class: 'source-title' }, titleEl),
        h('p', { class: 'source-meta' },
          parseTime(a.published) ? h('span', null, 'published ', timeEl(a.published, { form: 'absolute' }))
            : h('span', null, 'no publication date'),
          text(a.id) !== outlet ? h('span', { class: 'article-id', title: 'article id' }, text(a.id)) : null,
          text(a.duplicate_of) ? h('span', { class: 'copy' }, `copy of ${a.duplicate_of}`) : null));
    }))) : null;

  const h1 = h('h1', { tabindex: '-1' }, title);
  const page = h('article', { class: 'story-page', 'data-id': text(story.id) },
    h('p', { class: 'back' }, h('a', { href: lastListHash }, '← All stories')),
    h('header', null, h1, storyMeta(story), chips(outlets, { label: 'Outlets' })),
    summary.length ? h('div', { class: 'lead' }, summary.map((s) => h('p', null, s))) : null,
    h('div', { class: `story-body${entityPart ? ' has-side' : ''}` },
      h('div', { class: 'main-col' }, quotesPart, onlyPart, timelinePart),
      entityPart ? h('aside', { class: 'side' }, entityPart) : null),
    articlesPart);
  setMain(page);
  if (!quiet) {
    window.scrollTo(0, 0);
    h1.focus({ preventScroll: true });
  }
}

// ---- Status line and live updates ---------------------------------------------------------

let pollTimer = null;
let offline = false;
let totals = null;

function setStatus(message) {
  statusLine.textContent = message;
}

function showTotals() {
  if (offline) setStatus('The server cannot be reached; retrying…');
  else if (totals) setStatus(`${plural(totals.stories, 'story', 'stories')} from ${plural(totals.articles, 'article')}`);
}

// Asks /healthz for the version; a new version refetches what is on screen, in place.
async function poll() {
  pollTimer = null;
  if (document.hidden) return;
  try {
    const hz = await api('healthz');
    const wasOffline = offline;
    offline = false;
    if (Number.isFinite(hz.stories) && Number.isFinite(hz.articles)) totals = hz;
    showTotals();
    // Keep "5 minutes ago" true without refetching.
    for (const el of app.querySelectorAll('time[data-relative]')) el.textContent = ago(new Date(el.dateTime));
    const changed = seenVersion !== null && hz.version !== seenVersion;
    seenVersion = hz.version;
    if (changed) render({ quiet: true });
    else if (wasOffline && app.querySelector('.state.error')) render();
  } catch {
    offline = true;
    showTotals();
  }
  schedulePoll();
}

function schedulePoll() {
  clearTimeout(pollTimer);
  pollTimer = document.hidden ? null : setTimeout(poll, POLL_MS);
}

document.addEventListener('visibilitychange', () => {
  if (document.hidden) {
    clearTimeout(pollTimer);
    pollTimer = null;
  } else {
    poll();
  }
});

// ---- Navigation and search ----------------------------------------------------------------

let previous = route();

function onRoute() {
  const r = route();
  if (previous.view === 'list') listScroll = window.scrollY;
  if (r.view === 'list') {
    if (previous.view !== 'list' || previous.q !== r.q) shown = PAGE;
    if (previous.view === 'list') listScroll = 0;
    lastListHash = listHash(r.q);
    if (document.activeElement !== searchInput) searchInput.value = r.q;
  }
  previous = r;
  render();
}

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const target = listHash(searchInput.value.trim());
  if (location.hash === target) render();
  else location.hash = target;
});

// Clearing the box (its x, or Escape) shows every story again.
searchInput.addEventListener('search', () => {
  if (searchInput.value === '' && route().view === 'list' && route().q) location.hash = '#/';
});

window.addEventListener('hashchange', onRoute);

const first = route();
if (first.view === 'list') {
  searchInput.value = first.q;
  lastListHash = listHash(first.q);
}
render();
poll();
