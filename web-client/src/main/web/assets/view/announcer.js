// Speaks changes through the page's aria-live region. Re-setting identical text is not
// announced by screen readers, so repeated messages are cleared first.

export function createAnnouncer(region) {
  let last = '';
  return {
    say(message) {
      if (!message) return;
      if (message === last) region.textContent = '';
      region.textContent = message;
      last = message;
    },
  };
}
