// The order as the page knows it, and how server frames change it (PROTOCOL.md §3).
// Pure functions, no DOM and no I/O, so the rules can be tested on their own.

export const STATUSES = Object.freeze([
  'PLACED', 'COURIER_ASSIGNED', 'PICKED_UP', 'NEARBY', 'DELIVERED', 'CANCELLED',
]);

const TERMINAL = new Set(['DELIVERED', 'CANCELLED']);

export function isTerminal(status) {
  return TERMINAL.has(status);
}

/** What the page shows before any snapshot: nothing known yet. */
export function emptyOrder() {
  return Object.freeze({
    seq: 0, status: null, location: null, eta: null, courier: null, dropoff: null, updatedAt: null,
  });
}

/**
 * Applies one frame. Returns the new order, or null when the frame must be dropped.
 *
 * A snapshot replaces everything and becomes the new seq baseline even when its seq is lower
 * than the last one applied: it is the server's current truth for this connection (after a
 * restart of a single in-memory node, or after the state expired, seqs start again), and
 * refusing it would freeze the page forever. Live frames are applied only when their seq is
 * newer than the last applied one — that drops duplicates and anything the snapshot covered.
 */
export function applyFrame(order, frame) {
  if (!frame || typeof frame.seq !== 'number') {
    return null;
  }
  switch (frame.type) {
    case 'snapshot':
      return Object.freeze({
        seq: frame.seq,
        status: frame.status ?? null,
        location: frame.location ?? null,
        eta: frame.eta ?? null,
        courier: frame.courier ?? null,
        dropoff: frame.dropoff ?? null,
        updatedAt: frame.updatedAt ?? null,
      });
    case 'location':
      if (frame.seq <= order.seq || !frame.location) {
        return null;
      }
      return Object.freeze({
        ...order, seq: frame.seq, location: frame.location,
        updatedAt: frame.location.recordedAt ?? order.updatedAt,
      });
    case 'status':
      if (frame.seq <= order.seq || !STATUSES.includes(frame.status)) {
        return null;
      }
      // The server sends the merged state with every status frame, so its eta/courier/dropoff
      // replace ours (a null eta on DELIVERED really means "no ETA any more").
      return Object.freeze({
        ...order, seq: frame.seq, status: frame.status, eta: frame.eta ?? null,
        courier: frame.courier ?? null, dropoff: frame.dropoff ?? null,
        updatedAt: frame.at ?? order.updatedAt,
      });
    default:
      return null;
  }
}
