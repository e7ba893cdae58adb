// The three engines readers' phones use, behind one small interface, so that a reader's walk
// (reader-walks.mjs) is written once and run in each:
// - chromium: Debian's Chromium, through playwright-core (Android's Chrome and most others);
// - firefox: Debian's Firefox ESR, through puppeteer-core over WebDriver BiDi (Firefox);
// - webkit: Debian's WebKitGTK MiniBrowser, through its WebKitWebDriver (WebDriver classic) and
//   selenium-webdriver, under xvfb-run (every browser on an iPhone is WebKit).
// None is ever downloaded: each is the Debian package `cargo xtask test` installs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder } from 'selenium-webdriver';
import { launchBrowser } from './site.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
// Debian puts it under the machine's multiarch folder (x86_64-linux-gnu, aarch64-linux-gnu, …).
const MINIBROWSER = readdirSync('/usr/lib')
  .map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`)
  .find((path) => existsSync(path));

// The window of a phone held upright. WebKitGTK's MiniBrowser keeps its toolbar and will not go
// narrower than about 450 px: the walks at 320 px load the page in a frame that wide instead.
const PHONE = { width: 390, height: 780 };
const WAIT_MS = 10_000;

/** A page's function as source the engine runs, with its arguments. */
const call = (fn, args) => `(${fn})(...${JSON.stringify(args)})`;

/**
 * Starts `name`'s browser with a clean profile; resolves to a tab:
 * - `open(url)`: goes there and waits for the load event;
 * - `run(fn, ...args)`: runs `fn` in the page (it may be async) and resolves to its result;
 * - `until(fn, ...args)`: resolves once `fn` returns something truthy in the page, or fails;
 * - `click(fn, ...args)`: a real click (a user activation) on the element `fn` returns;
 * - `errors`: script errors the protocol lets us see (none in WebDriver classic);
 * - `close()`.
 */
export async function openEngine(name) {
  const tab = await { chromium, firefox, webkit }[name]();
  return {
    name,
    ...tab,
    async until(fn, ...args) {
      const end = Date.now() + WAIT_MS;
      for (;;) {
        const value = await tab.run(fn, ...args);
        if (value) return value;
        if (Date.now() > end) throw new Error(`${name}: still false after ${WAIT_MS} ms: ${fn}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

async function chromium() {
  const browser = await launchBrowser();
  return devtoolsTab(browser, await browser.newPage({ viewport: PHONE }));
}

async function firefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox', protocol: 'webDriverBiDi', executablePath: FIREFOX, headless: true,
    defaultViewport: null, protocolTimeout: WAIT_MS * 3, // a stuck page fails its walk, not the whole file
  });
  const page = await browser.newPage();
  // BiDi's own browsingContext.setViewport: Puppeteer's page.setViewport also overrides the
  // screen's orientation, a command Debian's Firefox ESR (140) does not know.
  await page.mainFrame().browsingContext.setViewport({ viewport: PHONE });
  return devtoolsTab(browser, page);
}

/** A tab of Playwright's or Puppeteer's, whose pages speak alike for all the walks need. */
function devtoolsTab(browser, page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return {
    errors,
    open: (url) => page.goto(url, { waitUntil: 'load' }),
    run: (fn, ...args) => page.evaluate(call(fn, args)),
    click: async (fn, ...args) => (await page.evaluateHandle(call(fn, args))).asElement().click(),
    close: () => browser.close(),
  };
}

async function webkit() {
  const port = await freePort();
  // xvfb-run gives the driver, and the MiniBrowser it starts, a display of their own.
  const driverProcess = spawn('xvfb-run', ['-a', WEBKIT_DRIVER, `--port=${port}`], { stdio: 'ignore', detached: true });
  const stopDriver = () => { try { process.kill(-driverProcess.pid); } catch { /* gone */ } };
  try {
    const driver = await retry(() => new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build());
    await driver.manage().window().setRect(PHONE);
    // WebDriver classic awaits a script's promise only through the async form.
    const run = async (fn, ...args) => {
      const result = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => ${call(fn, args)})
          .then((value) => done({ value }), (e) => done({ error: String(e && e.stack || e) }));`);
      if (result.error) throw new Error(result.error);
      return result.value;
    };
    return {
      errors: [],
      open: (url) => driver.get(url),
      run,
      // Centred first: WebDriver scrolls it only to the screen's edge, under the sticky menu bar.
      click: async (fn, ...args) => (await driver.executeScript(`const el = ${call(fn, args)};
        el.scrollIntoView({ block: 'center' }); return el;`)).click(),
      close: async () => {
        await driver.quit().catch(() => {});
        stopDriver();
      },
    };
  } catch (e) {
    stopDriver();
    throw e;
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The driver takes a moment to listen: asks again for a few seconds. */
async function retry(connect) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connect();
    } catch (e) {
      if (attempt === 20) throw e;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
