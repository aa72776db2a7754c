// The newsroom's desk in a real browser with JavaScript off: a contributor writes an
// article with a photo and submits it; an editor reviews it and schedules it two minutes
// ahead in the site's time zone (Asia/Kabul); at that time, and not before, it appears on
// the home page, in its category and in the feed, with the photo as a figure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSite, screenshots, makePng, signedInUser } from './support.mjs';

const contributorPassword = 'Wide valley roads 72 before Bamyan';
const editorPassword = 'Green apricot carts 46 near Charikar';
const headline = 'Apricot growers in Parwan count their losses';
let site;

before(async () => {
  site = await startSite({
    settings: { timezone: 'Asia/Kabul' },
    users: [{ login: 'zahra', role: 'contributor', name: 'Zahra Amiri' },
            { login: 'omid', role: 'editor', name: 'Omid Karimi' }],
  });
});
after(async () => { await site?.stop(); });

function signedIn(login, password, width = 1280, height = 900) {
  return signedInUser(site, login, password, { width, height, javaScriptEnabled: false });
}

// A wall time in Kabul (+04:30, no daylight saving) as a datetime-local value.
function kabulLocal(unixSeconds) {
  return new Date((unixSeconds + 16200) * 1000).toISOString().slice(0, 16);
}

async function readerHas(path) {
  const r = await fetch(site.url(path));
  return (await r.text()).includes(headline);
}

test('a contributor submits a story with a photo; an editor schedules it; it appears on time', async () => {
  // The contributor writes, adds a photo with alt text, caption and credit, and submits.
  const zahra = await signedIn('zahra', contributorPassword, 390, 844);
  let page = zahra.page;
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Articles' }).click();
  await page.getByRole('link', { name: 'New article' }).click();
  await page.getByLabel('Headline', { exact: true }).fill(headline);
  await page.getByLabel('Text', { exact: true }).fill('A late frost destroyed half of the harvest in Parwan province.\n\n' +
                                                'Growers say they will need seed and credit before spring.');
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Business' });
  await page.getByLabel(/^Tags/).fill('Parwan, Farming');
  await page.getByLabel('Image', { exact: true }).setInputFiles({ name: 'IMG_0412.png', mimeType: 'image/png', buffer: makePng(1200, 800) });
  await page.getByLabel(/^Alt text/).fill('Apricot trees with frost-blackened blossom');
  await page.getByLabel('Caption', { exact: true }).fill('An orchard near Charikar');
  await page.getByLabel('Credit', { exact: true }).fill('Photo: Khabar/Zahra Amiri');
  assert.equal(await page.getByRole('button', { name: 'Save and schedule' }).count(), 0);  // not a contributor's
  await page.getByRole('button', { name: 'Save and submit for review' }).click();
  await page.waitForURL(/\/admin\/articles\/\d+\/edit\?done=submitted$/);
  assert.equal(await page.locator('#status').innerText(), 'pending');
  const body = await page.getByLabel('Text', { exact: true }).inputValue();
  assert.match(body, /!\[Apricot trees with frost-blackened blossom\]\(\/media\/\d{4}\/\d{2}\/[0-9a-f]{16}\.png\)/);
  await page.screenshot({ path: join(screenshots, 'desk-contributor-390.png'), fullPage: true });
  await zahra.context.close();

  // The editor finds it among the articles pending review and schedules it.
  const omid = await signedIn('omid', editorPassword);
  page = omid.page;
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Articles' }).click();
  await page.getByRole('link', { name: 'Pending review' }).click();
  const row = page.locator('tr', { hasText: headline });
  await row.getByRole('link', { name: 'Edit' }).click();
  const at = (Math.floor(Date.now() / 60000) + 3) * 60;  // a whole minute, 2 to 3 minutes ahead
  await page.getByLabel(/^Publish at \(Asia\/Kabul time\)/).fill(kabulLocal(at));
  await page.getByRole('button', { name: 'Save and schedule' }).click();
  await page.waitForURL(/\/admin\/articles\/\d+\/edit\?done=scheduled$/);
  assert.equal(await page.locator('#status').innerText(), 'scheduled');
  assert.match(await page.locator('form.editor').innerText(), /to be published \d{4}-\d\d-\d\d \d\d:\d\d \+04:30/);
  await page.screenshot({ path: join(screenshots, 'desk-editor-scheduled-1280.png'), fullPage: true });
  await omid.context.close();

  // Not on the site before its time; on the home page, its category and the feed after.
  assert.equal(await readerHas('/'), false);
  let seenAt = 0;
  while (Date.now() < (at + 75) * 1000) {
    if (await readerHas('/')) { seenAt = Date.now() / 1000; break; }
    await new Promise(r => setTimeout(r, 3000));
  }
  assert.ok(seenAt, 'the article never appeared on the home page');
  assert.ok(seenAt >= at, `it appeared ${at - seenAt} s before its time`);
  assert.ok(seenAt <= at + 60, `it appeared ${seenAt - at} s late`);
  assert.ok(await readerHas('/category/business/'));
  assert.ok(await readerHas('/feed/'));

  // The reader's page: the photo as a figure with its caption and credit.
  const reader = await site.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const story = await reader.newPage();
  await story.goto(site.url('/'));
  await story.getByRole('link', { name: headline }).first().click();
  const figure = story.locator('figure.media');
  assert.equal(await figure.locator('figcaption').innerText(), 'An orchard near Charikar Photo: Khabar/Zahra Amiri');
  const img = figure.locator('img');
  assert.equal(await img.getAttribute('alt'), 'Apricot trees with frost-blackened blossom');
  assert.equal(await img.getAttribute('loading'), 'lazy');
  assert.match(await figure.locator('source').getAttribute('srcset'), /-320\.webp 320w, .*-1024\.webp 1024w/);
  // The browser picked and loaded one of the variants (a real decodable image).
  await img.scrollIntoViewIfNeeded();
  await story.waitForFunction(() => document.querySelector('figure.media img').complete);
  assert.ok(await img.evaluate(i => i.naturalWidth) > 0);
  await story.screenshot({ path: join(screenshots, 'desk-published-390.png'), fullPage: true });
  await reader.close();
});
