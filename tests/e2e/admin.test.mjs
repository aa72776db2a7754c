// The newsroom admin in a real browser with JavaScript off: an administrator invites an
// editor; the editor chooses a password, turns on two-factor sign-in, signs in with a
// code, and approves a reader's held comment, which then shows on the article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSite, screenshots, totp } from './support.mjs';

const article = '/kabul-opens-three-new-public-libraries-before-winter/';
const adminPassword = 'Quiet river lamps 58 under autumn';
const editorPassword = 'Seven cedar kites 31 over Jalalabad';
let site;

before(async () => { site = await startSite({ adminLogin: 'chief' }); });
after(async () => { await site?.stop(); });

async function browserPage(width = 1280, height = 900) {
  const context = await site.browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

async function choosePassword(page, link, password) {
  await page.goto(link.replace(/^http:\/\/[^/]+/, site.url('')));
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('New password again').fill(password);
  await page.getByRole('button', { name: 'Set my password' }).click();
  await page.waitForURL(/\/admin\/login\?done=password$/);
  assert.match(await page.getByRole('status').innerText(), /password is set/);
}

async function signIn(page, login, password) {
  await page.goto(site.url('/admin/login'));
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an invited editor enrols two-factor, signs in with a code and approves a comment', async () => {
  // A reader leaves a comment; as a first-time commenter it is held for moderation.
  const reader = await browserPage(360, 780);
  await reader.page.goto(site.url(article));
  await reader.page.getByLabel(/^Name/).fill('Farid from Herat');
  await reader.page.getByLabel(/^Email/).fill('farid.herat@example.net');
  await reader.page.getByLabel(/^Comment/).fill('The new library in District 5 is already full every afternoon.');
  await new Promise(r => setTimeout(r, 3500));  // humans take longer than 3 s to write
  await reader.page.getByRole('button', { name: /post comment/i }).click();
  assert.match(await reader.page.content(), /awaiting moderation/i);
  await reader.context.close();

  // The administrator chooses a password, signs in and invites an editor.
  const admin = await browserPage();
  await choosePassword(admin.page, site.adminLink, adminPassword);
  await signIn(admin.page, 'chief', adminPassword);
  await admin.page.waitForURL(/\/admin\/$/);
  await admin.page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' }).click();
  await admin.page.getByLabel('Login', { exact: true }).fill('nadia');
  await admin.page.getByLabel('Display name').fill('Nadia Rahimi');
  await admin.page.getByLabel('Email').fill('nadia@example.org');
  await admin.page.getByLabel('Role', { exact: true }).selectOption('editor');
  await admin.page.getByRole('button', { name: 'Invite' }).click();
  const link = await admin.page.getByLabel('Set-password link').inputValue();
  assert.match(link, /\/admin\/password\?token=[0-9a-f]{64}$/);
  await admin.page.screenshot({ path: join(screenshots, 'admin-invite-1280.png'), fullPage: true });
  await admin.context.close();

  // The editor follows the link, chooses a password and signs in.
  const editor = await browserPage(360, 780);
  const { page } = editor;
  await choosePassword(page, link, editorPassword);
  await signIn(page, 'nadia', editorPassword);
  await page.waitForURL(/\/admin\/$/);
  assert.match(await page.locator('.warning').innerText(), /no two-factor sign-in yet/);
  // Editors see Comments, Breaking news and Categories but not Users or Settings.
  const nav = page.getByRole('navigation', { name: 'Admin' });
  assert.deepEqual(await nav.locator('a').allInnerTexts(),
                   ['Dashboard', 'Articles', 'Media', 'Comments', 'Breaking news', 'Categories', 'Tags', 'Menu', 'Profile', 'View site']);

  // Two-factor: scan (here: read) the key, confirm with a code.
  await page.getByRole('link', { name: 'Turn it on' }).click();
  await page.waitForURL(/\/admin\/two-factor$/);
  assert.equal(await page.locator('figure.qr svg').count(), 1);
  await page.screenshot({ path: join(screenshots, 'admin-two-factor-360.png'), fullPage: true });
  const secret = (await page.locator('code.secret').innerText()).replace(/\s/g, '');
  const enrolledAt = Math.floor(Date.now() / 1000);
  await page.getByLabel('Enter the six-digit code').fill(totp(secret, enrolledAt));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  assert.equal(await page.locator('.recovery-codes li').count(), 10);

  // Sign out, sign in again: password, then a code (not the one used to enrol).
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/admin\/login\?done=signed-out$/);
  await signIn(page, 'nadia', editorPassword);
  const codeField = page.getByLabel('Code from your authenticator app');
  await codeField.waitFor();
  const now = Math.floor(Date.now() / 1000);
  const code = Math.floor(now / 30) === Math.floor(enrolledAt / 30) ? totp(secret, now + 30) : totp(secret, now);
  await codeField.fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/admin\/$/);
  assert.match(await page.locator('.counts').innerText(), /1\s+comments awaiting moderation/);

  // The moderation queue: approve Farid's comment.
  await page.getByRole('link', { name: /comments awaiting moderation/ }).click();
  const item = page.locator('.comment-item', { hasText: 'Farid from Herat' });
  assert.match(await item.innerText(), /farid\.herat@example\.net/);  // moderators see the email
  await item.getByRole('button', { name: /Approve comment/ }).click();
  assert.match(await page.getByRole('status').innerText(), /Approved 1 comment\./);
  await page.screenshot({ path: join(screenshots, 'admin-comments-360.png'), fullPage: true });
  await editor.context.close();

  // Any reader now sees it on the article; the email is not published.
  const later = await browserPage(1280, 900);
  await later.page.goto(site.url(article));
  const comments = await later.page.locator('.comments').innerText();
  assert.match(comments, /Farid from Herat/);
  assert.match(comments, /already full every afternoon/);
  assert.doesNotMatch(await later.page.content(), /farid\.herat@example\.net/);
  await later.context.close();
});
