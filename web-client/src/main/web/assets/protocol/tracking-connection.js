// Keeps one order's live view connected: WebSocket lifecycle, snapshot-then-stream with the seq
// rule, reconnect policy and end states (PROTOCOL.md §2–3). No DOM: everything it touches in the
// browser (WebSocket, fetch, timers, clock, randomness, online state) is passed in, so tests can
// drive it with fakes and a fake clock.

import { applyFrame, emptyOrder, isTerminal } from './order-state.js';
import { createBackoff, restartDelay } from './backoff.js';

export const CloseCode = Object.freeze({
  NORMAL: 1000,
  SERVICE_RESTART: 1012,
  TOKEN_EXPIRED: 4401,
  /** Ours: the socket stopped answering our pings. */
  CLIENT_TIMEOUT: 4000,
});

/**
 * Phases a person can understand:
 * connecting (first attempt or a retry in flight), live, reconnecting (waiting, retryAt set),
 * offline (the device has no network; waiting for it), ended (delivered/cancelled, final),
 * expired (the link is expired or invalid, final).
 */
export const Phase = Object.freeze({
  CONNECTING: 'connecting', LIVE: 'live', RECONNECTING: 'reconnecting', OFFLINE: 'offline',
  ENDED: 'ended', EXPIRED: 'expired',
});

const FINAL = new Set([Phase.ENDED, Phase.EXPIRED]);

/**
 * @param {object} o
 * @param {string} o.wsUrl        the WebSocket URL, token included
 * @param {string} o.probeUrl     the same URL over HTTP: 401 tells "bad link" from "server down"
 * @param {object} o.env          { WebSocket, fetch, setTimeout, clearTimeout, now, random, isOnline }
 * @param {function} o.onOrder    (order, frame) after every applied frame
 * @param {function} o.onPhase    ({phase, retryAt, attempt, reason}) on every phase change
 * @param {number} [o.pingIntervalMs]  how often to check the socket still answers
 * @param {number} [o.pongTimeoutMs]   how long an answer may take before we give up on the socket
 */
