// Shared set-up for the browser tests: a demo site served by the real khabar binary on
// a free 127.0.0.1 port, and Debian's Chromium launched headless by playwright-core.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

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

export async function startSite() {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-e2e-'));
  const data = join(dir, 'site');
  const env = { ...process.env, KHABAR_THEME_DIR: join(root, 'themes/default') };
  execFileSync(binary, ['init', '--data', data, '--title', 'Khabar'], { env });
  execFileSync(binary, ['demo', '--data', data], { env });
  const port = await freePort();
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
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise(r => server.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
