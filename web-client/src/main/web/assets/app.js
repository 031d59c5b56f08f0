// Wires the page together: reads the server-injected config and the token from the URL, and
// connects the protocol module (protocol/) to the views (view/). No logic of its own.

import { createTrackingConnection, Phase } from './protocol/tracking-connection.js';
import { isTerminal } from './protocol/order-state.js';
import { STATUS_TEXT, etaSpoken, localClock } from './view/format.js';
import { createMapView } from './view/map-view.js';
import { createStatusView } from './view/status-view.js';
import { createConnectionView } from './view/connection-view.js';
import { createAnnouncer } from './view/announcer.js';

const config = JSON.parse(document.getElementById('tracking-config').textContent);
const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
const clock = localClock(navigator.language);

const announcer = createAnnouncer(document.getElementById('announcer'));
const statusView = createStatusView(document, clock);
const mapView = createMapView(document.getElementById('map'), config);

let shownStatus;
let shownDropoff = null;
let lostAnnounced = false;
let lastPhase = null;
let current = null;

const wsScheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
const query = `/ws/track?token=${encodeURIComponent(token)}`;
const connection = createTrackingConnection({
  wsUrl: `${wsScheme}//${location.host}${query}`,
  probeUrl: query,
  env: {
    WebSocket,
    fetch: (...args) => fetch(...args),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
    now: () => Date.now(),
    random: Math.random,
    isOnline: () => navigator.onLine !== false,
  },
  onOrder,
  onPhase,
});
const connectionView = createConnectionView(document, () => connection.retryNow());

function onOrder(order, frame) {
  current = order;
  statusView.render(order);
  if (frame.type === 'snapshot') {
    mapView.reset(order.location);
  } else if (frame.type === 'location') {
    mapView.moveCourier(order.location);
  }
  if (order.dropoff && JSON.stringify(order.dropoff) !== shownDropoff) {
    shownDropoff = JSON.stringify(order.dropoff);
    mapView.setDropoff(order.dropoff);
  }
  if (order.status !== shownStatus) {
    // Announce a status change once; the first snapshot counts, so a screen-reader user hears
    // where the order stands when the page opens.
    shownStatus = order.status;
    const text = STATUS_TEXT[order.status];
    if (text && !isTerminal(order.status)) {
      announcer.say(`${text.headline}. ${order.eta ? etaSpoken(order.eta, Date.now()) : ''}`.trim());
    }
  }
}

function onPhase(state) {
  connectionView.render(state);
  const { phase } = state;
  if (phase === Phase.LIVE && lostAnnounced) {
    announcer.say('Connection restored. Live again.');
    lostAnnounced = false;
  } else if ((phase === Phase.RECONNECTING || phase === Phase.OFFLINE) && lastPhase === Phase.LIVE) {
    announcer.say(phase === Phase.OFFLINE ? 'You are offline.' : 'Connection lost. Reconnecting.');
    lostAnnounced = true;
  } else if (phase === Phase.ENDED) {
    const at = current && current.updatedAt ? clock(Date.parse(current.updatedAt)) : '';
    statusView.showEnd(current.status, current.status === 'DELIVERED' ? at : '');
    announcer.say(current.status === 'DELIVERED' ? 'Your order was delivered.' : 'This order was cancelled.');
  } else if (phase === Phase.EXPIRED) {
    statusView.showEnd(state.reason === 'invalid' ? 'invalid' : 'expired');
    announcer.say('This tracking link has expired or is not valid.');
  }
  lastPhase = phase;
}

// The ETA's "in ~N min" goes stale as time passes even without frames.
setInterval(() => current && statusView.render(current), 15000);

addEventListener('online', () => connection.networkOnline());
addEventListener('offline', () => connection.networkOffline());
document.addEventListener('visibilitychange', () => {
  if (!document.hidden) {
    mapView.settle();
    connection.retryNow(); // back from the background: do not make the person wait out a backoff
  }
});
addEventListener('pagehide', () => connection.stop());
addEventListener('pageshow', (event) => event.persisted && connection.resume());
addEventListener('resize', () => mapView.invalidateSize());

if (token) {
  connection.start();
} else {
  onPhase({ phase: Phase.EXPIRED, reason: 'invalid', attempt: 0, retryAt: null });
}
