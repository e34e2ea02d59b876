import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { SITES } from '../harness/build.ts';
import { closeBrowser, ENGINES, goto, launch, newPage } from '../harness/driver.ts';
import { installSpeechRecorder, LOCAL_ZH_VOICE } from '../harness/elder-mode.ts';
import { serveStatic, type StaticServer } from '../harness/static-server.ts';

/**
 * Read-aloud (语音阅读) in Chromium and Firefox ESR, under /kstb/, through the
 * page's own calls to speechSynthesis: an init script replaces it with a recorder
 * that has the voices given (installSpeechRecorder), so the test sees what the page
 * asks to be spoken, in which voice, and when it pauses and stops.
 */

/** Every kind of page a citizen starts from. */
const START_PAGES = [
  '',
  'search/?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1',
  'topics/',
  'topics/housing-fund/',
  'items/',
  'items/by-bureau/',
  'batches/',
  'bureaus/',
  'items/2-15/',
  'bureaus/court/',
  'batches/1/',
];

/**
 * The start pages Firefox reads too: one of each kind (home, search, a list, a topic, an item, a bureau). The text read
 * is gathered by one script from every page's markup, so a page whose reading breaks breaks in Chromium's sweep of all;
 * Firefox runs the same test body on these (tests/README.md, "Keeping the browser tests fast").
 */
const FIREFOX_START_PAGES = ['', 'search/?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1', 'items/', 'topics/housing-fund/', 'items/2-15/', 'bureaus/court/'];

