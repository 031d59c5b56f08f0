import { test, assertEqual, assertTrue } from './harness.js';
import { backoffDelay, createBackoff, restartDelay } from '../app/protocol/backoff.js';

test('backoff: delays double from 0.5–1 s and are capped at 15–30 s', () => {
  const low = [0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, () => 0));
  const high = [0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, () => 0.999999));
  assertEqual(low, [500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  assertEqual(high, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});

test('backoff: jitter spreads delays between half and all of each step', () => {
  const delay = backoffDelay(2, () => 0.5);
  assertEqual(delay, 3000);
});

test('backoff: next() walks the schedule and reset() starts it again', () => {
  const backoff = createBackoff(() => 0);
  assertEqual([backoff.next(), backoff.next(), backoff.next()], [500, 1000, 2000]);
  assertEqual(backoff.attempts, 3);
  backoff.reset();
  assertEqual(backoff.next(), 500);
});

test('backoff: after a server restart (1012) come back within about a second', () => {
  assertEqual(restartDelay(() => 0), 100);
  assertEqual(restartDelay(() => 0.999999), 1100);
  assertTrue(restartDelay(Math.random) <= 1100, 'bounded');
});
