// The stocks table fills from the SSE feed and its prices change over time; the chart draws.
import { status } from './lib.mjs';

export default async function stocks(t) {
  const page = await t.page();
  await page.goto(`${t.base}/stocks.html`);
  await status(page, 'open');
  await page.locator('#quotes tbody tr').nth(4).waitFor();

  t.step('prices change');
  const before = await page.locator('#quotes tbody td.price').allTextContents();
  await page.waitForFunction((old) => {
    const now = [...document.querySelectorAll('#quotes tbody td.price')].map((td) => td.textContent);
    return now.some((price, i) => price !== old[i]);
  }, before);

  t.step('the chart has lines');
  await page.waitForFunction(() => {
    const c = document.getElementById('chart');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) coloured++;
    return coloured > 200;
  });
  await t.shot(page);
}
