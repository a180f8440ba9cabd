// Missed-message recovery: a chat page cut off from the network for a few seconds, or navigated
// away and back, shows what was said meanwhile, in order, once; the stocks page resumes after
// its last quote.
import { status, unique } from './lib.mjs';

/** The chat lines that are messages from `who`, as text, in page order. */
async function said(page, who) {
  return page.$$eval('#log li', (items, name) => items
    .filter((li) => li.querySelector('.who')?.textContent === name)
    .map((li) => li.lastChild.textContent), who);
}

async function waitForSaid(page, who, expected) {
  await page.waitForFunction(([name, want]) => {
    const got = [...document.querySelectorAll('#log li')]
      .filter((li) => li.querySelector('.who')?.textContent === name)
      .map((li) => li.lastChild.textContent);
    return JSON.stringify(got) === JSON.stringify(want);
  }, [who, expected]);
}

export default async function recovery(t) {
  const room = `${t.base}/chat.html?room=${unique('e2e')}`;
  const ada = await t.page();
  const bob = await t.page();
  await ada.goto(`${room}&name=ada`);
  await bob.goto(`${room}&name=bob`);
  await status(ada, 'open');
  await status(bob, 'open');
  await bob.fill('#say input[name=text]', 'before');
  await bob.press('#say input[name=text]', 'Enter');
  await waitForSaid(ada, 'bob', ['before']);

  t.step('ada goes offline for a few seconds; bob talks meanwhile');
  await ada.context().setOffline(true);
  await status(ada, 'reconnecting');
  for (const text of ['one', 'two', 'three']) {
    await bob.fill('#say input[name=text]', text);
    await bob.press('#say input[name=text]', 'Enter');
    await bob.locator('#log li', { hasText: text }).waitFor();
  }
  await t.shot(ada, 'offline');

  t.step('ada is back: the missed messages appear, in order, once');
  await ada.context().setOffline(false);
  await status(ada, 'open');
  await waitForSaid(ada, 'bob', ['before', 'one', 'two', 'three']);
  await t.shot(ada, 'recovered');

  t.step('ada leaves the page and comes back: what was said meanwhile appears once');
  await ada.goto('about:blank');
  await bob.fill('#say input[name=text]', 'while you were gone');
  await bob.press('#say input[name=text]', 'Enter');
  await bob.locator('#log li', { hasText: 'while you were gone' }).waitFor();
  await ada.goto(`${room}&name=ada`);
  await status(ada, 'open');
  await waitForSaid(ada, 'bob', ['while you were gone']);
  await bob.fill('#say input[name=text]', 'welcome back');
  await bob.press('#say input[name=text]', 'Enter');
  await waitForSaid(ada, 'bob', ['while you were gone', 'welcome back']);
  if ((await said(ada, 'bob')).length !== 2) throw new Error('a message came twice');


  t.step('the stocks page, offline for a few seconds, gets the quotes it missed, in order, once');
  const stocks = await t.page();
  await stocks.goto(`${t.base}/stocks.html`);
  await status(stocks, 'open');
  await stocks.evaluate(() => {
    window.got = [];
    window.stocksFeed.on('message', (quote, e) => window.got.push([e.lastEventId, quote.timestamp]));
  });
  await stocks.waitForFunction(() => window.got.length >= 5);
  await stocks.context().setOffline(true);
  await status(stocks, 'reconnecting');
  await stocks.waitForTimeout(3000);
  await stocks.context().setOffline(false);
  await status(stocks, 'open');
  const offlineQuotes = await stocks.evaluate(() => window.got.length);
  await stocks.waitForFunction((n) => window.got.length >= n + 10, offlineQuotes);
  const got = await stocks.evaluate(() => window.got);
  const key = (id) => id.split('-').map(Number);
  for (let i = 1; i < got.length; i++) {
    const [a, b] = key(got[i - 1][0]);
    const [c, d] = key(got[i][0]);
    if (!(c > a || (c === a && d > b))) throw new Error(`quote ${got[i][0]} came after ${got[i - 1][0]}: out of order or twice`);
    // ticks are half a second apart: a longer hole means the quotes from offline were not replayed
    if (got[i][1] - got[i - 1][1] > 1500) throw new Error(`no quotes between ${got[i - 1][1]} and ${got[i][1]}`);
  }
  await t.shot(stocks, 'stocks');
}