/** What is never read: web addresses, citations, the share box, controls. */
const NEVER_READ = [/https?:\/\//, /来源：/, /本页网址/, /预览版/, /复制链接/, /打印本页/, /朗读本页/, /跳到正文/];

/** The recorded calls: utterances as objects, pause/resume/cancel as strings. */
type Call = { speak: string; lang: string; voice: string } | string;
const calls = (page: Page) => page.evaluate(() => (window as unknown as { speechCalls: Call[] }).speechCalls);
const spoken = async (page: Page) => (await calls(page)).filter((c): c is Exclude<Call, string> => typeof c === 'object');

let server: StaticServer;
before(async () => {
  server = await serveStatic(SITES.kstb.dir, SITES.kstb.base);
});
after(() => server?.close());

for (const engine of ENGINES) {
  describe(`read-aloud in ${engine}`, () => {
    let browser: Browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser && closeBrowser(browser));

    /** A tab whose speech synthesis has `voices`. */
    async function tabWith(voices: object[]): Promise<Page> {
      const page = await newPage(browser, { width: 390, height: 844 });
      await page.evaluateOnNewDocument(installSpeechRecorder, JSON.stringify(voices));
      return page;
    }

    const startPages = engine === 'chromium' ? START_PAGES : FIREFOX_START_PAGES;
    const which = engine === 'chromium' ? `all ${START_PAGES.length} kinds` : `${startPages.length} of them, one of each kind`;
    it(`every page a citizen starts from reads its title first, in the Mandarin voice, and never an address, a citation or a control (${which})`, async () => {
      const problems: string[] = [];
      const page = await tabWith([{ name: 'English', lang: 'en-US', localService: true }, LOCAL_ZH_VOICE]);
      const foreign: string[] = [];
      page.on('request', (r) => {
        // Network requests only: Firefox reports a data: font of its own among the page's requests.
        const url = new URL(r.url());
        if (/^(https?|wss?):$/.test(url.protocol) && url.origin !== new URL(server.url).origin) foreign.push(r.url());
      });
      for (const path of startPages) {
        await goto(page, server.url + path);
        await page.waitForSelector('#read-aloud-play');
        // One round trip: 朗读本页 pressed, what it asked to be spoken, the title, then 停止 (the buttons' real clicks: the item page's test below).
        const { said, title } = await page.evaluate(() => {
          document.getElementById('read-aloud-play')!.click();
          const record = (window as unknown as { speechCalls: unknown[] }).speechCalls.filter((c) => typeof c === 'object') as {
            speak: string;
            lang: string;
            voice: string;
          }[];
          const result = { said: structuredClone(record), title: document.querySelector<HTMLElement>('main h1')!.innerText.replace(/\s+/g, ' ').trim() };
          document.getElementById('read-aloud-stop')!.click();
          return result;
        });
        if (said.length < 2) problems.push(`${path || '/'}: ${said.length} utterances`);
        else if (!said[0]!.speak.startsWith(title)) problems.push(`${path || '/'}: starts with “${said[0]!.speak.slice(0, 30)}”, not the title`);
        if (!said.every((s) => s.lang === 'zh-CN' && s.voice === LOCAL_ZH_VOICE.name)) problems.push(`${path || '/'}: not all in the zh-CN voice`);
        for (const s of said) for (const never of NEVER_READ) if (never.test(s.speak)) problems.push(`${path || '/'}: reads “${s.speak.slice(0, 60)}”`);
      }
      await page.close();
      assert.deepEqual(problems, []);
      assert.deepEqual(foreign, [], 'nothing is fetched from another origin');
    });

    it('the item page reads its title, then the answer box; pause, resume and stop, focus back on 朗读本页', async () => {
      const page = await tabWith([LOCAL_ZH_VOICE]);
      await goto(page, server.url + 'items/2-15/');
      await page.waitForSelector('#read-aloud-play');
      const answer = (await page.$eval('.answer', (a) => (a as HTMLElement).innerText)).replace(/\s+/g, '');
      await page.click('#read-aloud-play');
      const said = await spoken(page);
      assert.match(said[0]!.speak, /社会保障卡补领、换领、换发/);
      assert.match(said[1]!.speak, /^原表写明：/);
      assert.ok(answer.startsWith(said[1]!.speak.replace(/\s+/g, '')), `second: ${said[1]!.speak}`);
      assert.equal(await page.$eval('#read-aloud-play', (b) => b.textContent), '暂停');
      await page.click('#read-aloud-play');
      assert.equal(await page.$eval('#read-aloud-play', (b) => b.textContent), '继续');
      await page.click('#read-aloud-play');
      await page.click('#read-aloud-stop');
      assert.deepEqual((await calls(page)).filter((c) => typeof c === 'string').slice(-3), ['pause', 'resume', 'cancel']);
      assert.equal(await page.$eval('#read-aloud-play', (b) => b.textContent), '朗读本页');
      assert.equal(await page.$eval('#read-aloud-stop', (b) => (b as HTMLElement).hidden), true);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'read-aloud-play', 'focus goes back to 朗读本页');
      await page.close();
    });

    // Chromium checks each device on both pages; Firefox each device on one of them, in turn (the sentence is the
    // same script's on every starting page).
    const bothPages = engine === 'chromium';
    it(`without a Mandarin voice on the device: no control, and a short sentence saying why (${bothPages ? 'each device on the home and an item page' : 'each device on the home or an item page'})`, async () => {
      for (const [i, voices] of [
        [],
        [{ name: 'English', lang: 'en-US', localService: true }],
        [{ name: 'Google 普通话', lang: 'zh-CN', localService: false }],
        [{ name: '粤語', lang: 'zh-HK', localService: true }],
      ].entries()) {
        const page = await tabWith(voices);
        for (const path of bothPages ? ['', 'items/2-15/'] : [['', 'items/2-15/'][i % 2]!]) {
          await goto(page, server.url + path);
          await page.waitForFunction(() => (document.getElementById('read-aloud-slot')?.textContent ?? '') !== '');
          const shown = await page.evaluate(() => ({
            text: document.getElementById('read-aloud-slot')!.textContent,
            buttons: document.querySelectorAll('#read-aloud-slot button').length,
            speech: document.documentElement.dataset.speech,
          }));
          assert.deepEqual(shown, { text: '本机没有普通话语音，不能朗读本页。', buttons: 0, speech: 'none' }, `${path || '/'} ${JSON.stringify(voices)}`);
        }
        await page.close();
      }
    });

    it('pages that are not a starting point carry no read-aloud control or script', async () => {
      const page = await tabWith([LOCAL_ZH_VOICE]);
      for (const path of ['about/', 'accessibility/', 'data/']) {
        await goto(page, server.url + path);
        assert.equal(await page.$$eval('#read-aloud-slot, script[src*="ReadAloud"]', (e) => e.length), 0, path);
      }
      await page.close();
    });
  });
}
