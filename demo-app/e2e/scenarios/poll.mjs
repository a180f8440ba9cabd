// A vote on one poll page updates the results on another, over SSE.
import { status, text, unique } from './lib.mjs';

export default async function poll(t) {
  const url = `${t.base}/poll.html?id=${unique('e2e')}`;
  const ada = await t.page();
  const bob = await t.page({ width: 390, height: 800 });
  await ada.goto(url);
  await bob.goto(url);
  await status(ada, 'open');
  await status(bob, 'open');
  await ada.locator('.option', { hasText: 'Whiteboard' }).waitFor();
  await text(bob, '#total', 0);

  t.step('ada votes Whiteboard; bob sees it');
  await ada.click('.option:has-text("Whiteboard")');
  await bob.locator('.option[data-votes="1"]', { hasText: 'Whiteboard' }).waitFor();
  await text(bob, '#total', 1);

  t.step('bob votes Stocks twice; ada sees it');
  await bob.click('.option:has-text("Stocks")');
  await bob.click('.option:has-text("Stocks")');
  await ada.locator('.option[data-votes="2"]', { hasText: 'Stocks' }).waitFor();
  await text(ada, '#total', 3);
  await t.shot(ada, 'ada');
  await t.shot(bob, 'bob');
}
