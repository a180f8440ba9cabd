// A stroke drawn with the mouse on one page appears on another, and on a page opened later;
// clear wipes it everywhere.
import { status, text, unique } from './lib.mjs';

const RED = '#c0392b';

/** Whether the board has paint at a spot given as fractions of its size, and of roughly what colour. */
function paintAt(page, fx, fy) {
  return page.evaluate(([x, y]) => {
    const c = document.getElementById('board');
    const [r, g, b, a] = c.getContext('2d').getImageData(Math.round(x * c.width), Math.round(y * c.height), 1, 1).data;
    return a === 0 ? null : { r, g, b };
  }, [fx, fy]);
}

async function waitForPaint(page, painted) {
  await page.waitForFunction((want) => {
    const c = document.getElementById('board');
    const a = c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data[3];
    return want ? a > 0 : a === 0;
  }, painted);
}

export default async function whiteboard(t) {
  const board = `${t.base}/whiteboard.html?board=${unique('e2e')}`;
  const ada = await t.page();
  const bob = await t.page({ width: 480, height: 800 });
  await ada.goto(board);
  await bob.goto(board);
  await status(ada, 'open');
  await status(bob, 'open');
  await text(ada, '#count', 2);

  t.step('ada draws a red line through the middle with the mouse');
  await ada.click(`.swatch[title="${RED}"]`);
  const box = await ada.locator('#board').boundingBox();
  const y = box.y + box.height / 2;
  await ada.mouse.move(box.x + box.width * 0.25, y);
  await ada.mouse.down();
  await ada.mouse.move(box.x + box.width * 0.75, y, { steps: 25 });
  await ada.mouse.up();
  const own = await paintAt(ada, 0.5, 0.5);
  if (!own || own.r < 150 || own.g > 100) throw new Error(`ada's own line is not red at the middle: ${JSON.stringify(own)}`);

  t.step('bob sees it');
  await waitForPaint(bob, true);
  const seen = await paintAt(bob, 0.5, 0.5);
  if (seen.r < 150 || seen.g > 100) throw new Error(`bob's copy is not red: ${JSON.stringify(seen)}`);
  if (await paintAt(bob, 0.5, 0.2)) throw new Error('bob has paint where nobody drew');

  t.step('a page opened later gets the board so far');
  const late = await t.page({ width: 800, height: 700 });
  await late.goto(board);
  await status(late, 'open');
  await waitForPaint(late, true);
  await t.shot(ada, 'ada');
  await t.shot(bob, 'bob');
  await t.shot(late, 'late');

  t.step('clear wipes it for everyone');
  await late.click('#clear');
  await waitForPaint(ada, false);
  await waitForPaint(bob, false);
  await waitForPaint(late, false);
}
