// Loads every test file (each registers its tests), then runs them.
import './order-state.test.js';
import './backoff.test.js';
import './tracking-connection.test.js';
import './format.test.js';
import { run } from './harness.js';

run();
