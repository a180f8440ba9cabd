// Drives one scenario against a Strand server with node's `ws` package and prints one JSON result line.
// Usage: node ws-client.mjs <scenario> <ws-base-url>
import WebSocket from 'ws';

const [scenario, base] = process.argv.slice(2);
const deadline = setTimeout(() => fail('timed out'), 20000);

function fail(message) {
  console.log(JSON.stringify({ ok: false, error: message }));
  process.exit(1);
}

function done(result) {
  clearTimeout(deadline);
  console.log(JSON.stringify({ ok: true, ...result }));
  process.exit(0);
}

// Messages and the close are recorded from the start: a server may send and close before the
// 'open' promise's continuation runs.
function open(path, options = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(base + path, options);
    ws.inbox = [];
    ws.waiting = [];
    ws.on('message', (data, isBinary) => {
      const waiter = ws.waiting.shift();
      if (waiter) waiter({ data, isBinary }); else ws.inbox.push({ data, isBinary });
    });
    ws.closedWith = new Promise((done) => ws.once('close', (code, reason) => done({ code, reason: reason.toString() })));
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (req, res) => reject(new Error('status ' + res.statusCode)));
    ws.once('error', reject);
  });
}

function next(ws) {
  return ws.inbox.length ? Promise.resolve(ws.inbox.shift()) : new Promise((resolve) => ws.waiting.push(resolve));
}

function closed(ws) {
  return ws.closedWith;
}

const scenarios = {
  async echo() {
    const ws = await open('/echo');
    ws.send('hello from node');
    const text = await next(ws);
    ws.send(Buffer.from([9, 8, 7]));
    const bin = await next(ws);
    ws.send('frag', { fin: false });
    ws.send('mented', { fin: true });
    const frag = await next(ws);
    ws.close(1000, 'bye');
    const close = await closed(ws);
    return { text: text.data.toString(), textIsBinary: text.isBinary, binary: [...bin.data], binaryIsBinary: bin.isBinary,
             fragmented: frag.data.toString(), close };
  },
  async concurrent() {
    const count = 500;
    const sockets = await Promise.all(Array.from({ length: count }, () => open('/echo')));
    const replies = await Promise.all(sockets.map(async (ws, i) => {
      let ok = 0;
      for (let j = 0; j < 10; j++) {
        ws.send(`${i}:${j}`);
        const m = await next(ws);
        if (m.data.toString() === `Echo: ${i}:${j}`) ok++;
      }
      ws.close();
      return ok;
    }));
    return { connections: count, echoed: replies.reduce((a, b) => a + b, 0) };
  },
  async closeCodes() {
    const game = await open('/game');
    game.send('move');
    const byHandler = await closed(game);
    const once = await open('/once');
    await next(once);
    const byReturn = await closed(once);
    const fail = await open('/fail');
    fail.send('go');
    const byError = await closed(fail);
    const small = await open('/small');
    small.send('x'.repeat(2000));
    const tooBig = await closed(small);
    return { byHandler, byReturn, byError, tooBig };
  },
  async rejected() {
    const result = {};
    for (const [name, path, options] of [['noToken', '/secure', {}], ['evilOrigin', '/echo', { origin: 'https://evil.example' }]]) {
      try {
        (await open(path, options)).close();
        result[name] = 'opened';
      } catch (e) {
        result[name] = e.message;
      }
    }
    const ws = await open('/secure', { headers: { Authorization: 'Bearer t' } });
    result.user = (await next(ws)).data.toString();
    ws.close();
    return result;
  },
};

const run = scenarios[scenario];
if (!run) fail('unknown scenario ' + scenario);
run().then(done, (e) => fail(String(e && e.message || e)));
