// The connection banner: live, reconnecting (with a countdown and a "retry now" button),
// offline. The countdown ticks once a second but is not a live region: a screen reader hears
// the change of state once (through the announcer), not every tick.

export function createConnectionView(doc, onRetry) {
  const banner = doc.getElementById('connection');
  const text = doc.getElementById('connection-text');
  const retry = doc.getElementById('retry');
  let ticker = null;
  retry.addEventListener('click', onRetry);

  function stopTicker() {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  }

  return {
    render({ phase, retryAt, attempt, reason }) {
      stopTicker();
      banner.dataset.state = phase;
      banner.dataset.reason = reason || '';
      retry.hidden = !(phase === 'reconnecting' || phase === 'offline');
      switch (phase) {
        case 'connecting':
          text.textContent = attempt > 0 ? 'Reconnecting…' : 'Connecting…';
          break;
        case 'live':
          text.textContent = 'Live';
          break;
        case 'reconnecting': {
          const tick = () => {
            const seconds = Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));
            const why = reason === 'restart' ? 'Server restarting.' : 'Connection lost.';
            text.textContent = `${why} Reconnecting in ${seconds} s`;
          };
          tick();
          ticker = setInterval(tick, 250);
          break;
        }
        case 'offline':
          text.textContent = 'You are offline. We will reconnect when your network is back.';
          break;
        case 'ended':
          text.textContent = 'Tracking finished';
          break;
        case 'expired':
          text.textContent = reason === 'invalid' ? 'Link not valid' : 'Link expired';
          break;
        default:
          text.textContent = '';
      }
    },
  };
}
