// The operator page: asks for the admin key once per tab (sessionStorage, never a URL), then polls
// /admin/api/stats every two seconds and shows it. Rates come from the difference between two polls.
// Everything is written with textContent: log messages are shown, never interpreted.

const KEY = 'trackingAdminKey';
const POLL_MS = 2000;
const $ = (id) => document.getElementById(id);
let previous = null;
let timer = null;

function show(loggedIn) {
  $('login').hidden = loggedIn;
  $('dashboard').hidden = !loggedIn;
  $('status').hidden = !loggedIn;
}

function fmt(n) {
  return Number(n).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function rate(now, before, field) {
  if (!before || !now.totals || !before.totals) return null;
  const seconds = (now.now - before.now) / 1000;
  return seconds > 0 ? (now.totals[field] - before.totals[field]) / seconds : null;
}

function sum(values) {
  return Object.values(values || {}).reduce((a, b) => a + b, 0);
}

function rows(table, items, cells) {
  const body = $(table).querySelector('tbody');
  body.replaceChildren(...items.map((item) => {
    const tr = document.createElement('tr');
    for (const [text, cls] of cells(item)) {
      const td = document.createElement('td');
      td.textContent = text;
      if (cls) td.className = cls;
      tr.append(td);
    }
    return tr;
  }));
}

function render(s) {
  const n = s.node;
  $('node-id').textContent = n.id;
  $('roles').textContent = n.roles.join(' · ');
  $('ready').textContent = n.ready ? 'ready' : (n.draining ? 'draining' : 'not ready: ' + n.notReadyReason);
  $('ready').className = 'pill ' + (n.ready ? 'ok' : 'bad');
  $('engine').textContent = 'engine: ' + s.engine.name;

  $('sockets').textContent = fmt(s.sockets.open);
  $('sockets-limit').textContent = 'of ' + fmt(s.sockets.limit) + ' (TRACKING_MAX_CONNECTIONS)';
  $('sockets-bar').style.width = Math.min(100, (100 * s.sockets.open) / s.sockets.limit) + '%';
  $('orders-watched').textContent = fmt(s.ordersWatched);
  $('redis').textContent = s.engine.name === 'redis' ? 'Redis ' + s.engine.redis : 'in memory';

  const t = s.totals;
  if (t) {
    const ingest = rate(s, previous, 'ingestEvents');
    const delivery = rate(s, previous, 'framesDelivered');
    $('ingest-rate').textContent = ingest === null ? '…' : fmt(ingest) + ' /s';
    $('ingest-total').textContent = fmt(t.ingestEvents) + ' events since start';
    $('delivery-rate').textContent = delivery === null ? '…' : fmt(delivery) + ' /s';
    $('delivery-total').textContent = fmt(t.framesDelivered) + ' frames · mean ' + fmt(t.meanDeliveryLatencyMillis) + ' ms';
    $('refusals-total').textContent = fmt(sum(t.refusals));
    $('refusals-split').textContent = Object.entries(t.refusals).map(([code, v]) => code + ': ' + fmt(v)).join(' · ');
    $('conflated').textContent = fmt(t.conflated);
    $('slow-closes').textContent = 'conflated · ' + fmt(t.closes['1013'] || 0) + ' closed too slow (1013)';
    $('webhooks').textContent = fmt(t.webhooks);
    $('signature-failures').textContent = fmt(t.webhookSignatureFailures) + ' bad signatures';
    $('reconnects').textContent = fmt(t.engineReconnects) + ' reconnects · ' + fmt(t.connects) + ' sockets accepted';
  } else {
    $('ingest-rate').textContent = 'metrics off';
  }

  const b = s.busiestOrders;
  $('busiest-note').textContent = !b.available ? 'Not reported: this node serves no sockets.'
    : (b.orders.length ? '' : 'No sockets open.');
  rows('busiest', b.orders, (o) => [[o.orderId], [fmt(o.sockets)], [fmt(o.frames)]]);
  $('problems-note').textContent = s.recentProblems.length ? '' : 'None since start.';
  rows('problems', s.recentProblems, (p) => [[new Date(p.at).toLocaleTimeString('en-GB')], [p.level, p.level],
    [p.logger], [p.message]]);
  $('updated').textContent = 'Updated ' + new Date(s.now).toLocaleTimeString('en-GB') + ' · up ' + fmt(n.uptimeSeconds) + ' s';
  previous = s;
}

async function poll() {
  const key = sessionStorage.getItem(KEY);
  if (!key) {
    show(false);
    return;
  }
  try {
    const res = await fetch('/admin/api/stats', { headers: { Authorization: 'Bearer ' + key }, cache: 'no-store' });
    if (res.status === 401) {
      sessionStorage.removeItem(KEY);
      $('login-error').textContent = 'The key was refused.';
      show(false);
      return;
    }
    if (!res.ok) throw new Error('HTTP ' + res.status);
    render(await res.json());
    show(true);
  } catch (e) {
    $('updated').textContent = 'Could not reach the node: ' + e.message;
  }
  timer = setTimeout(poll, POLL_MS);
}

$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem(KEY, $('key').value);
  $('key').value = '';
  $('login-error').textContent = '';
  clearTimeout(timer);
  poll();
});

$('logout').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  clearTimeout(timer);
  previous = null;
  show(false);
});

poll();
