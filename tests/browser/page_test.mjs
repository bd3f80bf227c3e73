// Browser test of the web page (web/) against a running storyline server: playwright-core
// driving Debian's chromium. run.sh starts the server and runs this; to run it by hand:
//
//   STORYLINE_URL=http://127.0.0.1:8080/ node tests/browser/page_test.mjs
//
// The server must hold ../shared/seeds (the Trump / Kim Jong Un pair) and the bundled sample
// (data/sample/articles.jsonl), and accept POST /articles from this client
// (STORYLINE_WRITE_TOKEN is sent as a bearer token when set).
// Environment: STORYLINE_URL (required), STORYLINE_SCREENSHOTS (folder for the PNGs, default
// build/browser), CHROMIUM (default /usr/bin/chromium).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const base = process.env.STORYLINE_URL;
if (!base) {
  console.error('page_test: set STORYLINE_URL to the server to test (run.sh does)');
  process.exit(2);
}
const shots = resolve(process.env.STORYLINE_SCREENSHOTS || join(here, '../../build/browser'));
mkdirSync(shots, { recursive: true });

const SEED_QUOTE = 'I like him, he likes me, the relationship is good';
const SEED_OUTLETS = ['Asia Times', 'Bloomberg News']; // ../shared/seeds, as their texts name them
const WAIT = 20_000; // upper bound for anything to appear (live updates poll every 5 s)

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let failed = false;
async function step(name, fn) {
  try {
    await fn();
    console.log(`ok    ${name}`);
  } catch (e) {
    failed = true;
    console.log(`FAIL  ${name}\n${String(e.stack || e).replace(/^/gm, '      ')}`);
  }
}

async function getJson(path) {
  const res = await fetch(new URL(path, base));
  assert.equal(res.status, 200, `GET ${path} answered ${res.status}`);
  return res.json();
}

// A page that records script errors, alert()s (an injected script would run one) and, unless
// its requests are made to fail on purpose, console errors (failed loads, CSP violations).
async function openPage(context, { consoleErrors = true } = {}) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(`page error: ${e.message}`));
  if (consoleErrors) {
    page.on('console', (m) => { if (m.type() === 'error') page.errors.push(`console: ${m.text()}`); });
  }
  page.on('dialog', async (d) => {
    page.errors.push(`dialog opened: ${d.message()}`);
    await d.dismiss();
  });
  return page;
}

const noOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await openPage(desktop);
const seedItem = page.locator('.story-item').filter({ hasText: 'Kim Jong Un' });
let seedStory = null; // the seed story as the API gives it

await step('the list shows the seed story with its two outlets', async () => {
  await page.goto(base);
  await seedItem.first().waitFor({ timeout: WAIT });
  assert.equal(await seedItem.count(), 1, 'one list item about Kim Jong Un');
  const id = await seedItem.getAttribute('data-id');
  seedStory = await getJson(`stories/${encodeURIComponent(id)}`);
  // Bare text: each outlet is the name its text gives itself (a self-reference, a copyright footer).
  assert.deepEqual([...seedStory.outlets].sort(), SEED_OUTLETS, 'the seed story names its two outlets');
  assert.match(await seedItem.locator('.meta').innerText(), /2 outlets/);
  assert.deepEqual((await seedItem.locator('.chips li').allInnerTexts()).sort(), [...seedStory.outlets].sort());
  const items = await page.locator('.story-item').count();
  const health = await getJson('healthz');
  assert.equal(items, Math.min(health.stories, 20), 'the list shows the first page of stories');
  await page.screenshot({ path: join(shots, 'list-desktop.png') });
});

