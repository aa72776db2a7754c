// The editor's script in Chromium (issue 13): the word count and reading time follow the
// typing; leaving the page autosaves what was typed, and reopening the article offers it
// back; publishing asks first, and a "no" publishes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSite, screenshots, signedInUser } from './support.mjs';

const password = 'Tall poplars 51 beside the Helmand';
let site;

before(async () => {
  site = await startSite({ users: [{ login: 'farid', role: 'editor', name: 'Farid Ahmadi' }] });
});
after(async () => { await site?.stop(); });

test('word count as you type, autosave on leaving, and a confirmation before publishing', async () => {
  const { context, page } = await signedInUser(site, 'farid', password, { width: 390, height: 844 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  await page.goto(site.url('/admin/articles/new'));
  await page.getByLabel('Headline', { exact: true }).fill('Bridge talks resume');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/\/admin\/articles\/(\d+)\/edit\?done=saved$/);
  const edit = new URL(page.url()).pathname;

  // The count follows the typing (230 words: 2 minutes at 200 a minute).
  const text = page.getByLabel('Text', { exact: true });
  await text.fill(Array.from({ length: 230 }, (_, i) => `word${i}`).join(' '));
  assert.equal(await page.locator('#text-count').innerText(), '230 words, 2 min read');
  await text.fill('Talks on the **new bridge** resumed in Kabul today.');
  assert.equal(await page.locator('#text-count').innerText(), '9 words, 1 min read');

  // Leaving the page autosaves; coming back offers the text.
  await page.goto(site.url('/admin/'));
  await page.goto(site.url(edit));
  const offer = page.locator('section.autosave');
  await offer.waitFor();
  assert.match(await offer.innerText(), /A newer autosaved text/);
  assert.equal(await page.getByLabel('The autosaved text').inputValue(),
               'Talks on the **new bridge** resumed in Kabul today.');
  await offer.getByRole('link', { name: 'Open the autosaved text in the editor' }).click();
  assert.equal(await text.inputValue(), 'Talks on the **new bridge** resumed in Kabul today.');
  await page.screenshot({ path: join(screenshots, 'editor-autosave-390.png'), fullPage: true });

  // Publishing asks; "no" publishes nothing, "yes" publishes.
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.getByRole('button', { name: 'Save and publish now' }).click();
  assert.match(asked, /Publish this article now\?/);
  assert.equal(await page.locator('#status').innerText(), 'draft');
  assert.equal(new URL(page.url()).pathname, edit);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Save and publish now' }).click();
  await page.waitForURL(/\?done=published$/);
  assert.equal(await page.locator('#status').innerText(), 'published');
  assert.equal(await page.locator('section.autosave').count(), 0);  // saved: no offer now
  assert.deepEqual(errors, []);
  await context.close();
});
