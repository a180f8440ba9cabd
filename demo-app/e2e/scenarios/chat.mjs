// Two pages in one chat room see each other's presence and messages, and a leave.
import { status, text, unique } from './lib.mjs';

export default async function chat(t) {
  const room = unique('e2e');
  const ada = await t.page();
  const bob = await t.page({ width: 420, height: 760 });

  t.step('ada joins with the form');
  await ada.goto(`${t.base}/chat.html`);
  await ada.fill('#join input[name=name]', 'ada');
  await ada.fill('#join input[name=room]', room);
  await ada.click('#join button[type=submit]');
  await status(ada, 'open');
  await ada.locator('#people li', { hasText: 'ada (you)' }).waitFor();

  t.step('bob joins by link; each sees the other');
  await bob.goto(`${t.base}/chat.html?room=${room}&name=bob`);
  await status(bob, 'open');
  await ada.locator('#log li', { hasText: 'bob joined' }).waitFor();
  await ada.locator('#people li', { hasText: /^bob$/ }).waitFor();
  await bob.locator('#people li', { hasText: /^ada$/ }).waitFor();
  await text(ada, '#count', 2);
  await text(bob, '#count', 2);

  t.step('messages go both ways');
  await ada.fill('#say input[name=text]', 'hello bob <b>not bold</b>');
  await ada.press('#say input[name=text]', 'Enter');
  await bob.locator('#log li', { hasText: 'hello bob <b>not bold</b>' }).waitFor();
  await bob.fill('#say input[name=text]', 'hi ada!');
  await bob.click('#say button');
  await ada.locator('#log li', { hasText: 'hi ada!' }).waitFor();
  await ada.locator('#log li.mine', { hasText: 'hello bob' }).waitFor();
  await t.shot(ada, 'ada');
  await t.shot(bob, 'bob');

  t.step('bob leaves; ada sees it');
  await bob.click('#leave');
  await ada.locator('#log li', { hasText: 'bob left' }).waitFor();
  await text(ada, '#count', 1);
  await ada.locator('#people li', { hasText: /^bob$/ }).waitFor({ state: 'detached' });
  await t.shot(ada);
}
