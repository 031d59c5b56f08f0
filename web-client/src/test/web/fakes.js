// Stand-ins for what the connection module gets from the browser: a clock with timers that only
// move when a test says so, a scriptable WebSocket, a scriptable fetch.

export function fakeClock(start = 1_000_000) {
  let now = start;
  let nextId = 1;
  const timers = new Map();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    /** Moves time forward, firing due timers in order. */
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let due = null;
        for (const [id, t] of timers) {
          if (t.at <= end && (due === null || t.at < due[1].at)) due = [id, t];
        }
        if (due === null) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    pending: () => timers.size,
    /** Milliseconds until the earliest timer, or null. */
    nextDue() {
      let at = null;
      for (const t of timers.values()) at = at === null ? t.at : Math.min(at, t.at);
      return at === null ? null : at - now;
    },
  };
}

export function fakeSockets() {
  const sockets = [];
  class FakeWebSocket {
    constructor(url) {
      this.url = url;
      this.sent = [];
      this.closedByClient = null;
      sockets.push(this);
    }
    send(data) {
      this.sent.push(data);
    }
    close(code, reason) {
      this.closedByClient = { code, reason };
    }
    // what the server does:
    open() {
      this.onopen?.({});
    }
    receive(frame) {
      this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
    }
    serverClose(code, reason = '') {
      this.onclose?.({ code, reason });
    }
  }
  return { WebSocket: FakeWebSocket, sockets, last: () => sockets[sockets.length - 1] };
}

/**
 * fetch answering with the given HTTP status and JSON body; status 0 means "network error"
 * (server unreachable).
 */
export function fakeFetch(status, body = {}) {
  const calls = [];
  const fn = (url, init) => {
    calls.push({ url, init });
    return status === 0
      ? Promise.reject(new TypeError('Failed to fetch'))
      : Promise.resolve({ status, json: () => Promise.resolve(body) });
  };
  fn.calls = calls;
  fn.answer = (s) => { status = s; };
  return fn;
}
