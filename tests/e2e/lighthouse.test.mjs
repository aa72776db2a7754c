// Issue 17: Lighthouse (Google's own audit, run on Debian's Chromium) scores the reader
// pages that search engines and shared links land on 100 for best practices and for SEO:
// the home page, a category, an English article with a featured photo uploaded through
// the desk, and a Pashto (right-to-left) article. Any audit that costs a point is named
// in the failure, and no page logs an error (a missing icon's 404 would).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import lighthouse from 'lighthouse';
import { join } from 'node:path';
import { startSite, makePng, signedInUser, screenshots, launchChromeForLighthouse } from './support.mjs';

const password = 'Long summer roads 31 past Kandahar';
const headline = 'Kandahar pomegranate growers find new buyers';
let site, chrome;

before(async () => {
  site = await startSite({ users: [{ login: 'omid', role: 'editor', name: 'Omid Karimi' }] });
  const { context, page } = await signedInUser(site, 'omid', password,
                                               { javaScriptEnabled: false });
  await page.goto(site.url('/admin/media'));
  await page.locator('#file').setInputFiles({ name: 'orchard.png', mimeType: 'image/png',
                                              buffer: makePng(1800, 1200) });
  await page.getByLabel(/^Alt text/).fill('Pomegranates stacked at a Kandahar market stall');
  await page.getByLabel('Caption', { exact: true }).fill('Kandahar, November');
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.waitForURL(/\/admin\/media\/\d+\?done=uploaded$/);
  await page.goto(site.url('/admin/articles/new'));
  await page.getByLabel('Headline', { exact: true }).fill(headline);
  await page.getByLabel('Text', { exact: true }).fill(
      'Growers in Arghandab sold their harvest to buyers from Kabul and Mazar this year.\n\n' +
      'Traders say the road through Ghazni was open for most of the season.');
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Afghanistan' });
  await page.getByLabel('Featured image', { exact: true })
      .selectOption({ label: 'Pomegranates stacked at a Kandahar market stall' });
  await page.getByRole('button', { name: 'Save and publish now' }).click();
  await page.waitForURL(/\/admin\/articles\/\d+\/edit\?done=/);
  await context.close();
  // The home page with the photo on the lead card, for a person to look at.
  for (const width of [390, 1280]) {
    const reader = await site.browser.newContext({ viewport: { width, height: 900 },
                                                   javaScriptEnabled: false });
    const home = await reader.newPage();
    await home.goto(site.url('/'), { waitUntil: 'networkidle' });
    await home.screenshot({ path: join(screenshots, `home-pictures-${width}.png`) });
    await reader.close();
  }
  chrome = await launchChromeForLighthouse();
});
after(async () => { await chrome?.kill(); await site?.stop(); });

// The category scores of `path`, and each weighted audit that did not pass.
async function audit(path) {
  const { lhr } = await lighthouse(site.url(path), {
    port: chrome.port, onlyCategories: ['best-practices', 'seo'], logLevel: 'error',
    output: 'json', formFactor: 'mobile',
  });
  assert.equal(lhr.runtimeError, undefined, `${path}: ${JSON.stringify(lhr.runtimeError)}`);
  const failed = [];
  for (const category of Object.values(lhr.categories))
    for (const ref of category.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1)
        failed.push(`${ref.id} (${a.title}): ${JSON.stringify(a.details?.items?.slice(0, 3) ?? '')}`);
    }
  return { lhr, failed };
}

for (const [name, path] of [['the home page', '/'], ['a category', '/category/afghanistan/'],
                            ['an article with a featured photo',
                             '/kandahar-pomegranate-growers-find-new-buyers/'],
                            ['a Pashto article', '/kabul-winter-bread-ps/']]) {
  test(`Lighthouse: ${name} scores 100 for best practices and SEO`, async () => {
    const { lhr, failed } = await audit(path);
    assert.deepEqual(failed, [], `${path}`);
    assert.equal(lhr.categories['best-practices'].score, 1, path);
    assert.equal(lhr.categories.seo.score, 1, path);
    assert.equal(lhr.audits['errors-in-console'].score, 1, path);  // no 404 for an icon
    assert.equal(lhr.audits['http-status-code'].score, 1, path);
    if (path.startsWith('/kandahar'))  // the photo is really there, at a size that fits
      assert.equal(lhr.audits['image-size-responsive'].score, 1, path);
  });
}
