/*
 * strand.js: the browser side of a Strand app, served by every Strand server at /strand.js.
 * No dependencies, no build step: <script src="/strand.js"></script> defines window.Strand.
 *
 *   const chat = Strand.socket('/ws/chat/lobby?name=ada');   // a WebSocket that reconnects
 *   chat.on('message', (msg) => ...);                        // JSON objects and arrays arrive parsed
 *   chat.on('state', (state) => ...);                        // 'connecting' | 'open' | 'reconnecting' | 'closed'
 *   chat.send('hi');                                         // text as it is; queued while disconnected
 *   chat.send({ type: 'clear' });                            // other values go as JSON
 *   chat.close();                                            // for good: no reconnect
 *
 *   const feed = Strand.events('/sse/stocks');               // an EventSource that reconnects
 *   feed.on('quote', (quote) => ...);                        // named events, JSON parsed the same way
 *   feed.close();
 *
 *   const results = await Strand.json('/api/poll/demo/vote', { method: 'POST', body: { option: 'Chat' } });
 *
 * Strand.socket(path, options) -> socket
 *   path      absolute URL, or a path on this page's server (ws: or wss: chosen to match the page)
 *   options   minDelay    first wait before reconnecting, ms (250); doubles after each failure...
 *             maxDelay    ...up to this, ms (5000); each wait is jittered by +/-25 %
 *             maxQueue    sends kept while disconnected (1000); past it the oldest is dropped
 *             protocols   WebSocket subprotocols to offer
 *             json        parse incoming text that is a JSON object or array (true)
 *             resume      pick up where it left off (true): every connection asks for message
 *                         ids (?lastEventId=, with the last id seen once there is one, kept in
 *                         sessionStorage so a reload resumes too); a topic the server keeps a
 *                         history of then replays what was missed, and a message seen already
 *                         is dropped. Off: no query parameter, plain messages only
 *   events    'open'          connected; {reconnected: true} after a drop
 *             'message'       (data, event): a parsed object/array, other text as a string,
 *                             binary as an ArrayBuffer; event.data is always the raw data
 *             'close'         ({code, reason}) each time a connection ends
 *             'reconnecting'  ({in: ms, attempt: n}) a new attempt is scheduled
 *             'state'         (state) whenever socket.state changes
 *             'error'         the browser reported an error (a close follows)
 *             'gap'           resuming found the last id no longer kept: messages may be missing;
 *                             what the server still keeps follows (show state afresh)
 *   socket.send(value)     -> true if it went out now, false if it waits in the queue
 *   socket.close(code?, reason?)  closes (1000 unless given) and stops reconnecting
 *   socket.reconnect()     while waiting out the backoff, tries again now
 *   socket.state           'connecting' | 'open' | 'reconnecting' | 'closed'
 *   socket.connected       state === 'open'
 *   socket.queued          how many sends wait for the connection
 *   socket.lastEventId     the id of the last message with one, or null
 *   socket.on(type, fn) / socket.off(type, fn)   -> socket, for chaining
 *
 * Strand.events(path, options) -> stream
 *   options   minDelay, maxDelay, json as above; withCredentials as for EventSource
 *   events    'open', 'message' and any named event (data, event) parsed like the socket's,
 *             'reconnecting' ({in, attempt}), 'state', 'error'
 *   The browser retries a dropped stream by itself (sending Last-Event-ID); when it gives up
 *   (the server answered an error, or was down), strand.js opens a new stream with the same
 *   backoff as the socket, keeping every listener, and (resume, true by default) adds
 *   ?lastEventId= with the last id seen, kept in sessionStorage so a reload resumes too. An
 *   event with an id already seen is dropped; the server's 'gap' event reaches on('gap').
 *   stream.close(), stream.state, stream.on/off as for the socket; stream.reconnect() opens
 *   a new stream now unless one is open; stream.source is the current EventSource
 *
 * Strand.json(path, {method, body, headers}) -> Promise of the answer: parsed when it is JSON,
 *   else its text (null when empty). body is sent as JSON; method is POST when there is a body,
 *   else GET. A non-2xx answer rejects with an Error whose message is the server's
 *   {"error": ...} text, with .status set.
 *
 * Going offline drops the connections at once; reconnecting starts at once when the browser
 * says it is back online.
 */
