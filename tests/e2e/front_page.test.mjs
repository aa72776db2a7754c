// Issue 14: a front page full of pictures stays fast and light. A WordPress export of 30
// stories, each with its featured photo, is imported (`khabar import wordpress --uploads`,
// the photos cleaned and cut into variants as any upload); the home page then shows a
// picture on every card of its lead, latest and section lists. Lighthouse (Google's audit,
// on Debian's Chromium, simulated mobile and desktop) scores its performance 100, and the
// HTML stays within 60 KB as sent (gzip).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import lighthouse from 'lighthouse';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSite, makePng, screenshots, launchChromeForLighthouse } from './support.mjs';

const kStories = 30;
const sections = ['afghanistan', 'world', 'business', 'health', 'sport', 'culture', 'opinion'];
let site, chrome;

// A WXR file of `kStories` posts, the newest a minute old, each with an attachment (its
// featured photo, from uploads/2026/12/) in one of the demo's sections, round robin; the
// newest is sticky, so it leads instead of the demo's lead story (the
// export names them as WordPress does; the import finds the demo's by their slugs).
function wxr(now) {
  const gmt = (t) => new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ');
  let items = '';
  for (let i = 0; i < kStories; i++) {
    const post = 1000 + 2 * i, photo = post + 1, section = sections[i % sections.length];
    items += `<item><title>Photo ${i} of the valley</title><wp:post_id>${photo}</wp:post_id>
<wp:post_parent>${post}</wp:post_parent><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status>
<wp:attachment_url>https://old.example/wp-content/uploads/2026/12/photo-${i}.png</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>
<wp:meta_value>Farmers at work in the valley, picture ${i}</wp:meta_value></wp:postmeta></item>
<item><title>Valley story number ${i} with its photo</title><wp:post_id>${post}</wp:post_id>
<wp:post_name>valley-story-${i}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type><wp:is_sticky>${i === 0 ? 1 : 0}</wp:is_sticky><wp:post_date_gmt>${gmt(now - 60 - i * 30)}</wp:post_date_gmt>
<dc:creator>reporter</dc:creator>
<category domain="category" nicename="${section}"><![CDATA[${section}]]></category>
<content:encoded><![CDATA[<p>Story ${i}: the harvest came in early this year.</p>
<p>Growers say the roads stayed open for most of the season.</p>]]></content:encoded>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${photo}</wp:meta_value></wp:postmeta>
</item>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Valley News</title><link>https://old.example</link><language>en</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example</wp:base_site_url>
<wp:base_blog_url>https://old.example</wp:base_blog_url>
<wp:author><wp:author_id>7</wp:author_id><wp:author_login><![CDATA[reporter]]></wp:author_login>
<wp:author_display_name><![CDATA[Valley Reporter]]></wp:author_display_name></wp:author>
${sections.map((slug, k) => `<wp:category><wp:term_id>${k + 1}</wp:term_id>
<wp:category_nicename>${slug}</wp:category_nicename>
<wp:cat_name><![CDATA[${slug[0].toUpperCase() + slug.slice(1)}]]></wp:cat_name></wp:category>`)
  .join('\n')}
${items}</channel></rss>
`;
}

before(async () => {
  site = await startSite({
    prepare: async (run, dir) => {
      const uploads = join(dir, 'uploads');
      mkdirSync(join(uploads, '2026/12'), { recursive: true });
      for (let i = 0; i < kStories; i++)
        writeFileSync(join(uploads, `2026/12/photo-${i}.png`), makePng(1200, 800, 4 * i));
      const file = join(dir, 'valley.xml');
      writeFileSync(file, wxr(Math.floor(Date.now() / 1000)));
      const out = run(['import', 'wordpress', file, '--uploads', uploads]);
      assert.match(out, new RegExp(`${kStories} files copied from --uploads`), out);
    },
  });
  for (const width of [390, 1280]) {  // for a person to look at
    const reader = await site.browser.newContext({ viewport: { width, height: 900 },
                                                   javaScriptEnabled: false });
    const home = await reader.newPage();
    await home.goto(site.url('/'), { waitUntil: 'networkidle' });
    await home.screenshot({ path: join(screenshots, `home-30-pictures-${width}.png`),
                            fullPage: true });
    await reader.close();
  }
  chrome = await launchChromeForLighthouse();
});
after(async () => { await chrome?.kill(); await site?.stop(); });

test('the home page shows a picture on every card, within 60 KB of HTML as sent', async () => {
  const response = await fetch(site.url('/'), { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(response.status, 200);
  const html = await response.text();
  const pictures = html.match(/<picture>/g) ?? [];
  assert.ok(pictures.length >= kStories, `${pictures.length} pictures`);
  // Every card of the first screenfuls is one of the imported, pictured stories.
  const cards = html.match(/<article class="card"[\s\S]*?<\/article>/g) ?? [];
  assert.equal(cards.filter((c) => !c.includes('<picture>')).length, 0,
               'a card without its picture');
  assert.equal((html.match(/fetchpriority="high"/g) ?? []).length, 1, 'the lead, first');
  assert.equal((html.match(/loading="lazy"/g) ?? []).length, pictures.length - 1);
  // As Khabar sends it (fetch undoes the gzip; the length is of what came).
  assert.equal(response.headers.get('content-encoding'), 'gzip');
  const sent = Number(response.headers.get('content-length'));
  console.log(`home: ${pictures.length} pictured cards, HTML ${Buffer.byteLength(html)} bytes ` +
              `(the stylesheet in it), ${sent} bytes sent gzipped`);
  assert.ok(sent > 0 && sent <= 60 * 1024, `${sent} bytes`);
});

for (const formFactor of ['mobile', 'desktop']) {
  test(`Lighthouse: the pictured home page scores 100 for performance (${formFactor})`,
       async () => {
    const settings = formFactor === 'desktop'
      ? { formFactor: 'desktop', screenEmulation: { mobile: false, width: 1350, height: 940,
                                                    deviceScaleFactor: 1, disabled: false },
          throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1,
                        requestLatencyMs: 0, downloadThroughputKbps: 0,
                        uploadThroughputKbps: 0 } }
      : { formFactor: 'mobile' };  // Lighthouse's default: a mid-range phone on slow 4G
    const { lhr } = await lighthouse(site.url('/'), {
      port: chrome.port, onlyCategories: ['performance', 'best-practices'], logLevel: 'error',
      output: 'json',
    }, { extends: 'lighthouse:default', settings });
    assert.equal(lhr.runtimeError, undefined, JSON.stringify(lhr.runtimeError));
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time',
                     'cumulative-layout-shift', 'speed-index']
      .map((k) => `${k} ${lhr.audits[k].displayValue} (${lhr.audits[k].score})`).join(', ');
    console.log(`${formFactor}: performance ${lhr.categories.performance.score}: ${metrics}`);
    assert.equal(lhr.categories.performance.score, 1, metrics);
    assert.equal(lhr.categories['best-practices'].score, 1);
    assert.equal(lhr.audits['cumulative-layout-shift'].numericValue, 0, 'nothing shifts');
  });
}
