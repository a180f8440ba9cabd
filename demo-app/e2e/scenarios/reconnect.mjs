// The chat page reconnects by itself after the server stops and starts again on the same port,
// and a message typed while it was offline goes out once it is back. A poll page's event stream
// comes back too.
import { status, text, unique } from './lib.mjs';

export default async function reconnect(t) {
  const room = `${t.base}/chat.html?room=${unique('e2e')}`;
  const ada = await t.page();
  const bob = await t.page();
  await ada.goto(`${room}&name=ada`);
  await bob.goto(`${room}&name=bob`);
  await status(ada, 'open');
  await status(bob, 'open');
  const poll = await t.page({ width: 600, height: 600 });
  await poll.goto(`${t.base}/poll.html?id=${unique('e2e')}`);
  await status(poll, 'open');
  await poll.click('.option:has-text("Chat")');
  await text(poll, '#total', 1);

  t.step('the server stops; the pages say so');
  await t.server.stop();
  await status(ada, 'reconnecting');
  await status(bob, 'reconnecting');
  await status(poll, 'reconnecting');
  await ada.fill('#say input[name=text]', 'typed while offline');
  await ada.press('#say input[name=text]', 'Enter');
  await ada.locator('#log li', { hasText: 'you are offline' }).waitFor();
  await t.shot(ada, 'offline');

  t.step('the server starts again; the pages reconnect and rejoin');
  await t.server.start();
  await status(ada, 'open', 20_000);
  await status(bob, 'open', 20_000);
  await ada.locator('#log li', { hasText: 'reconnected' }).waitFor();
  await ada.locator('#log li.mine', { hasText: 'typed while offline' }).waitFor();
  await ada.locator('#people li', { hasText: /^bob$/ }).waitFor();

  t.step('messages flow again');
  await bob.fill('#say input[name=text]', 'welcome back');
  await bob.press('#say input[name=text]', 'Enter');
  await ada.locator('#log li', { hasText: 'welcome back' }).waitFor();
  await t.shot(ada);

  t.step('the poll is live again, on a server that starts with no votes');
  await status(poll, 'open', 20_000);
  await text(poll, '#total', 0);
  await poll.click('.option:has-text("Stocks")');
  await poll.locator('.option[data-votes="1"]', { hasText: 'Stocks' }).waitFor();
  await t.shot(poll, 'poll');
}
