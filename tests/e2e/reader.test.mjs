// The reader's page in a real browser, with JavaScript turned off as many readers'
// phones and privacy settings have it: the article page at phone and desktop widths,
// and a Pashto article laid out right to left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSite, screenshots } from './support.mjs';

const article = '/kabul-opens-three-new-public-libraries-before-winter/';
const pashto = '/kabul-winter-bread-ps/';
let site;

before(async () => { site = await startSite(); });
after(async () => { await site?.stop(); });

async function open(path, width, height) {
  const context = await site.browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(site.url(path));
  assert.equal(response.status(), 200);
  return { page, context };
}

for (const [width, height] of [[360, 780], [1280, 900]]) {
  test(`article page at ${width}px shows breadcrumbs, author box and Check Also`, async () => {
    const { page, context } = await open(article, width, height);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await crumbs.waitFor();
    assert.equal(await crumbs.isVisible(), true);
    assert.deepEqual(await crumbs.locator('li').allInnerTexts(),
                     ['Home', 'Afghanistan', 'Kabul opens three new public libraries before winter']);
    const box = page.locator('.author-box');
    assert.equal(await box.isVisible(), true);
    assert.match(await box.innerText(), /About Mariam Sadat/);
    const checkAlso = page.locator('.check-also');
    await checkAlso.scrollIntoViewIfNeeded();
    assert.equal(await checkAlso.isVisible(), true);
    assert.match(await checkAlso.locator('h2').innerText(), /check also/i);
    // Nothing is wider than the screen: no sideways scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    // The stylesheet loaded (the layout is not the browser's default).
    const font = await page.locator('h1').evaluate(e => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(font >= 26, `headline font-size ${font}px`);
    await page.screenshot({ path: join(screenshots, `article-${width}.png`), fullPage: true });
    await context.close();
  });
}

test('a Pashto article is laid out right to left', async () => {
  const { page, context } = await open(pashto, 360, 780);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ps');
  assert.equal(await page.locator('html').evaluate(e => getComputedStyle(e).direction), 'rtl');
  // The first breadcrumb ("Home") sits to the right of the second one.
  const items = page.locator('nav.breadcrumbs li');
  const first = await items.nth(0).boundingBox();
  const second = await items.nth(1).boundingBox();
  assert.ok(first.x > second.x, `first crumb at ${first.x}, second at ${second.x}`);
  // The headline hugs the right edge of the content column.
  const h1 = await page.locator('h1').boundingBox();
  assert.ok(360 - (h1.x + h1.width) < 40, `headline ends ${360 - (h1.x + h1.width)}px from the right`);
  const quote = page.locator('.story-body blockquote');
  const border = await quote.evaluate(e => getComputedStyle(e).borderRightWidth);
  assert.equal(border, '4px');  // border-inline-start is on the right in RTL
  await page.screenshot({ path: join(screenshots, 'article-pashto-360.png'), fullPage: true });
  await context.close();
});

// Issue 20: Pashto is drawn in the font Khabar serves (Noto Naskh Arabic, regular and
// bold), so ډ, ۍ and the other Pashto letters never show as boxes; an English page
// downloads neither file (unicode-range).
test('Pashto text is drawn in the theme font; an English page downloads no font', async () => {
  for (const [path, wanted] of [[pashto, true], [article, false]]) {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 780 },
                                                    javaScriptEnabled: false });
    const page = await context.newPage();
    const fetched = [];
    page.on('requestfinished', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/static/fonts/')) fetched.push(url.pathname.replace(/\.[0-9a-f]{10}\./, '.'));
    });
    assert.equal((await page.goto(site.url(path), { waitUntil: 'networkidle' })).status(), 200);
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter(f => f.family.includes('Khabar Naskh') && f.status === 'loaded')
                                .map(f => f.weight).sort();
    });
    if (wanted) {
      assert.deepEqual(fetched.sort(), ['/static/fonts/naskh-arabic-bold.woff2',
                                        '/static/fonts/naskh-arabic-regular.woff2'], path);
      assert.deepEqual(loaded, ['400', '600 900'], path);
      // Every Pashto letter in a line, in the theme font, for a person to look at.
      await page.evaluate(() => {
        const line = document.createElement('p');
        line.id = 'alphabet';
        line.style.fontSize = '28px';
        line.textContent = 'ا ب پ ت ټ ث ج ځ چ څ ح خ د ډ ذ ر ړ ز ږ ژ س ش ښ ص ض ط ظ ع غ ف ق ک ګ ل م ن ڼ و ه ۀ ي ې ی ۍ ئ';
        document.querySelector('h1').after(line);
      });
      assert.equal(await page.evaluate(() => document.fonts.check('28px "Khabar Naskh"', 'ډۍښګڼ')), true);
      await page.locator('#alphabet').screenshot({ path: join(screenshots, 'pashto-alphabet.png') });
    } else {
      assert.deepEqual(fetched, [], path);
      assert.deepEqual(loaded, [], path);
    }
    await context.close();
  }
});

test('the home page works without JavaScript and links to every section', async () => {
  const { page, context } = await open('/', 1280, 900);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  assert.deepEqual(await nav.locator('a').allInnerTexts(),
                   ['Home', 'Afghanistan', 'World', 'Business', 'Health', 'Sport', 'Culture', 'Opinion']);
  await nav.getByRole('link', { name: 'World' }).click();
  await page.waitForURL(/\/category\/world\/$/);
  assert.equal(await page.locator('h1').innerText(), 'World');
  await page.screenshot({ path: join(screenshots, 'category-1280.png') });
  await context.close();
});

// Search from the header's box on a phone, as a reader types it: English, and Pashto
// typed with an Arabic keyboard's kaf (ك for ک), which finds the Pashto spelling.
for (const [typed, slug, marked, shot] of [
  ['libraries', 'kabul-opens-three-new-public-libraries-before-winter', 'libraries', 'search-360.png'],
  ['كابل ډوډۍ', 'kabul-winter-bread-ps', 'کابل', 'search-pashto-360.png'],
]) {
  test(`searching "${typed}" from the header on a phone`, async () => {
    const { page, context } = await open('/', 360, 780);
    const box = page.getByRole('searchbox', { name: 'Search the site' });
    assert.equal(await box.isVisible(), true);
    await box.fill(typed);
    await box.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const results = page.locator('.result');
    await results.first().waitFor();
    const links = await results.locator('h2 a').evaluateAll(as => as.map(a => a.getAttribute('href')));
    assert.ok(links.includes(`/${slug}/`), `results: ${links.join(', ')}`);
    const marks = await page.locator('.result mark').allInnerTexts();
    assert.ok(marks.some(m => m.toLowerCase() === marked.toLowerCase()), `marked: ${marks.join(', ')}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex');
    await page.screenshot({ path: join(screenshots, shot), fullPage: true });
    await context.close();
  });
}
