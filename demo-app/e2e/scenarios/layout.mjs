// Every page, wide and narrow: a screenshot of each for a person to look at, and no page wider
// than the window (nothing to scroll sideways).
import { status } from './lib.mjs';

const PAGES = [
  ['index', '/'],
  ['chat', '/chat.html?room=layout&name=ada'],
  ['whiteboard', '/whiteboard.html?board=layout'],
  ['poll', '/poll.html?id=layout'],
  ['stocks', '/stocks.html'],
];
const SIZES = { wide: { width: 1280, height: 800 }, narrow: { width: 360, height: 740 } };

export default async function layout(t) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    const page = await t.page(viewport);
    for (const [name, path] of PAGES) {
      t.step(`${name}, ${size}`);
      await page.goto(t.base + path);
      if (name !== 'index') await status(page, 'open');
      if (name === 'stocks') await page.locator('#quotes tbody tr').nth(4).waitFor();
      if (name === 'poll') await page.locator('.option').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) throw new Error(`${name} is ${overflow}px wider than a ${size} window`);
      await t.shot(page, `${name}-${size}`);
    }
  }
}
