// Drives one scenario against a Strand server with the `eventsource` package (a WHATWG EventSource)
// and prints one JSON result line. Usage: node sse-client.mjs <scenario> <http-base-url>
import { EventSource } from 'eventsource';

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

const scenarios = {
  // The stream ends after three events; the browser-style client reconnects by itself,
  // sending Last-Event-ID, and the server continues where it left off.
  resume() {
    return new Promise((resolve) => {
      const ids = [];
      const data = [];
      let opens = 0;
      const es = new EventSource(base + '/resume');
      es.onopen = () => opens++;
      es.onmessage = (e) => {
        ids.push(e.lastEventId);
        data.push(e.data);
        if (ids.length === 9) {
          es.close();
          resolve({ ids, data, opens });
        }
      };
    });
  },
  // A refused stream fails without opening.
  refused() {
    return new Promise((resolve) => {
      const es = new EventSource(base + '/private');
      es.onopen = () => resolve({ opened: true });
      es.onerror = (e) => {
        es.close();
        resolve({ opened: false, status: e.code ?? null, message: String(e.message ?? '') });
      };
    });
  },
  // Named events with JSON data reach addEventListener.
  named() {
    return new Promise((resolve) => {
      const es = new EventSource(base + '/format');
      es.addEventListener('multiline', (e) => {
        es.close();
        resolve({ data: e.data, id: e.lastEventId });
      });
    });
  },
};

const run = scenarios[scenario];
if (!run) fail('unknown scenario ' + scenario);
run().then(done, (e) => fail(String(e && e.message || e)));
