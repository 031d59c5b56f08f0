import { test, assertEqual, assertTrue, settle } from './harness.js';
import { fakeClock, fakeFetch, fakeSockets } from './fakes.js';
import { CloseCode, Phase, createTrackingConnection } from '../app/protocol/tracking-connection.js';

const snapshot = (seq, status = 'PICKED_UP') => ({
  type: 'snapshot', orderId: 'o1', seq, status, location: { lat: 1, lng: 2 }, eta: null,
  courier: null, dropoff: null, updatedAt: null,
});
const location = (seq, lat) => ({ type: 'location', orderId: 'o1', seq, location: { lat, lng: 2 } });
const status = (seq, s) => ({ type: 'status', orderId: 'o1', seq, status: s, eta: null, courier: null, dropoff: null, at: 'x' });

/** A connection wired to fakes, recording every phase and every applied frame. */
function harness({ probeStatus = 426, probeBody = {}, online = true, random = () => 0 } = {}) {
  const clock = fakeClock();
  const ws = fakeSockets();
  const fetch = fakeFetch(probeStatus, probeBody);
  const net = { online };
  const phases = [];
  const applied = [];
  const connection = createTrackingConnection({
    wsUrl: 'ws://test/ws/track?token=t',
    probeUrl: '/ws/track?token=t',
    env: {
      WebSocket: ws.WebSocket, fetch, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout,
      now: clock.now, random, isOnline: () => net.online,
    },
    onOrder: (order, frame) => applied.push(frame.seq),
    onPhase: (p) => phases.push(p),
    pingIntervalMs: 25000,
    pongTimeoutMs: 10000,
  });
  return { clock, ws, fetch, net, phases, applied, connection, phase: () => phases[phases.length - 1] };
}

function goLive(h, seq = 5) {
  h.connection.start();
  h.ws.last().open();
  h.ws.last().receive(snapshot(seq));
}

test('connection: snapshot first, then live frames in seq order; stale ones dropped', () => {
  const h = harness();
  goLive(h, 5);
  assertEqual(h.phase().phase, Phase.LIVE);
  const socket = h.ws.last();
  socket.receive(location(6, 1.1));
  socket.receive(location(6, 1.2)); // duplicate
  socket.receive(location(4, 1.3)); // covered by the snapshot
  socket.receive(status(7, 'NEARBY'));
  assertEqual(h.applied, [5, 6, 7]);
  assertEqual(h.connection.order.location.lat, 1.1);
  assertEqual(h.connection.order.status, 'NEARBY');
});

test('connection: live frames before the snapshot of a connection are ignored', () => {
  const h = harness();
  h.connection.start();
  h.ws.last().open();
  h.ws.last().receive(location(9, 3));
  assertEqual(h.applied, []);
  assertEqual(h.phase().phase, Phase.CONNECTING);
});

test('connection: pong frames and garbage are ignored', () => {
  const h = harness();
  goLive(h);
  h.ws.last().receive({ type: 'pong' });
  h.ws.last().receive('not json');
  assertEqual(h.applied, [5]);
});

test('connection: a lost socket reconnects after a backoff and applies the fresh snapshot', () => {
  const h = harness();
  goLive(h, 5);
  h.ws.last().serverClose(1006);
  assertEqual(h.phase().phase, Phase.RECONNECTING);
  assertEqual(h.phase().retryAt - h.clock.now(), 500, 'first retry after 0.5–1 s');
  h.clock.advance(499);
  assertEqual(h.ws.sockets.length, 1, 'not before the delay');
  h.clock.advance(1);
  assertEqual(h.ws.sockets.length, 2);
  assertEqual(h.phase().phase, Phase.CONNECTING);
  h.ws.last().open();
  h.ws.last().receive(snapshot(8, 'NEARBY'));
  assertEqual(h.phase().phase, Phase.LIVE);
  assertEqual(h.connection.order.status, 'NEARBY');
  h.ws.last().receive(location(8, 9));
  h.ws.last().receive(location(9, 9));
  assertEqual(h.applied, [5, 8, 9]);
});

test('connection: failed attempts back off exponentially; a snapshot resets the schedule', async () => {
  const h = harness({ probeStatus: 0 });
  goLive(h);
  h.ws.last().serverClose(1006);
  const delays = [];
  for (let i = 0; i < 5; i++) {
    delays.push(h.phase().retryAt - h.clock.now());
    h.clock.advance(h.phase().retryAt - h.clock.now());
    h.ws.last().serverClose(1006); // the upgrade fails: server unreachable
    await settle();
    assertEqual(h.fetch.calls.length, i + 1, 'probed');
  }
  assertEqual(delays, [500, 1000, 2000, 4000, 8000]);
  h.clock.advance(h.phase().retryAt - h.clock.now());
  h.ws.last().open();
  h.ws.last().receive(snapshot(5));
  h.ws.last().serverClose(1006);
  assertEqual(h.phase().retryAt - h.clock.now(), 500, 'schedule restarted');
});

test('connection: delivered is final — no reconnect, ever', () => {
  const h = harness();
  goLive(h);
  h.ws.last().receive(status(6, 'DELIVERED'));
  assertEqual(h.phase().phase, Phase.ENDED);
  h.ws.last().serverClose(CloseCode.NORMAL);
  h.clock.advance(3600 * 1000);
  assertEqual(h.ws.sockets.length, 1);
  assertEqual(h.clock.pending(), 0, 'no timers left');
  h.connection.retryNow();
  assertEqual(h.ws.sockets.length, 1, 'retry does nothing after the end');
});

