#!/usr/bin/env node
// Serves the built app (apps/web/dist) with a fake /api/stream and
// /api/topology from demo-fixture.mjs, on 127.0.0.1 only. For looking at
// the UI without the real server:
//
//   pnpm --filter @portolan/web build
//   node apps/web/scripts/fixture-server.mjs [--port 7421]
//
// The demo's scripted deltas start 2 s after the first browser connects.
// Controls: GET /__fixture/drop?seconds=5 ends every stream and answers 503
// for that long (the "reconnecting" banner); GET /__fixture/gap sends a delta
// that does not follow (the client resyncs with a fresh snapshot).
// --graph FILE serves that graph (a GET /api/topology answer) instead of the
// demo, with no scripted changes: a way to look at any size of graph.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoGraph, demoScript, demoStatus } from './demo-fixture.mjs';

const argPort = process.argv.indexOf('--port');
const port = Number(argPort > 0 ? process.argv[argPort + 1] : (process.env.PORT ?? 7421));
const dist = resolve(fileURLToPath(new URL('../dist', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

const argGraph = process.argv.indexOf('--graph');
const graphFile = argGraph > 0 ? process.argv[argGraph + 1] : undefined;
let graph = graphFile ? JSON.parse(readFileSync(graphFile, 'utf8')) : demoGraph();
let status = demoStatus();
const clients = new Set();
let downUntil = 0;

const frame = (msg, id) =>
  `event: ${msg.type}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(msg)}\n\n`;

function applyPatch(patch) {
  const delta = {
    fromRevision: graph.revision,
    revision: graph.revision + 1,
    upsertNodes: [],
    removeNodes: [],
    upsertEdges: [],
    removeEdges: [],
    upsertFindings: [],
    removeFindings: [],
    ...patch,
  };
  const byId = (list, upserts, removes) => [
    ...list.filter((x) => !removes.includes(x.id) && !upserts.some((u) => u.id === x.id)),
    ...upserts,
  ];
  graph = {
    revision: delta.revision,
    nodes: byId(graph.nodes, delta.upsertNodes, delta.removeNodes),
    edges: byId(graph.edges, delta.upsertEdges, delta.removeEdges),
    findings: byId(graph.findings, delta.upsertFindings, delta.removeFindings),
  };
  broadcast(frame({ v: 1, type: 'delta', delta }, delta.revision));
  console.log(`delta -> revision ${delta.revision}`);
}

function broadcast(text) {
  for (const res of clients) res.write(text);
}

// The scripted changes start with the first browser, so it sees them happen.
let scriptStarted = false;
function startScript() {
  if (scriptStarted || graphFile) return;
  scriptStarted = true;
  for (const step of demoScript(graph)) {
    setTimeout(() => {
      if (step.patch) applyPatch(step.patch);
      if (step.status) {
        status = step.status;
        broadcast(frame({ v: 1, type: 'status', status }));
      }
    }, step.afterMs);
  }
}

function serveStream(req, res) {
  if (Date.now() < downUntil) {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('down for a moment');
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
  });
  res.write('retry: 1000\n\n');
  res.write(frame({ v: 1, type: 'snapshot', graph, status }, graph.revision));
  clients.add(res);
  startScript();
  req.on('close', () => clients.delete(res));
}

function serveStatic(req, res) {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  let file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) {
    file = join(dist, 'index.html');
  }
  if (!existsSync(file)) {
    res
      .writeHead(500, { 'content-type': 'text/plain' })
      .end('apps/web/dist is missing: run pnpm --filter @portolan/web build');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  switch (url.pathname) {
    case '/api/stream':
      return serveStream(req, res);
    case '/api/topology':
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(graph));
    case '/healthz':
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"ok":true}');
    case '/__fixture/drop': {
      const seconds = Number(url.searchParams.get('seconds') ?? 5);
      downUntil = Date.now() + seconds * 1000;
      for (const c of clients) c.destroy();
      clients.clear();
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end(`streams dropped; refusing for ${seconds}s\n`);
    }
    case '/__fixture/gap':
      broadcast(
        frame({
          v: 1,
          type: 'delta',
          delta: {
            fromRevision: graph.revision + 5,
            revision: graph.revision + 6,
            upsertNodes: [],
            removeNodes: [],
            upsertEdges: [],
            removeEdges: [],
            upsertFindings: [],
            removeFindings: [],
          },
        }),
      );
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('gap sent\n');
    default:
      return serveStatic(req, res);
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`fixture server on http://127.0.0.1:${port} (dist: ${dist})`);
});
