// The WebSocket keep-alive (server/src/http/ws.ts): every socket is pinged once a period, the pings spread
// over the period rather than sent in one burst (10,000 at once held the event loop for 400 ms), and a
// client that stops answering is cut off while the others stay.
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from './helpers.ts';

const PERIOD_MS = 1200;
const SOCKETS = 60;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ WS_KEEP_ALIVE_SECONDS: String(PERIOD_MS / 1000) });
});
afterAll(() => app.stop());

function open(autoPong: boolean): Promise<{ ws: WebSocket; pings: number[] }> {
  const ws = new WebSocket(app.url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws', { autoPong });
  const pings: number[] = [];
  ws.on('ping', () => pings.push(performance.now()));
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      ws.once('message', () => resolve({ ws, pings }));
    });
  });
}

it('pings every socket once a period, a share at a time, and cuts off the one that stops answering', async () => {
  const answering = await Promise.all(Array.from({ length: SOCKETS }, () => open(true)));
  const silent = await open(false);
  const closed = new Promise<number>((resolve) => silent.ws.once('close', (code) => resolve(code)));
  const start = performance.now();
  await new Promise((ok) => setTimeout(ok, 2.5 * PERIOD_MS));

  // Each answering socket was pinged in every period (twice in 2.5 periods), and is still open.
  for (const { ws, pings } of answering) {
    expect(pings.length).toBeGreaterThanOrEqual(2);
    expect(ws.readyState).toBe(WebSocket.OPEN);
  }
  // The first pings are spread over the period: no 50 ms holds more than a few of the 61 sockets.
  const firsts = [...answering, silent].map((s) => s.pings[0]! - start).sort((a, b) => a - b);
  const crowded = Math.max(...firsts.map((t) => firsts.filter((u) => u >= t && u < t + 50).length));
  expect(crowded).toBeLessThanOrEqual(8);
  expect(firsts.at(-1)! - firsts[0]!).toBeGreaterThan(PERIOD_MS / 4);

  // The silent one was pinged, did not answer, and was terminated at its next turn (no close frame: 1006).
  expect(await closed).toBe(1006);
  expect(silent.pings.length).toBeGreaterThanOrEqual(1);
  for (const { ws } of answering) ws.close();
});