test('connection: a terminal snapshot on connect (cancelled earlier) ends at once', () => {
  const h = harness();
  h.connection.start();
  h.ws.last().open();
  h.ws.last().receive(snapshot(9, 'CANCELLED'));
  h.ws.last().serverClose(CloseCode.NORMAL);
  assertEqual(h.phase().phase, Phase.ENDED);
  assertEqual(h.phase().reason, 'CANCELLED');
  assertEqual(h.clock.pending(), 0);
});

test('connection: close 4401 (token expired) shows the expired state and stops', () => {
  const h = harness();
  goLive(h);
  h.ws.last().serverClose(CloseCode.TOKEN_EXPIRED, 'token expired');
  assertEqual(h.phase().phase, Phase.EXPIRED);
  assertEqual(h.phase().reason, 'expired');
  h.clock.advance(3600 * 1000);
  assertEqual(h.ws.sockets.length, 1);
});

test('connection: a refused upgrade whose probe answers 401 means an invalid link; no retry loop', async () => {
  const h = harness({ probeStatus: 401, probeBody: { error: 'bad token signature' } });
  h.connection.start();
  h.ws.last().serverClose(1006);
  await settle();
  assertEqual(h.fetch.calls[0].url, '/ws/track?token=t');
  assertEqual(h.phase().phase, Phase.EXPIRED);
  assertEqual(h.phase().reason, 'invalid');
  h.clock.advance(3600 * 1000);
  assertEqual(h.ws.sockets.length, 1);
});

test('connection: a refused upgrade with a 401 "token expired" is an expired link', async () => {
  const h = harness({ probeStatus: 401, probeBody: { error: 'token expired' } });
  h.connection.start();
  h.ws.last().serverClose(1006);
  await settle();
  assertEqual(h.phase().phase, Phase.EXPIRED);
  assertEqual(h.phase().reason, 'expired');
});

test('connection: a refused upgrade with the server unreachable, not ready or fine keeps retrying', async () => {
  for (const probeStatus of [0, 503, 426]) {
    const h = harness({ probeStatus });
    h.connection.start();
    h.ws.last().serverClose(1006);
    await settle();
    assertEqual(h.phase().phase, Phase.RECONNECTING, `probe ${probeStatus}`);
    h.clock.advance(h.phase().retryAt - h.clock.now());
    assertEqual(h.ws.sockets.length, 2, `probe ${probeStatus}`);
  }
});

test('connection: 1012 (server restarting) reconnects promptly without growing the backoff', () => {
  const h = harness({ random: () => 0.5 });
  goLive(h);
  for (let i = 0; i < 3; i++) {
    h.ws.last().serverClose(CloseCode.SERVICE_RESTART);
    const wait = h.phase().retryAt - h.clock.now();
    assertTrue(wait <= 1100, `prompt, waited ${wait}`);
    h.clock.advance(wait);
    h.ws.last().open();
  }
  assertEqual(h.ws.sockets.length, 4);
  h.ws.last().serverClose(1006);
  assertEqual(h.phase().retryAt - h.clock.now(), 750, 'normal schedule still at its first step');
});

test('connection: a normal close without a terminal status is treated as a lost connection', () => {
  const h = harness();
  goLive(h);
  h.ws.last().serverClose(CloseCode.NORMAL);
  assertEqual(h.phase().phase, Phase.RECONNECTING);
});

test('connection: offline waits for the network, then reconnects at once', () => {
  const h = harness();
  goLive(h);
  h.net.online = false;
  h.ws.last().serverClose(1006);
  assertEqual(h.phase().phase, Phase.OFFLINE);
  h.clock.advance(60000);
  assertEqual(h.ws.sockets.length, 1, 'no attempts while offline');
  h.net.online = true;
  h.connection.networkOnline();
  assertEqual(h.ws.sockets.length, 2);
});

test('connection: starting offline shows offline; going offline while waiting cancels the timer', () => {
  const h = harness({ online: false });
  h.connection.start();
  assertEqual(h.phase().phase, Phase.OFFLINE);
  assertEqual(h.ws.sockets.length, 0);
  h.net.online = true;
  h.connection.networkOnline();
  h.ws.last().open();
  h.ws.last().receive(snapshot(1));
  h.ws.last().serverClose(1006);
  h.connection.networkOffline();
  assertEqual(h.phase().phase, Phase.OFFLINE);
  assertEqual(h.clock.pending(), 0);
});

test('connection: "retry now" skips the countdown', () => {
  const h = harness();
  goLive(h);
  h.ws.last().serverClose(1006);
  h.connection.retryNow();
  assertEqual(h.ws.sockets.length, 2);
  assertEqual(h.clock.pending(), 0, 'the countdown timer is gone');
});

test('connection: a socket that stops answering pings is closed and replaced', () => {
  const h = harness();
  goLive(h);
  const socket = h.ws.last();
  h.clock.advance(25000);
  assertEqual(socket.sent, ['{"type":"ping"}']);
  socket.receive({ type: 'pong' });
  h.clock.advance(25000);
  assertEqual(socket.sent.length, 2);
  h.clock.advance(10000); // no answer this time
  assertEqual(socket.closedByClient && socket.closedByClient.code, CloseCode.CLIENT_TIMEOUT);
  assertEqual(h.phase().phase, Phase.RECONNECTING);
  socket.serverClose(1006); // the late close event of the abandoned socket changes nothing
  h.clock.advance(h.phase().retryAt - h.clock.now());
  assertEqual(h.ws.sockets.length, 2);
});

test('connection: stop() closes quietly and schedules nothing', () => {
  const h = harness();
  goLive(h);
  h.connection.stop();
  h.ws.sockets[0].serverClose(1000);
  assertEqual(h.ws.sockets[0].closedByClient.code, 1000);
  assertEqual(h.clock.pending(), 0);
  assertEqual(h.phase().phase, Phase.LIVE);
});
