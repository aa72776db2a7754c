// An imported WordPress site in a real browser (issue 13): a [gallery] stays a gallery
// (a grid of pictures side by side, not one long column), on a desktop and on a phone, and
// the site's own sound file, copied by --uploads, plays from this site (Chromium loads it,
// by byte ranges, and knows its length), with no request to the old host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSite, screenshots, makePng } from './support.mjs';

const old = 'https://old.example/wp-content/uploads/2016/04/';
let site;

// One second of a 440 Hz tone: 8 kHz, 16-bit mono PCM in a WAV file.
function wav() {
  const rate = 8000;
  const samples = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++)
    samples.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(36 + samples.length, 4);
  head.write('WAVEfmt ', 8, 'ascii');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);  // PCM
  head.writeUInt16LE(1, 22);  // mono
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'ascii');
  head.writeUInt32LE(samples.length, 40);
  return Buffer.concat([head, samples]);
}

function attachment(id, name, alt) {
  return `<item><title>${name}</title><wp:post_id>${id}</wp:post_id><wp:post_parent>200</wp:post_parent>
<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>${old}${name}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>${alt}</wp:meta_value></wp:postmeta></item>\n`;
}

before(async () => {
  site = await startSite({
    prepare: (khabar, dir) => {
      const uploads = join(dir, 'uploads');
      mkdirSync(join(uploads, '2016/04'), { recursive: true });
      let items = '';
      const ids = [];
      for (let i = 0; i < 6; i++) {
        writeFileSync(join(uploads, `2016/04/market-${i}.png`), makePng(800 + i * 10, 600));
        items += attachment(101 + i, `market-${i}.png`, `Stall ${i + 1} of the market`);
        ids.push(101 + i);
      }
      writeFileSync(join(uploads, '2016/04/tone.wav'), wav());
      items += attachment(120, 'tone.wav', '');
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example</wp:base_site_url><wp:base_blog_url>https://old.example</wp:base_blog_url>
${items}<item><title>The market in pictures</title><wp:post_id>200</wp:post_id><wp:post_name>market-in-pictures</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_date_gmt>2016-04-02 10:00:00</wp:post_date_gmt>
<content:encoded><![CDATA[The market reopened on Friday.

[gallery ids="${ids.join(',')}"]

Listen to the bell:

[audio wav="${old}tone.wav"][/audio]]]></content:encoded></item>
</channel></rss>`;
      const file = join(dir, 'old.xml');
      writeFileSync(file, xml);
      khabar(['import', 'wordpress', file, '--uploads', uploads]);
    },
  });
});
after(async () => { await site?.stop(); });

test('an imported gallery is a grid and an imported sound plays from this site', async () => {
  for (const [width, perRow] of [[1280, 4], [390, 2]]) {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const local = new URL(site.url('/')).host;
    const elsewhere = [];
    const ranges = [];
    await context.route('**/*', (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (url.host !== local) { elsewhere.push(url.href); return route.abort(); }
      if (url.pathname.endsWith('.wav')) ranges.push(request.headers().range || '(whole)');
      return route.continue();
    });
    const page = await context.newPage();
    const response = await page.goto(site.url('/market-in-pictures/'));
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('.byline').count(), 0, 'no empty "By" for a story without author');
    const pictures = page.locator('figure.gallery img');
    assert.equal(await pictures.count(), 6);
    await pictures.last().scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    const boxes = [];
    for (let i = 0; i < 6; i++) boxes.push(await pictures.nth(i).boundingBox());
    // Side by side: at least perRow pictures share the first row, and none is wider than
    // its share of the gallery.
    const firstRow = boxes.filter((b) => Math.abs(b.y - boxes[0].y) < 2).length;
    assert.ok(firstRow >= perRow, `${firstRow} pictures in the first row at ${width} px`);
    const gallery = await page.locator('figure.gallery').boundingBox();
    for (const b of boxes) assert.ok(b.width <= gallery.width / perRow + 1, `a picture ${b.width} px wide`);
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth));
    await page.screenshot({ path: join(screenshots, `imported-gallery-${width}.png`), fullPage: true });

    // The sound: on this site, and playable (Chromium reads its length from the file).
    const audio = page.locator('audio');
    assert.equal(await audio.count(), 1);
    assert.match(await audio.getAttribute('src'), /^\/media\/2016\/04\/[0-9a-f]{16}\.wav$/);
    const duration = await audio.evaluate((a) => new Promise((done) => {
      a.addEventListener('loadedmetadata', () => done(a.duration), { once: true });
      a.addEventListener('error', () => done(-1), { once: true });
      a.preload = 'metadata';
      a.load();
    }));
    assert.ok(Math.abs(duration - 1) < 0.05, `the sound lasts ${duration} s`);
    assert.ok(ranges.length >= 1 && ranges.every((r) => r.startsWith('bytes=')),
              `Chromium asked by range: ${ranges.join(', ')}`);
    assert.deepEqual(elsewhere, [], 'a request to another host');
    await context.close();
  }
});
