// Over HTTPS with the certificate --tls makes, one page holds ten SSE streams to the same origin,
// all receiving at once: over HTTP/1.1 a browser allows six connections per origin and the rest
// would wait; over HTTP/2 they share one connection. A WebSocket (wss) echoes beside them.
export default async function httpsStreams(t) {
  const page = await t.page();
  await page.goto(`${t.base}/`);

  t.step('the page came over HTTP/2');
  const protocol = await page.evaluate(() => performance.getEntriesByType('navigation')[0].nextHopProtocol);
  if (protocol !== 'h2') throw new Error(`the page came over ${protocol}, not h2`);

  t.step('ten EventSource streams all receive');
  await page.evaluate(() => {
    window.received = Array(10).fill(0);
    window.streams = window.received.map((_, i) => {
      const source = new EventSource(`/sse/ticks?count=1000&interval_ms=200&stream=${i}`);
      source.onmessage = () => { window.received[i]++; };
      return source;
    });
  });
  await page.waitForFunction(() => window.received.every((n) => n >= 3));

  t.step('a wss WebSocket echoes while they stream');
  const echoed = await page.evaluate(() => new Promise((resolve, reject) => {
    const ws = new WebSocket(`wss://${location.host}/ws/echo`);
    ws.onopen = () => ws.send('over TLS');
    ws.onmessage = (e) => { resolve(e.data); ws.close(); };
    ws.onerror = () => reject(new Error('the wss WebSocket failed'));
  }));
  if (!echoed.includes('over TLS')) throw new Error(`the echo was ${echoed}`);
  await page.evaluate(() => window.streams.forEach((s) => s.close()));
}
