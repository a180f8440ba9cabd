// The whiteboard page: draw with a mouse, pen or finger; strokes travel over WS /ws/whiteboard/{board}.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const canvas = $('board');
  const ctx = canvas.getContext('2d');
  const COLORS = ['#1d2330', '#2f6fde', '#13795b', '#c0392b', '#e08a00', '#8e44ad'];
  const BATCH_MS = 40;        // how often a line being drawn goes out
  const MAX_POINTS = 400;     // the server takes up to 500 points per stroke
  const board = new URLSearchParams(location.search).get('board') || 'main';
  let color = COLORS[1];
  let drawing = null;         // the line being drawn: {color, width, points: [x, y, ...], sent}
  let offline = [];           // own strokes sent while disconnected, drawn again over the replay
  let noticeTimer = null;

  $('board-name').textContent = board;
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(board)) {
    $('notice').textContent = 'A board name is 1 to 64 letters, digits, ".", "_" or "-".';
    $('notice').classList.remove('hidden');
    $('status').dataset.state = 'closed';
    $('status').textContent = 'not connected';
    return;
  }
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';

  for (const c of COLORS) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'swatch';
    b.style.background = c;
    b.title = c;
    b.setAttribute('aria-label', 'colour ' + c);
    b.setAttribute('aria-pressed', String(c === color));
    b.addEventListener('click', () => {
      color = c;
      document.querySelectorAll('.swatch').forEach((s) => s.setAttribute('aria-pressed', String(s === b)));
    });
    $('swatches').append(b);
  }

  function draw(stroke) {
    const p = stroke.points;
    ctx.strokeStyle = ctx.fillStyle = stroke.color;
    ctx.lineWidth = stroke.width;
    if (p.length === 2) {
      ctx.beginPath();
      ctx.arc(p[0], p[1], stroke.width / 2, 0, Math.PI * 2);
      ctx.fill();
      return;
    }
    ctx.beginPath();
    ctx.moveTo(p[0], p[1]);
    for (let i = 2; i < p.length; i += 2) ctx.lineTo(p[i], p[i + 1]);
    ctx.stroke();
  }

  function wipe() {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
  }

  function notice(text) {
    $('notice').textContent = text;
    $('notice').classList.remove('hidden');
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => $('notice').classList.add('hidden'), 5000);
  }

  const socket = Strand.socket('/ws/whiteboard/' + encodeURIComponent(board));
  socket.on('state', (state) => {
    $('status').dataset.state = state;
    $('status').textContent = { connecting: 'connecting', open: 'connected', reconnecting: 'reconnecting', closed: 'closed' }[state];
  });
  socket.on('message', (msg) => {
    switch (msg.type) {
      case 'replay':
        wipe();
        msg.strokes.forEach(draw);
        offline.forEach(draw);
        offline = [];
        break;
      case 'stroke': draw(msg); break;
      case 'clear': wipe(); break;
      case 'presence': $('count').textContent = msg.count; break;
      case 'error': notice(msg.message); break;
    }
  });

  function send(stroke) {
    if (!socket.send(stroke)) offline.push(stroke);
  }

  // Sends what was drawn since the last piece, starting at the point where that piece ended.
  function flush() {
    if (!drawing) return;
    const start = Math.max(0, drawing.sent - 2);
    if (drawing.points.length - start < 2 || (drawing.sent > 0 && drawing.points.length === drawing.sent)) return;
    send({ type: 'stroke', color: drawing.color, width: drawing.width, points: drawing.points.slice(start) });
    drawing.sent = drawing.points.length;
  }

  function boardPoint(e) {
    const r = canvas.getBoundingClientRect();
    const x = Math.round(((e.clientX - r.left) / r.width) * canvas.width);
    const y = Math.round(((e.clientY - r.top) / r.height) * canvas.height);
    return [Math.min(canvas.width, Math.max(0, x)), Math.min(canvas.height, Math.max(0, y))];
  }

  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    canvas.setPointerCapture(e.pointerId);
    drawing = { color, width: Number($('width').value), points: boardPoint(e), sent: 0, timer: setInterval(flush, BATCH_MS) };
    draw(drawing);
  });

  canvas.addEventListener('pointermove', (e) => {
    if (!drawing) return;
    const [x, y] = boardPoint(e);
    const p = drawing.points;
    const lx = p[p.length - 2];
    const ly = p[p.length - 1];
    if (Math.hypot(x - lx, y - ly) < 2) return;
    p.push(x, y);
    draw({ color: drawing.color, width: drawing.width, points: [lx, ly, x, y] });
    if ((p.length - drawing.sent) / 2 >= MAX_POINTS) flush();
  });

  function finish() {
    if (!drawing) return;
    clearInterval(drawing.timer);
    flush();
    drawing = null;
  }
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);

  $('clear').addEventListener('click', () => {
    wipe();
    offline = [];
    socket.send({ type: 'clear' });
  });
})();
