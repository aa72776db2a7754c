// Issue 13: every admin screen is usable on a phone. At 390 px wide (JavaScript off, as
// the admin works without it) no screen scrolls sideways: the page is no wider than the
// window. A screenshot of each is kept in build/screenshots/admin-390-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSite, screenshots, signedInUser } from './support.mjs';

const password = 'Amber lanterns 27 over the Kabul river';
let site;

before(async () => {
  site = await startSite({ users: [{ login: 'chief', role: 'administrator', name: 'Chief Editor' }] });
});
after(async () => { await site?.stop(); });

async function overflow(page) {
  return page.evaluate(() => ({
    scroll: document.scrollingElement.scrollWidth,
    inner: window.innerWidth,
    // The elements that stick out, to say which when it fails.
    wide: [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')),
  }));
}

test('no admin screen scrolls sideways at 390 px', async () => {
  const { context, page } = await signedInUser(site, 'chief', password,
                                               { width: 390, height: 844, javaScriptEnabled: false });
  // An article of the demo and a category, for their own screens.
  await page.goto(site.url('/admin/articles'));
  const edit = await page.locator('a[href$="/edit"]').first().getAttribute('href');
  const article = edit.replace(/\/edit$/, '');
  await page.goto(site.url('/admin/categories'));
  const category = await page.locator('a[href^="/admin/categories/"]').first().getAttribute('href');
  const screens = ['/admin/', '/admin/articles', '/admin/articles/new', edit, `${article}/revisions`,
                   '/admin/comments', '/admin/comments?status=approved', '/admin/categories', category,
                   '/admin/tags', '/admin/media', '/admin/menu', '/admin/users', '/admin/profile',
                   '/admin/two-factor', '/admin/settings'];
  const failures = [];
  for (const path of screens) {
    const response = await page.goto(site.url(path));
    assert.equal(response.status(), 200, path);
    const o = await overflow(page);
    const name = path.replace(/^\/admin\/?/, '').replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || 'dashboard';
    await page.screenshot({ path: join(screenshots, `admin-390-${name}.png`), fullPage: true });
    if (o.scroll > o.inner) failures.push(`${path}: ${o.scroll} > ${o.inner} (${o.wide.join(', ')})`);
  }
  // Signed out: the sign-in and "forgot" pages.
  const out = await site.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const anonymous = await out.newPage();
  for (const path of ['/admin/login', '/admin/forgot']) {
    await anonymous.goto(site.url(path));
    const o = await overflow(anonymous);
    await anonymous.screenshot({ path: join(screenshots, `admin-390-${path.slice(7)}.png`), fullPage: true });
    if (o.scroll > o.inner) failures.push(`${path}: ${o.scroll} > ${o.inner} (${o.wide.join(', ')})`);
  }
  await out.close();
  await context.close();
  assert.deepEqual(failures, []);
});
