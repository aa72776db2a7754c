// Shared set-up for the browser tests: a demo site served by the real khabar binary on
// a free 127.0.0.1 port, and Debian's Chromium launched headless by playwright-core.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createHmac } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import * as chromeLauncher from 'chrome-launcher';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const binary = process.env.KHABAR_BINARY || join(root, 'build/khabar');
export const screenshots = process.env.KHABAR_SCREENSHOT_DIR || join(root, 'build/screenshots');

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on('error', fail);
  });
}

function accepts(port) {
  return new Promise((ok) => {
    const c = connect(port, '127.0.0.1', () => { c.end(); ok(true); });
    c.on('error', () => ok(false));
  });
}

// Options: adminLogin creates the first administrator (its set-password link is returned
// as adminLink); settings {key: value} are set with `khabar settings`; users
// [{login, role, name}] are added with `khabar user add` (their set-password links are
// returned in links[login]); prepare(run, dir), when given, runs before the server starts:
// run(args) runs the khabar binary with `--data <site>` appended, dir is a scratch folder.
export async function startSite({ adminLogin, settings = {}, users = [], prepare } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-e2e-'));
  const data = join(dir, 'site');
  const env = { ...process.env, KHABAR_THEME_DIR: join(root, 'themes/default') };
  const port = await freePort();
  const init = ['init', '--data', data, '--title', 'Khabar', '--url', `http://127.0.0.1:${port}`];
  if (adminLogin) init.push('--admin-login', adminLogin);
  const output = execFileSync(binary, init, { env }).toString();
  const adminLink = (output.match(/http:\/\/\S+\/admin\/password\?token=[0-9a-f]+/) || [])[0];
  execFileSync(binary, ['demo', '--data', data], { env });
  for (const [key, value] of Object.entries(settings))
    execFileSync(binary, ['settings', '--data', data, key, value], { env });
  const links = {};
  for (const { login, role, name } of users) {
    const out = execFileSync(binary, ['user', 'add', '--data', data, '--login', login, '--role', role,
                                      '--display-name', name || login], { env }).toString();
    links[login] = (out.match(/http:\/\/\S+\/admin\/password\?token=[0-9a-f]+/) || [])[0];
  }
  if (prepare)
    await prepare((args) => execFileSync(binary, [...args, '--data', data], { env }).toString(), dir);
  const server = spawn(binary, ['serve', '--data', data, '--listen', `127.0.0.1:${port}`],
                       { env, stdio: 'ignore' });
  for (let i = 0; i < 200 && !(await accepts(port)); i++) await new Promise(r => setTimeout(r, 25));
  mkdirSync(screenshots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    browser,
    adminLink,
    links,
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise(r => server.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The TOTP code (RFC 6238: HMAC-SHA-1, 30 s, 6 digits) of a base32 secret at `unixTime`,
// computed here independently of the server's liboath.
export function totp(base32, unixTime) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of base32.replace(/[ =]/g, '').toUpperCase())
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.alloc(Math.floor(bits.length / 8));
  for (let i = 0; i < key.length; i++) key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixTime / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return value.toString().padStart(6, '0');
}

// A small RGB PNG (a colour gradient), made here without any image library, for uploads.
export function makePng(width, height, blue = 120) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;  // bits per sample
  ihdr[9] = 2;  // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      rows[at] = (x * 255 / width) | 0;
      rows[at + 1] = (y * 255 / height) | 0;
      rows[at + 2] = blue;
    }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
                        chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// A browser context of a user added with startSite({users}) who followed their
// set-password link, chose `password` and signed in; returns {context, page} on /admin/.
export async function signedInUser(site, login, password,
                                   { width = 1280, height = 900, javaScriptEnabled = true } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(site.links[login].replace(/^http:\/\/[^/]+/, site.url('')));
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('New password again').fill(password);
  await page.getByRole('button', { name: 'Set my password' }).click();
  await page.waitForURL(/\/admin\/login\?done=password$/);
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/admin\/$/);
  return { context, page };
}

// Debian's Chromium, headless, for Lighthouse (which drives it on its own port): call
// kill() on the result when done.
export function launchChromeForLighthouse() {
  return chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
                  '--disable-background-networking', '--disable-component-update',
                  '--disable-sync'],
  });
}
