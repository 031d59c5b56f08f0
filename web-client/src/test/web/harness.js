// A tiny in-browser test runner: no Node.js, no npm. Tests register with test(); run() executes
// them one by one (async allowed) and publishes the results on window.__protocolTests for the
// Selenium test (ProtocolModuleIT) that reports each one as a JUnit test.

const tests = [];

export function test(name, fn) {
  tests.push({ name, fn });
}

export class AssertionError extends Error {}

export function assertEqual(actual, expected, message = '') {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message} expected ${e} but was ${a}`.trim());
}

export function assertTrue(condition, message) {
  if (!condition) throw new AssertionError(message);
}

/** Lets pending promise callbacks (the connection's HTTP probe) run. */
export function settle() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function run() {
  const results = [];
  const list = document.getElementById('results');
  for (const { name, fn } of tests) {
    let result;
    try {
      await fn();
      result = { name, ok: true, error: null };
    } catch (e) {
      result = { name, ok: false, error: `${e && e.message}\n${e && e.stack}` };
    }
    results.push(result);
    const li = document.createElement('li');
    li.textContent = `${result.ok ? 'PASS' : 'FAIL'} ${name}${result.ok ? '' : ': ' + result.error}`;
    list.append(li);
  }
  window.__protocolTests = results;
  document.body.dataset.done = 'true';
}