(function (global) {
  'use strict';

  function parse(data, json) {
    if (!json || typeof data !== 'string' || !/^\s*[[{]/.test(data)) return data;
    try { return JSON.parse(data); } catch (e) { return data; }
  }

  function absolute(path, scheme) {
    const url = new URL(path, global.location.href);
    if (scheme === 'ws' && (url.protocol === 'http:' || url.protocol === 'https:')) {
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    }
    return url.toString();
  }

  function Emitter() {
    const handlers = {};
    return {
      on(type, fn) { (handlers[type] = handlers[type] || []).push(fn); },
      off(type, fn) { handlers[type] = (handlers[type] || []).filter((h) => h !== fn); },
      emit(type, ...args) {
        (handlers[type] || []).slice().forEach((h) => {
          try { h(...args); } catch (e) { console.error(e); }
        });
      },
    };
  }

  /**
   * What both clients share: the state ('connecting' until the first open, 'open',
   * 'reconnecting' from a drop to the next open, 'closed' for good) and the wait between
   * attempts (minDelay, doubling up to maxDelay, jittered by +/-25 %; cut short when the
   * browser comes back online).
   */
  function Lifecycle(opts, events, attempt, abandon) {
    let state = 'connecting';
    let wasOpen = false;
    let delay = opts.minDelay;
    let attempts = 0;
    let timer = null;

    function set(next) {
      if (next === state) return;
      state = next;
      events.emit('state', state);
    }

    function cancel() {
      const pending = timer !== null;
      clearTimeout(timer);
      timer = null;
      return pending;
    }

    const online = () => { if (cancel()) attempt(); };
    // Offline, an open connection is as good as dead (and may take minutes to notice): drop it
    // now, so the reconnect (resuming where it left off) starts as soon as the network is back.
    const offline = () => { if (state === 'open' || state === 'connecting') abandon(); };
    global.addEventListener('online', online);
    global.addEventListener('offline', offline);

    return {
      get state() { return state; },
      /** A connection attempt starts. */
      attempting() { set(wasOpen ? 'reconnecting' : 'connecting'); },
      /** The connection is open: the next drop starts the backoff afresh. */
      opened() {
        delay = opts.minDelay;
        attempts = 0;
        set('open');
        events.emit('open', { reconnected: wasOpen });
        wasOpen = true;
      },
      /** The connection dropped; with retry, a new attempt is scheduled after the backoff. */
      dropped(retry) {
        if (state === 'closed') return;
        set('reconnecting');
        if (!retry) return;
        const wait = Math.round(Math.min(opts.maxDelay, delay) * (0.75 + Math.random() * 0.5));
        delay = Math.min(opts.maxDelay, delay * 2);
        attempts++;
        events.emit('reconnecting', { in: wait, attempt: attempts });
        timer = setTimeout(() => { timer = null; attempt(); }, wait);
      },
      /** Attempts now if an attempt is scheduled; whether one was. */
      hurry() {
        if (!cancel()) return false;
        attempt();
        return true;
      },
      close() {
        set('closed');
        cancel();
        global.removeEventListener('online', online);
        global.removeEventListener('offline', offline);
      },
    };
  }

  const DEFAULTS = { minDelay: 250, maxDelay: 5000, maxQueue: 1000, protocols: undefined, json: true, resume: true };

  /** U+001E starts a message the server framed with its id: "\u001e<id>\n<text>", or "\u001egap". */
  const MARK = '\u001e';

  /** Strand's message ids are "<ms>-<seq>", ordered by both numbers; other ids are the app's own. */
  const MESSAGE_ID = /^\d+-\d+$/;

  function after(id, than) {
    if (than === null) return true;
    const [a, b] = id.split('-').map(Number);
    const [c, d] = than.split('-').map(Number);
    return a > c || (a === c && b > d);
  }

  /**
   * The last message id a client saw, kept in sessionStorage under the URL so that a reload of
   * the page resumes where it was.
   */
  function Cursor(url, enabled) {
    const key = 'strand.lastEventId ' + url;
    let last = null;
    if (enabled) {
      try { last = global.sessionStorage.getItem(key); } catch (e) { /* storage unavailable */ }
    }
    return {
      get last() { return last; },
      /** Whether the id is new; records it if so. */
      advance(id) {
        if (!MESSAGE_ID.test(id)) return true;
        if (!after(id, last)) return false;
        last = id;
        try { global.sessionStorage.setItem(key, id); } catch (e) { /* storage unavailable */ }
        return true;
      },
      reset() {
        last = null;
        try { global.sessionStorage.removeItem(key); } catch (e) { /* storage unavailable */ }
      },
      /** The URL with ?lastEventId= for the next connection. */
      url(base) {
        if (!enabled) return base;
        const u = new URL(base);
        u.searchParams.set('lastEventId', last || '');
        return u.toString();
      },
    };
  }

  function socket(path, options) {
    const opts = Object.assign({}, DEFAULTS, options);
    const events = Emitter();
    const queue = [];
    let ws = null;
    const cursor = Cursor(absolute(path, 'ws'), opts.resume);
    const life = Lifecycle(opts, events, connect, abandon);

    /** Lets the current connection go without waiting for its close, and reconnects after the backoff. */
    function abandon() {
      const old = ws;
      old.onopen = old.onmessage = old.onerror = old.onclose = null;
      old.close(4000, 'offline');
      events.emit('close', { code: 4000, reason: 'offline' });
      life.dropped(true);
    }

    /** Unwraps a message framed with its id; drops it (returns false) when seen already. */
    function receive(e) {
      if (!opts.resume || typeof e.data !== 'string' || e.data[0] !== MARK) {
        events.emit('message', parse(e.data, opts.json), e);
        return;
      }
      if (e.data === MARK + 'gap') {
        cursor.reset();
        events.emit('gap');
        return;
      }
      const cut = e.data.indexOf('\n');
      const id = e.data.slice(1, cut);
      if (!cursor.advance(id)) return;
      const text = e.data.slice(cut + 1);
      events.emit('message', parse(text, opts.json), { data: text, lastEventId: id, original: e });
    }

    function connect() {
      life.attempting();
      const current = new WebSocket(cursor.url(absolute(path, 'ws')), opts.protocols);
      ws = current;
      current.binaryType = 'arraybuffer';
      current.onopen = () => {
        life.opened();
        while (queue.length && current.readyState === WebSocket.OPEN) current.send(queue.shift());
      };
      current.onmessage = receive;
      current.onerror = () => events.emit('error');
      current.onclose = (e) => {
        // 1008 refuses the id we resumed from: start afresh rather than be refused again
        if (e.code === 1008 && cursor.last !== null) cursor.reset();
        events.emit('close', { code: e.code, reason: e.reason });
        life.dropped(true);
      };
    }

    const api = {
      on(type, fn) { events.on(type, fn); return api; },
      off(type, fn) { events.off(type, fn); return api; },
      send(value) {
        const data = typeof value === 'string' || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof Blob
          ? value : JSON.stringify(value);
        if (ws.readyState === WebSocket.OPEN) {
          ws.send(data);
          return true;
        }
        if (queue.length >= opts.maxQueue) queue.shift();
        queue.push(data);
        return false;
      },
      close(code, reason) {
        life.close();
        ws.close(code || 1000, reason || '');
      },
      reconnect() { life.hurry(); },
      get state() { return life.state; },
      get connected() { return life.state === 'open'; },
      get queued() { return queue.length; },
      get lastEventId() { return cursor.last; },
    };
    connect();
    return api;
  }

  function events(path, options) {
    const opts = Object.assign({}, DEFAULTS, options);
    const emitter = Emitter();
    const named = new Set();
    let source = null;
    const cursor = Cursor(absolute(path, 'http'), opts.resume);
    const life = Lifecycle(opts, emitter, connect, abandon);

    function abandon() {
      source.close();
      life.dropped(true);
    }

    function listen(target, type) {
      target.addEventListener(type, (e) => {
        // An event without an id of its own carries the previous one's: only an older id is a repeat.
        if (type === 'gap') cursor.reset();
        else if (opts.resume && e.lastEventId && e.lastEventId !== cursor.last && !cursor.advance(e.lastEventId)) return;
        emitter.emit(type, parse(e.data, opts.json), e);
      });
    }

    function connect() {
      life.attempting();
      const current = new EventSource(cursor.url(absolute(path, 'http')), { withCredentials: !!opts.withCredentials });
      source = current;
      named.forEach((type) => listen(current, type));
      current.onopen = () => life.opened();
      current.onerror = () => {
        if (source !== current || life.state === 'closed') return;
        emitter.emit('error');
        // CONNECTING: the browser retries by itself. CLOSED: it gave up (the server answered an
        // error, or was down); a new stream carries on with the same listeners.
        life.dropped(current.readyState === EventSource.CLOSED);
      };
    }

    const api = {
      on(type, fn) {
        const own = type === 'open' || type === 'error' || type === 'state' || type === 'reconnecting';
        if (!own && !named.has(type)) {
          named.add(type);
          listen(source, type);
        }
        emitter.on(type, fn);
        return api;
      },
      off(type, fn) { emitter.off(type, fn); return api; },
      close() {
        life.close();
        source.close();
      },
      reconnect() {
        if (life.state === 'closed' || life.state === 'open' || life.hurry()) return;
        source.close();
        connect();
      },
      get state() { return life.state; },
      get source() { return source; },
      get lastEventId() { return cursor.last; },
    };
    connect();
    return api;
  }

  async function json(path, options) {
    const opts = options || {};
    const headers = Object.assign({ Accept: 'application/json' }, opts.headers);
    const init = { method: opts.method || (opts.body === undefined ? 'GET' : 'POST'), headers };
    if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.body);
    }
    const response = await fetch(absolute(path, 'http'), init);
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('Content-Type') || '');
    const value = text && isJson ? JSON.parse(text) : (text || null);
    if (!response.ok) {
      const message = value && typeof value === 'object' && value.error ? value.error : (text || response.statusText);
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return value;
  }

  global.Strand = { socket, events };
  global.Strand.json = json;
})(typeof window !== 'undefined' ? window : globalThis);
