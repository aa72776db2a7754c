// Embeds in a real browser (issue 13): an editor publishes a story with a YouTube video
// and an X post; a reader's Chromium loads it with zero requests to any other host (every
// request is recorded; any to another host would be stopped here, never sent), sees the
// two placeholders, and only after clicking "Show it here" gets the video's frame, from
// youtube-nocookie.com (that request too is recorded and stopped: tests send nothing
// beyond 127.0.0.1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSite, screenshots, signedInUser } from './support.mjs';

const password = 'Ripe mulberries 38 along the Kabul river';
const headline = 'Floods cut the road to Asadabad';
let site;

before(async () => {
  site = await startSite({ users: [{ login: 'nadia', role: 'editor', name: 'Nadia Rahimi' }] });
});
after(async () => { await site?.stop(); });

test('a story with a YouTube and an X embed makes no request to them until the reader asks', async () => {
  const signed = await signedInUser(site, 'nadia', password, { javaScriptEnabled: false });
  const desk = signed.context;
  let page = signed.page;
  await page.goto(site.url('/admin/articles/new'));
  await page.getByLabel('Headline', { exact: true }).fill(headline);
  await page.getByLabel('Text', { exact: true }).fill(
    'The Kunar river rose overnight and washed away the bridge.\n\n' +
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n' +
    'The governor wrote on X:\n\n' +
    'https://x.com/TOLOnews/status/1730000000000000000\n');
  await page.getByRole('button', { name: 'Save and publish now' }).click();
  await page.waitForURL(/\/admin\/articles\/\d+\/edit\?done=published$/);
  await desk.close();

  // The reader: every request recorded; none may leave 127.0.0.1.
  const reader = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  const local = new URL(site.url('/')).host;
  const elsewhere = [];
  let localRequests = 0;
  await reader.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === local) { localRequests++; return route.continue(); }
    elsewhere.push(url.href);
    return route.abort();
  });
  page = await reader.newPage();
  await page.goto(site.url('/'));
  await page.getByRole('link', { name: headline }).first().click();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(elsewhere, [], 'the story page asked another host before the reader did');
  assert.ok(localRequests >= 2);
  assert.equal(await page.locator('iframe').count(), 0);
  const placeholders = page.locator('figure.embed');
  assert.equal(await placeholders.count(), 2);
  assert.match(await placeholders.nth(0).innerText(), /YouTube/);
  assert.match(await placeholders.nth(1).innerText(), /^X: /);
  await page.screenshot({ path: join(screenshots, 'embeds-placeholders-390.png'), fullPage: true });

  // The reader asks for the video: now, and only now, its frame (privacy-enhanced host).
  await placeholders.nth(0).getByRole('link', { name: 'Show it here' }).click();
  await page.waitForURL(/\?embed=1#embed-1$/);
  const frame = page.locator('figure.embed-youtube iframe');
  assert.equal(await frame.count(), 1);
  assert.equal(await frame.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
  assert.ok(await frame.isVisible());
  await page.waitForLoadState('networkidle');
  assert.ok(elsewhere.length >= 1, 'the frame was never requested');
  for (const url of elsewhere) assert.match(url, /^https:\/\/www\.youtube-nocookie\.com\//);
  assert.equal(await page.locator('figure.embed-x iframe').count(), 0);  // still waiting
  await page.screenshot({ path: join(screenshots, 'embeds-shown-390.png'), fullPage: true });
  await reader.close();
});
