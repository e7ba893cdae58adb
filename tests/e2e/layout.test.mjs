// Every page reads on a phone: nothing makes a 320 px wide screen scroll sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtPages, useSite, visit } from './site.mjs';

const site = useSite();

for (const width of [320, 412]) {
  for (const page of builtPages()) {
    test(`${page} has no sideways scrolling at ${width} px`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 740 }, isMobile: true });
      const tab = await context.newPage();
      await visit(tab, `${site.url}/${page}`, { waitUntil: 'load' });
      // Sideways scrolling can hide inside mdBook's scrolling `.content` box or a table wrapper,
      // so check every visible element's right edge, not just the document's width.
      const { viewport, wide } = await tab.evaluate(() => {
        const viewport = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => {
            const box = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            return box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
              && box.right > viewport + 1;
          })
          .slice(0, 5)
          .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> to ${Math.round(el.getBoundingClientRect().right)} px`);
        return { viewport, wide };
      });
      await context.close();
      assert.deepEqual(wide, [], `${page} runs past the ${viewport} px screen: ${wide.join(', ')}`);
    });
  }
}