await step('the seed story page shows the quote with both outlets, outlets, only-in and sources', async () => {
  assert.ok(seedStory, 'needs the seed story');
  await seedItem.locator('h2 a').click();
  await page.waitForURL(/#\/story\//);
  const story = page.locator('.story-page');
  await story.waitFor({ timeout: WAIT });
  assert.equal(await story.getAttribute('data-id'), seedStory.id);

  const quote = page.locator('#quotes figure.quote').filter({ hasText: SEED_QUOTE });
  assert.equal(await quote.count(), 1, 'the shared quote is shown once');
  assert.equal(await quote.locator('.speaker').innerText(), 'Donald Trump');
  assert.deepEqual((await quote.locator('figcaption .chip').allInnerTexts()).sort(), [...seedStory.outlets].sort(),
    'the quote names both outlets');
  // A quote taken out of a sentence (it opens in lower case) is shown with an ellipsis before it.
  const fragment = seedStory.quotes.find((q) => /^[^\p{L}\p{N}]*\p{Ll}/u.test(q.text));
  assert.ok(fragment, 'the seed story quotes a fragment ("a very, very good meeting.")');
  const shown = page.locator('#quotes figure.quote blockquote p').filter({ hasText: fragment.text });
  assert.equal(await shown.first().innerText(), `\u2026${fragment.text}`);

  assert.deepEqual((await story.locator('header .chip').allInnerTexts()).sort(), [...seedStory.outlets].sort());

  const onlyIn = Object.entries(seedStory.only_in);
  assert.ok(onlyIn.length >= 2, 'the API gives an only-in part for each outlet');
  assert.equal(await page.locator('#only-in .only').count(), onlyIn.length);
  for (const [outlet, sentences] of onlyIn) {
    const card = page.locator(`#only-in .only[data-outlet="${outlet}"]`);
    assert.equal(await card.locator('h3').innerText(), outlet);
    assert.equal(await card.locator('li').count(), sentences.length);
    assert.equal(await card.locator('li').first().innerText(), sentences[0]);
  }

  assert.equal(await page.locator('#articles .source').count(), seedStory.articles.length);
  assert.ok(await page.locator('#entities').getByText('Michael Pompeo', { exact: true }).isVisible());
  assert.ok(await page.locator('#timeline li').first().isVisible());
  await page.screenshot({ path: join(shots, 'story-desktop.png'), fullPage: true });
});

await step('searching "Pompeo" lists the seed story and not the others', async () => {
  await page.fill('#q', 'Pompeo');
  await page.press('#q', 'Enter');
  await page.locator('.story-list h1', { hasText: 'Stories matching “Pompeo”' }).waitFor({ timeout: WAIT });
  assert.match(page.url(), /#\/\?q=Pompeo$/);
  await seedItem.first().waitFor({ timeout: WAIT });
  const health = await getJson('healthz');
  const found = await page.locator('.story-item').count();
  assert.ok(found >= 1 && found < health.stories, `${found} of ${health.stories} stories match`);
  assert.equal(await page.locator('.story-item', { hasText: 'Kessler Canyon' }).count(), 0);
  await page.screenshot({ path: join(shots, 'search-desktop.png') });
  await page.locator('.list-meta a', { hasText: 'clear search' }).click();
  await page.locator('.story-list h1', { hasText: 'Top stories' }).waitFor({ timeout: WAIT });
  assert.equal(await page.inputValue('#q'), '');

  await page.fill('#q', 'zzqxv nothing like this');
  await page.press('#q', 'Enter');
  await page.locator('.state.empty', { hasText: 'No stories match' }).waitFor({ timeout: WAIT });
});

await step('a new story appears without a reload, its <script> title shown as text', async () => {
  await page.locator('header.page a.brand').click();
  await page.locator('.story-list h1', { hasText: 'Top stories' }).waitFor({ timeout: WAIT });
  await page.evaluate(() => { window.sameDocument = true; });

  const stamp = Date.now();
  const title = `<script>window.injected = 1</script><img src=x onerror="window.injected = 2"> Crane falls ${stamp}`;
  const source = 'Harbour <b>Wire</b>';
  const article = {
    id: `browser-test-${stamp}`,
    source,
    title,
    url: 'javascript:window.injected = 3',
    published: new Date().toISOString(),
    text: 'A port crane collapsed onto a cargo ship at the northern quay of Port Ellery on Monday ' +
      'during high winds, the harbour authority said. No one was hurt. Engineers will inspect ' +
      'the remaining cranes before the quay reopens, harbour master Lena Brandt said. ' +
      '“We will not take any chances with the cranes,” Brandt said.',
  };
  const headers = { 'Content-Type': 'application/json' };
  if (process.env.STORYLINE_WRITE_TOKEN) headers.Authorization = `Bearer ${process.env.STORYLINE_WRITE_TOKEN}`;
  const res = await fetch(new URL('articles', base), { method: 'POST', headers, body: JSON.stringify(article) });
  assert.equal(res.status, 200, `POST /articles answered ${res.status}: ${await res.text()}`);

  const item = page.locator('.story-item').filter({ has: page.getByText(title, { exact: true }) });
  await item.waitFor({ timeout: WAIT });
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page was not reloaded');
  assert.equal(await item.locator('h2').innerText(), title);
  assert.equal(await item.locator('.new-badge').textContent(), 'new', 'the new story is marked');
  assert.equal(await page.locator('.story-item .new-badge').count(), 1, 'only the new story is marked');
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'list-live-desktop.png') });
  assert.equal(await page.locator('#app script, #app img').count(), 0, 'no element came from the title');

  await item.locator('h2 a').click();
  const card = page.locator('#articles .source', { hasText: `Crane falls ${stamp}` });
  await card.waitFor({ timeout: WAIT });
  assert.equal(await card.locator('.source-title').innerText(), title);
  assert.equal(await card.locator('.source-title a').count(), 0, 'a javascript: URL is not a link');
  assert.equal(await card.locator('.chip').innerText(), source);
  assert.equal(await page.locator('#app script, #app img, #app b').count(), 0);
  assert.equal(await page.evaluate(() => window.injected), undefined, 'no injected code ran');
  await page.screenshot({ path: join(shots, 'script-title-desktop.png') });
});

