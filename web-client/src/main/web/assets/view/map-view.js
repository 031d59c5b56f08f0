// The map: the courier's marker gliding between updates (rotated by heading), the drop-off point
// and a short trail. Leaflet is the classic global `L` from the webjar (its minified build is a
// third of the size of its ES-module build, which matters on a phone).

const TRAIL_POINTS = 30;
const MIN_GLIDE_MS = 400;
const MAX_GLIDE_MS = 5000;

const COURIER_HTML =
  '<div class="courier-arrow"><svg viewBox="0 0 40 40" aria-hidden="true" focusable="false">' +
  '<circle cx="20" cy="20" r="15" class="courier-disc"/>' +
  '<path d="M20 9 L27 27 L20 23 L13 27 Z" class="courier-pointer"/></svg></div>';

const DROPOFF_HTML =
  '<svg viewBox="0 0 32 40" aria-hidden="true" focusable="false">' +
  '<path d="M16 1C7.7 1 1 7.5 1 15.6 1 26.5 16 39 16 39s15-12.5 15-23.4C31 7.5 24.3 1 16 1z" class="dropoff-pin"/>' +
  '<path d="M9 17 L16 11 L23 17 V25 H9 Z" class="dropoff-house"/></svg>';

export function createMapView(element, { tilesUrl, attribution }, clock = () => performance.now()) {
  const L = globalThis.L;
  const reducedMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const map = L.map(element, { zoomControl: true, worldCopyJump: true }).setView([20, 0], 2);
  const tiles = L.tileLayer(tilesUrl, { attribution, maxZoom: 19 }).addTo(map);
  // Tiles that cannot load leave a plain background; the marker and panel still work.
  tiles.on('tileerror', () => element.classList.add('tiles-failed'));
  tiles.on('tileload', () => element.classList.remove('tiles-failed'));

  const trail = L.polyline([], { className: 'courier-trail', interactive: false }).addTo(map);
  let courier = null;
  let dropoff = null;
  let shown = null; // the position currently drawn
  let history = []; // past targets, oldest first
  let glide = null;
  let lastUpdateAt = null;
  let angle = null; // unwrapped degrees so 350° → 10° turns 20°, not 340°

  function setCourierAttributes(pos) {
    const el = courier.getElement();
    el.dataset.lat = pos.lat.toFixed(6);
    el.dataset.lng = pos.lng.toFixed(6);
  }

  function draw(pos) {
    shown = pos;
    courier.setLatLng(pos);
    trail.setLatLngs([...history, pos]);
    setCourierAttributes(pos);
  }

  function frame() {
    if (!glide) return;
    const t = Math.min(1, (clock() - glide.start) / glide.duration);
    draw({
      lat: glide.from.lat + (glide.to.lat - glide.from.lat) * t,
      lng: glide.from.lng + (glide.to.lng - glide.from.lng) * t,
    });
    if (t < 1) {
      requestAnimationFrame(frame);
    } else {
      glide = null;
      keepInView();
    }
  }

  function keepInView() {
    if (shown && !map.getBounds().pad(-0.1).contains(shown)) {
      map.panTo(shown, { animate: !reducedMotion });
    }
  }

  function rotate(heading) {
    if (typeof heading !== 'number' || !Number.isFinite(heading)) return;
    angle = angle === null ? heading : angle + ((((heading - angle) % 360) + 540) % 360) - 180;
    const el = courier.getElement();
    el.querySelector('.courier-arrow').style.transform = `rotate(${angle}deg)`;
    el.dataset.heading = String(Math.round(((angle % 360) + 360) % 360));
  }

  function frameBoth() {
    if (shown && dropoff) {
      map.fitBounds(L.latLngBounds([shown, dropoff.getLatLng()]), { padding: [48, 48], maxZoom: 16 });
    } else if (shown) {
      map.setView(shown, 16);
    } else if (dropoff) {
      map.setView(dropoff.getLatLng(), 15);
    }
  }

  return {
    /** A new courier position: glide there over about the time since the previous one. */
    moveCourier(location) {
      const target = { lat: location.lat, lng: location.lng };
      const now = clock();
      if (!courier) {
        courier = L.marker(target, {
          icon: L.divIcon({ className: 'courier-marker', html: COURIER_HTML, iconSize: [40, 40], iconAnchor: [20, 20] }),
          keyboard: false, interactive: false, zIndexOffset: 1000,
        }).addTo(map);
        courier.getElement().setAttribute('aria-hidden', 'true');
        history = [];
        draw(target);
        frameBoth();
        lastUpdateAt = now;
        rotate(location.heading);
        return;
      }
      const from = shown;
      const heading = location.heading ?? bearing(from, target);
      const interval = lastUpdateAt === null ? 0 : now - lastUpdateAt;
      lastUpdateAt = now;
      history = [...history, from].slice(-TRAIL_POINTS);
      rotate(heading);
      if (reducedMotion || document.hidden) {
        glide = null;
        draw(target);
        keepInView();
        return;
      }
      glide = { from, to: target, start: now, duration: Math.min(MAX_GLIDE_MS, Math.max(MIN_GLIDE_MS, interval)) };
      requestAnimationFrame(frame);
    },

    setDropoff(point) {
      if (!point) return;
      const first = !dropoff;
      if (first) {
        dropoff = L.marker(point, {
          icon: L.divIcon({ className: 'dropoff-marker', html: DROPOFF_HTML, iconSize: [32, 40], iconAnchor: [16, 39] }),
          keyboard: false, interactive: false,
        }).addTo(map);
        dropoff.getElement().setAttribute('aria-hidden', 'true');
        frameBoth();
      } else {
        dropoff.setLatLng(point);
      }
    },

    /** A fresh snapshot after a reconnect: jump, the glide's time base is gone. */
    reset(location) {
      glide = null;
      lastUpdateAt = null;
      if (location && courier) {
        history = [];
        draw({ lat: location.lat, lng: location.lng });
        rotate(location.heading);
        keepInView();
      } else if (location) {
        this.moveCourier(location);
      }
    },

    /** A hidden tab gets no animation frames; show the latest position when it comes back. */
    settle() {
      if (glide) {
        const to = glide.to;
        glide = null;
        draw(to);
      }
    },

    invalidateSize() {
      map.invalidateSize();
    },
  };
}

/** Compass bearing from a to b in degrees, or undefined when they are (nearly) the same point. */
function bearing(a, b) {
  const toRad = Math.PI / 180;
  const dLng = (b.lng - a.lng) * toRad;
  const y = Math.sin(dLng) * Math.cos(b.lat * toRad);
  const x = Math.cos(a.lat * toRad) * Math.sin(b.lat * toRad)
    - Math.sin(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.cos(dLng);
  if (Math.abs(x) < 1e-9 && Math.abs(y) < 1e-9) return undefined;
  return ((Math.atan2(y, x) / toRad) + 360) % 360;
}
