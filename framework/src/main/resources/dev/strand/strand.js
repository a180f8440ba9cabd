/*
 * strand.js: the browser side of a Strand app, served by every Strand server at /strand.js.
 *
 *   const chat = Strand.socket('/ws/chat/lobby?name=ada');      // reconnects with backoff
 *   chat.on('message', (msg) => ...);                            // parsed JSON when it is JSON
 *   chat.on('open' | 'close' | 'reconnecting', ...);
 *   chat.send({ text: 'hi' });                                   // queued while reconnecting
 *   chat.close();
 *
 *   const feed = Strand.events('/sse/stocks');                   // EventSource with the same events
 *   feed.on('quote', (quote) => ...);                            // named events, JSON parsed
 *   feed.close();
 */
(function (global) {
  'use strict';

  function parse(data) {
    if (typeof data !== 'string') return data;
    try { return JSON.parse(data); } catch (e) { return data; }
  }

  function absolute(path, scheme) {
    if (/^(wss?|https?):/.test(path)) return path;
    const url = new URL(path, global.location.href);
    if (scheme === 'ws') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.toString();
  }

  function Emitter() {
    const handlers = {};
    return {
      on(type, fn) { (handlers[type] = handlers[type] || []).push(fn); return this; },
      off(type, fn) { handlers[type] = (handlers[type] || []).filter((h) => h !== fn); return this; },
      emit(type, ...args) { (handlers[type] || []).forEach((h) => { try { h(...args); } catch (e) { console.error(e); } }); },
    };
  }

  /**
   * A WebSocket that reconnects by itself: after a drop it waits minDelay, doubling up to
   * maxDelay (with jitter), and tries again until close() is called. Sends made while it is
   * not open wait in a queue (at most maxQueue, oldest dropped) and go out on reconnect.
   */
  function socket(path, options) {
    const opts = Object.assign({ minDelay: 250, maxDelay: 5000, maxQueue: 1000, protocols: undefined }, options);
    const events = Emitter();
    const queue = [];
    let ws = null;
    let delay = opts.minDelay;
    let closedByUser = false;
    let timer = null;

    function connect() {
      ws = new WebSocket(absolute(path, 'ws'), opts.protocols);
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => {
        delay = opts.minDelay;
        events.emit('open');
        while (queue.length && ws.readyState === WebSocket.OPEN) ws.send(queue.shift());
      };
      ws.onmessage = (e) => events.emit('message', parse(e.data), e);
      ws.onclose = (e) => {
        events.emit('close', { code: e.code, reason: e.reason });
        if (closedByUser) return;
        const wait = Math.min(opts.maxDelay, delay) * (0.75 + Math.random() * 0.5);
        delay = Math.min(opts.maxDelay, delay * 2);
        events.emit('reconnecting', { in: Math.round(wait) });
        timer = setTimeout(connect, wait);
      };
      ws.onerror = () => events.emit('error');
    }

    const api = {
      on(type, fn) { events.on(type, fn); return api; },
      off(type, fn) { events.off(type, fn); return api; },
      /** Sends text, bytes, or any other value as JSON; queued while disconnected. */
      send(value) {
        const data = typeof value === 'string' || value instanceof ArrayBuffer || ArrayBuffer.isView(value)
          ? value : JSON.stringify(value);
        if (ws && ws.readyState === WebSocket.OPEN) {
          ws.send(data);
        } else {
          if (queue.length >= opts.maxQueue) queue.shift();
          queue.push(data);
        }
        return api;
      },
      /** Closes for good: no reconnect. */
      close(code, reason) {
        closedByUser = true;
        clearTimeout(timer);
        if (ws) ws.close(code || 1000, reason || '');
      },
      get connected() { return !!ws && ws.readyState === WebSocket.OPEN; },
    };
    connect();
    return api;
  }

  /**
   * An EventSource with the same on/off/close shape: 'message' and named events get the data
   * (JSON parsed when it is JSON) and the event; 'open' and 'error' as EventSource fires them.
   * The browser reconnects by itself and sends Last-Event-ID.
   */
  function events(path, options) {
    const source = new EventSource(absolute(path, 'http'), options);
    const emitter = Emitter();
    const listening = new Set();
    source.onopen = () => emitter.emit('open');
    source.onerror = () => emitter.emit('error');
    const api = {
      on(type, fn) {
        if (type !== 'open' && type !== 'error' && !listening.has(type)) {
          listening.add(type);
          source.addEventListener(type, (e) => emitter.emit(type, parse(e.data), e));
        }
        emitter.on(type, fn);
        return api;
      },
      off(type, fn) { emitter.off(type, fn); return api; },
      close() { source.close(); },
      get source() { return source; },
    };
    return api;
  }

  global.Strand = { socket, events };
})(typeof window !== 'undefined' ? window : globalThis);