await step('an unreachable server shows an error with a retry that recovers', async () => {
  const down = await openPage(desktop, { consoleErrors: false });
  const api = (url) => ['/stories', '/healthz'].includes(new URL(url).pathname);
  await down.route(api, (route) => route.abort('connectionrefused'));
  await down.goto(base);
  const error = down.locator('.state.error');
  await error.waitFor({ timeout: WAIT });
  assert.match(await error.innerText(), /cannot be reached/);
  await down.screenshot({ path: join(shots, 'error-desktop.png') });
  await down.unroute(api);
  await error.getByRole('button', { name: 'Retry' }).click();
  await down.locator('.story-item').first().waitFor({ timeout: WAIT });
  assert.deepEqual(down.errors, []);
  await down.close();
});

await step('a server without stories says so', async () => {
  const empty = await openPage(desktop);
  await empty.route((url) => new URL(url).pathname === '/stories', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ version: 1, total: 0, offset: 0, limit: 20, stories: [] }),
  }));
  await empty.goto(base);
  await empty.locator('.state.empty', { hasText: 'No stories yet' }).waitFor({ timeout: WAIT });
  assert.deepEqual(empty.errors, []);
  await empty.close();
});

await step('an unknown story id says it does not exist', async () => {
  const gone = await openPage(desktop, { consoleErrors: false });
  await gone.goto(new URL('#/story/no-such-story', base).href);
  await gone.locator('.state.error', { hasText: 'There is no story' }).waitFor({ timeout: WAIT });
  await gone.close();
});

await step('on a 390 px phone the list and the story fit the screen', async () => {
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  const p = await openPage(phone);
  await p.goto(base);
  await p.locator('.story-item').first().waitFor({ timeout: WAIT });
  assert.ok(await noOverflow(p), 'no sideways scrolling on the list');
  await p.screenshot({ path: join(shots, 'list-phone.png') });
  await p.goto(new URL(`#/story/${encodeURIComponent(seedStory.id)}`, base).href);
  await p.locator('#quotes figure.quote').first().waitFor({ timeout: WAIT });
  assert.ok(await noOverflow(p), 'no sideways scrolling on the story');
  await p.screenshot({ path: join(shots, 'story-phone.png'), fullPage: true });
  assert.deepEqual(p.errors, []);
  await phone.close();
});

await step('dark mode', async () => {
  const dark = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  const p = await openPage(dark);
  await p.goto(new URL(`#/story/${encodeURIComponent(seedStory.id)}`, base).href);
  await p.locator('#quotes figure.quote').first().waitFor({ timeout: WAIT });
  const bg = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(22, 24, 27)', 'the dark background');
  await p.screenshot({ path: join(shots, 'story-dark.png') });
  assert.deepEqual(p.errors, []);
  await dark.close();
});

await step('no script errors, console errors or dialogs on the main page', async () => {
  assert.deepEqual(page.errors, []);
});

await browser.close();
console.log(failed ? 'page_test: FAILED' : `page_test: passed; screenshots in ${shots}`);
process.exit(failed ? 1 : 0);
