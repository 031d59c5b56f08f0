import { test, assertEqual } from './harness.js';
import { applyFrame, emptyOrder, isTerminal } from '../app/protocol/order-state.js';

const snapshot = (seq, extra = {}) => ({
  type: 'snapshot', orderId: 'o1', seq, status: 'PICKED_UP', location: { lat: 1, lng: 2 },
  eta: '2030-01-01T10:00:00.000Z', courier: { name: 'Ana', vehicle: 'bike' }, dropoff: { lat: 3, lng: 4 },
  updatedAt: '2030-01-01T09:50:00.000Z', ...extra,
});
const location = (seq, lat = 5) => ({ type: 'location', orderId: 'o1', seq, location: { lat, lng: 6, heading: 90 } });
const status = (seq, s, extra = {}) => ({ type: 'status', orderId: 'o1', seq, status: s, eta: null, courier: null, dropoff: null, at: 'x', ...extra });

test('order-state: a snapshot replaces the whole order', () => {
  const order = applyFrame(emptyOrder(), snapshot(12));
  assertEqual(order.seq, 12);
  assertEqual(order.status, 'PICKED_UP');
  assertEqual(order.courier, { name: 'Ana', vehicle: 'bike' });
});

test('order-state: a location with a newer seq moves the courier and keeps the rest', () => {
  const order = applyFrame(applyFrame(emptyOrder(), snapshot(12)), location(13, 7));
  assertEqual(order.seq, 13);
  assertEqual(order.location.lat, 7);
  assertEqual(order.status, 'PICKED_UP');
});

test('order-state: frames whose seq is not newer than the last applied are dropped', () => {
  const order = applyFrame(applyFrame(emptyOrder(), snapshot(12)), location(13));
  assertEqual(applyFrame(order, location(13, 9)), null, 'same seq');
  assertEqual(applyFrame(order, location(11, 9)), null, 'older seq');
  assertEqual(applyFrame(order, status(12, 'DELIVERED')), null, 'status covered by the snapshot');
});

test('order-state: a status frame carries the merged eta, courier and drop-off', () => {
  const order = applyFrame(applyFrame(emptyOrder(), snapshot(1)), status(2, 'DELIVERED'));
  assertEqual(order.status, 'DELIVERED');
  assertEqual(order.eta, null);
  assertEqual(order.location, { lat: 1, lng: 2 }, 'location kept');
});

test('order-state: a snapshot with a lower seq (server state reset) becomes the new baseline', () => {
  const later = applyFrame(emptyOrder(), snapshot(40));
  const reset = applyFrame(later, snapshot(0, { status: null, location: null }));
  assertEqual(reset.seq, 0);
  assertEqual(reset.status, null);
  assertEqual(applyFrame(reset, location(1)).seq, 1, 'frames after the reset apply again');
});

test('order-state: unknown frame types, unknown statuses and frames without seq are dropped', () => {
  const order = applyFrame(emptyOrder(), snapshot(1));
  assertEqual(applyFrame(order, { type: 'mystery', seq: 5 }), null);
  assertEqual(applyFrame(order, status(5, 'TELEPORTED')), null);
  assertEqual(applyFrame(order, { type: 'location', location: { lat: 1, lng: 1 } }), null);
});

test('order-state: only DELIVERED and CANCELLED are terminal', () => {
  assertEqual(['PLACED', 'COURIER_ASSIGNED', 'PICKED_UP', 'NEARBY', 'DELIVERED', 'CANCELLED', null].map(isTerminal),
    [false, false, false, false, true, true, false]);
});
