// The stocks page: a live table and a chart of quotes from SSE /sse/stocks.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const PALETTE = ['#2f6fde', '#13795b', '#c0392b', '#e08a00', '#8e44ad', '#16a2b8', '#5b6475'];
  const HISTORY = 120;        // points per symbol on the chart: a minute at two quotes a second
  const symbols = new Map();  // symbol -> {first, last, history: [price], row, color}
  const canvas = $('chart');
  let pending = false;

  const fmt = (n) => n.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function cell(row, className) {
    const td = document.createElement('td');
    if (className) td.className = className;
    row.append(td);
    return td;
  }

  function add(symbol, price) {
    const color = PALETTE[symbols.size % PALETTE.length];
    const row = document.createElement('tr');
    row.dataset.symbol = symbol;
    const name = cell(row);
    const dot = document.createElement('span');
    dot.className = 'legend-dot';
    dot.style.background = color;
    name.append(dot, symbol);
    const entry = { first: price, last: price, history: [], color, row,
      price: cell(row, 'price'), change: cell(row, 'mid'), percent: cell(row), volume: cell(row, 'wide') };
    const body = $('quotes').tBodies[0];
    const after = [...body.rows].find((r) => r.dataset.symbol > symbol);
    body.insertBefore(row, after || null);
    symbols.set(symbol, entry);
    return entry;
  }

  function update(quote) {
    const s = symbols.get(quote.symbol) || add(quote.symbol, quote.price);
    const direction = quote.price > s.last ? 'up' : quote.price < s.last ? 'down' : '';
    s.last = quote.price;
    s.history.push(quote.price);
    if (s.history.length > HISTORY) s.history.shift();
    const change = quote.price - s.first;
    const trend = change > 0 ? 'up' : change < 0 ? 'down' : '';
    s.price.textContent = fmt(quote.price);
    s.change.textContent = (change > 0 ? '+' : '') + fmt(change);
    s.percent.textContent = (change > 0 ? '+' : '') + (change / s.first * 100).toFixed(2) + '%';
    s.change.className = 'mid ' + trend;
    s.percent.className = trend;
    s.volume.textContent = quote.volume.toLocaleString();
    if (direction) {
      s.price.classList.remove('flash-up', 'flash-down');
      void s.price.offsetWidth;  // restarts the flash animation
      s.price.classList.add('flash-' + direction);
    }
    if (!pending) {
      pending = true;
      requestAnimationFrame(render);
    }
  }

  // Draws each symbol's change since the page opened, in percent, on a shared scale.
  function render() {
    pending = false;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    }
    const g = canvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    let lo = -0.5;
    let hi = 0.5;
    for (const s of symbols.values()) {
      for (const p of s.history) {
        const pct = (p / s.first - 1) * 100;
        lo = Math.min(lo, pct);
        hi = Math.max(hi, pct);
      }
    }
    const pad = { left: 44, right: 8, top: 8, bottom: 8 };
    // The lines fill the width after ten seconds, then squeeze until a minute is shown, then scroll.
    const span = Math.max(20, ...[...symbols.values()].map((s) => s.history.length));
    const x = (i) => pad.left + (i / (span - 1)) * (w - pad.left - pad.right);
    const y = (pct) => pad.top + (1 - (pct - lo) / (hi - lo)) * (h - pad.top - pad.bottom);
    g.font = '11px system-ui, sans-serif';
    g.fillStyle = '#5b6475';
    g.strokeStyle = '#e3e7ee';
    g.lineWidth = 1;
    g.textBaseline = 'middle';
    for (const pct of [hi, 0, lo]) {
      g.beginPath();
      g.moveTo(pad.left, Math.round(y(pct)) + 0.5);
      g.lineTo(w - pad.right, Math.round(y(pct)) + 0.5);
      g.stroke();
      g.fillText((pct > 0 ? '+' : '') + pct.toFixed(1) + '%', 2, y(pct));
    }
    g.lineWidth = 1.6;
    for (const s of symbols.values()) {
      g.strokeStyle = s.color;
      g.beginPath();
      s.history.forEach((p, i) => {
        const px = x(i);
        const py = y((p / s.first - 1) * 100);
        if (i === 0) g.moveTo(px, py); else g.lineTo(px, py);
      });
      g.stroke();
    }
  }

  window.addEventListener('resize', () => requestAnimationFrame(render));

  // Each quote has an id; after a drop or a reload the feed resumes after the last one seen.
  const feed = Strand.events('/sse/stocks');
  window.stocksFeed = feed;
  feed.on('message', update);
  feed.on('state', (state) => {
    $('status').dataset.state = state;
    $('status').textContent = { connecting: 'connecting', open: 'live', reconnecting: 'reconnecting', closed: 'closed' }[state];
  });
})();