export function createTrackingConnection({
  wsUrl, probeUrl, env, onOrder, onPhase, pingIntervalMs = 25000, pongTimeoutMs = 10000,
}) {
  const backoff = createBackoff(env.random);
  let order = emptyOrder();
  let phase = null;
  let socket = null;
  let retryTimer = null;
  let pingTimer = null;
  let pongTimer = null;

  function setPhase(next, extra = {}) {
    phase = next;
    onPhase({ phase: next, attempt: backoff.attempts, retryAt: null, reason: null, ...extra });
  }

  function clearTimers() {
    for (const t of [retryTimer, pingTimer, pongTimer]) {
      if (t !== null) env.clearTimeout(t);
    }
    retryTimer = pingTimer = pongTimer = null;
  }

  function open() {
    clearTimers();
    if (FINAL.has(phase)) return;
    setPhase(Phase.CONNECTING);
    const ws = new env.WebSocket(wsUrl);
    const session = { ws, opened: false, sawSnapshot: false };
    socket = session;
    ws.onopen = () => {
      session.opened = true;
      schedulePing(session);
    };
    ws.onmessage = (event) => onMessage(session, event.data);
    ws.onclose = (event) => onClose(session, event.code, event.reason);
    ws.onerror = () => {}; // a close event always follows; it carries what we need
  }

  function onMessage(session, data) {
    if (session !== socket) return;
    if (pongTimer !== null) {
      env.clearTimeout(pongTimer); // any frame proves the socket is alive
      pongTimer = null;
    }
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (!frame || frame.type === 'pong') return;
    if (frame.type !== 'snapshot' && !session.sawSnapshot) return; // a stream starts with its snapshot
    const next = applyFrame(order, frame);
    if (next === null) return;
    order = next;
    if (frame.type === 'snapshot') {
      session.sawSnapshot = true;
      backoff.reset();
    }
    onOrder(order, frame);
    if (isTerminal(order.status)) {
      finish(Phase.ENDED, order.status);
    } else if (phase !== Phase.LIVE) {
      setPhase(Phase.LIVE);
    }
  }

  function onClose(session, code, reason) {
    if (session !== socket) return; // a socket we already gave up on
    socket = null;
    clearTimers();
    if (FINAL.has(phase)) return;
    if (code === CloseCode.TOKEN_EXPIRED) {
      finish(Phase.EXPIRED, 'expired');
    } else if (code === CloseCode.SERVICE_RESTART) {
      retryAfter(restartDelay(env.random), 'restart');
    } else if (!session.opened) {
      probe();
    } else {
      retryAfter(backoff.next(), reason || 'lost');
    }
  }

  /** The upgrade failed; a browser cannot see why, so ask the same URL over plain HTTP. */
  function probe() {
    Promise.resolve()
      .then(() => env.fetch(probeUrl, { cache: 'no-store', credentials: 'omit' }))
      .then(
        (response) => (response.status === 401
          ? response.json().then((body) => ({ status: 401, error: String(body && body.error) }), () => ({ status: 401, error: '' }))
          : { status: response.status, error: '' }),
        () => ({ status: 0, error: '' }))
      .then(({ status, error }) => {
        if (FINAL.has(phase) || socket !== null || retryTimer !== null) return;
        if (status === 401) {
          // The server says why (PROTOCOL.md §2); only "expired" differs for a person.
          finish(Phase.EXPIRED, /expired/i.test(error) ? 'expired' : 'invalid');
        } else {
          retryAfter(backoff.next(), status === 0 ? 'unreachable' : `http ${status}`);
        }
      });
  }

  function retryAfter(delayMs, reason) {
    if (!env.isOnline()) {
      setPhase(Phase.OFFLINE, { reason });
      return;
    }
    const retryAt = env.now() + delayMs;
    retryTimer = env.setTimeout(open, delayMs);
    setPhase(Phase.RECONNECTING, { retryAt, reason });
  }

  /** Sends a ping now and then; a socket that stays silent afterwards is dead (e.g. network switch). */
  function schedulePing(session) {
    pingTimer = env.setTimeout(() => {
      pingTimer = null;
      if (session !== socket) return;
      try {
        session.ws.send('{"type":"ping"}');
      } catch {
        // closing already; onclose follows
      }
      pongTimer = env.setTimeout(() => {
        pongTimer = null;
        if (session !== socket) return;
        socket = null;
        clearTimers();
        session.ws.close(CloseCode.CLIENT_TIMEOUT, 'no pong');
        retryAfter(backoff.next(), 'timeout');
      }, pongTimeoutMs);
      schedulePing(session);
    }, pingIntervalMs);
  }

  function finish(finalPhase, reason) {
    clearTimers();
    setPhase(finalPhase, { reason });
    // After a terminal status the server closes the socket itself (1000); nothing more to do.
  }

  return {
    start() {
      if (phase !== null) return;
      if (env.isOnline()) {
        open();
      } else {
        setPhase(Phase.OFFLINE, { reason: 'offline' });
      }
    },
    /** A person pressed "retry now", or the page became visible again while waiting. */
    retryNow() {
      if (phase === Phase.RECONNECTING || phase === Phase.OFFLINE) open();
    },
    networkOnline() {
      if (phase === Phase.OFFLINE) open();
    },
    networkOffline() {
      if (phase === Phase.RECONNECTING) {
        clearTimers();
        setPhase(Phase.OFFLINE, { reason: 'offline' });
      }
    },
    /** The page came back (e.g. from the back/forward cache) after {@link stop}. */
    resume() {
      if (phase !== null && !FINAL.has(phase) && socket === null) open();
    },
    /** The page is going away: close quietly, schedule nothing. */
    stop() {
      clearTimers();
      const current = socket;
      socket = null;
      if (current) current.ws.close(CloseCode.NORMAL, 'page closed');
    },
    get order() {
      return order;
    },
    get phase() {
      return phase;
    },
  };
}
