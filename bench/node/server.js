'use strict';
// The node peer: node's own http module and the ws package, answering the same endpoints as the
// Java peers on 127.0.0.1:<--port N>. Single-threaded, as node runs by default.

const http = require('node:http');
const { WebSocketServer } = require('ws');

const portAt = process.argv.indexOf('--port');
const port = portAt > 0 ? Number(process.argv[portAt + 1]) : NaN;
if (!Number.isInteger(port)) {
  console.error('usage: node server.js --port N');
  process.exit(2);
}

const PLAINTEXT = Buffer.from('Hello, World!');
const streams = new Set();

function plaintext(res) {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': PLAINTEXT.length });
  res.end(PLAINTEXT);
}

function json(res) {
  const body = JSON.stringify({ message: 'Hello, World!' });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function stream(req, res) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  res.flushHeaders(); // the client counts itself subscribed once the headers arrive
  streams.add(res);
  req.on('close', () => streams.delete(res));
}

function publish(req, res) {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const event = `data: ${Buffer.concat(chunks).toString('utf8')}\n\n`;
    for (const s of streams) s.write(event);
    res.writeHead(204);
    res.end();
  });
}

const server = http.createServer((req, res) => {
  const route = `${req.method} ${req.url}`;
  switch (route) {
    case 'GET /plaintext': return plaintext(res);
    case 'GET /json': return json(res);
    case 'GET /sse/fanout': return stream(req, res);
    case 'POST /sse/publish': return publish(req, res);
    default:
      res.writeHead(404);
      res.end();
  }
});

const echo = new WebSocketServer({ noServer: true });
echo.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
});

const subscribers = new WebSocketServer({ noServer: true });
const publishers = new WebSocketServer({ noServer: true });
publishers.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    for (const subscriber of subscribers.clients) subscriber.send(data, { binary: isBinary });
  });
});

const endpoints = { '/ws/echo': echo, '/ws/broadcast': subscribers, '/ws/publish': publishers };
server.on('upgrade', (req, socket, head) => {
  const wss = endpoints[req.url];
  if (!wss) {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

// Same idle policy as the Java peers: keep-alive connections and streams live 5 minutes without traffic.
server.keepAliveTimeout = 300_000;
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
