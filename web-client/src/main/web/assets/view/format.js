// Words a person reads: status names, ETA phrases. Pure, so the browser tests can check them.

export const STATUS_TEXT = Object.freeze({
  PLACED: { step: 'Order placed', headline: 'We have your order' },
  COURIER_ASSIGNED: { step: 'Courier assigned', headline: 'A courier is on the way to pick up your order' },
  PICKED_UP: { step: 'Picked up', headline: 'Your order is on its way' },
  NEARBY: { step: 'Nearby', headline: 'Your courier is nearby' },
  DELIVERED: { step: 'Delivered', headline: 'Delivered' },
  CANCELLED: { step: 'Cancelled', headline: 'This order was cancelled' },
});

/** "~7 min", "~1 h 5 min"; null when the ETA is not in the future by at least half a minute. */
export function minutesPhrase(etaMs, nowMs) {
  const minutes = Math.round((etaMs - nowMs) / 60000);
  if (minutes < 1) return null;
  if (minutes < 60) return `~${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `~${h} h` : `~${h} h ${m} min`;
}

/** The line under the headline: "Arrives in ~7 min · 14:32", or "Arriving now". */
export function etaText(etaIso, nowMs, clock) {
  const etaMs = Date.parse(etaIso);
  if (Number.isNaN(etaMs)) return null;
  const phrase = minutesPhrase(etaMs, nowMs);
  if (phrase === null) return 'Arriving now';
  return `Arrives in ${phrase} · ${clock(etaMs)}`;
}

/** What a screen reader hears for the ETA: words, not symbols. */
export function etaSpoken(etaIso, nowMs) {
  const etaMs = Date.parse(etaIso);
  if (Number.isNaN(etaMs)) return '';
  const minutes = Math.round((etaMs - nowMs) / 60000);
  if (minutes < 1) return 'Arriving now.';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const words = [h && plural(h, 'hour'), m && plural(m, 'minute')].filter(Boolean).join(' ');
  return `Arrives in about ${words}.`;
}

function plural(n, unit) {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function courierText(courier) {
  if (!courier || !courier.name) return null;
  return courier.vehicle ? `${courier.name} · ${courier.vehicle}` : courier.name;
}

/** "White Toyota Prius": what to look out for at the door; null without a make or model. */
export function vehicleText(courier) {
  if (!courier || !(courier.vehicleMake || courier.vehicleModel)) return null;
  const words = [courier.vehicleColor, courier.vehicleMake, courier.vehicleModel].filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The courier's photo URL when it is one the page may load (https only), else null. */
export function photoUrl(courier) {
  const url = courier && courier.photoUrl;
  return typeof url === 'string' && url.startsWith('https://') ? url : null;
}

/** A clock formatter in the reader's own locale, e.g. "14:32" or "2:32 PM". */
export function localClock(locale) {
  const fmt = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  return (ms) => fmt.format(new Date(ms));
}
