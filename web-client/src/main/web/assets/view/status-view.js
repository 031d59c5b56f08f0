// The order panel: headline, ETA, courier, the status timeline and the final screens.
// It only writes text and attributes into the elements index.html already has.

import { STATUS_TEXT, courierText, etaText, photoUrl, vehicleText } from './format.js';

const STEPS = ['PLACED', 'COURIER_ASSIGNED', 'PICKED_UP', 'NEARBY', 'DELIVERED'];

export function createStatusView(doc, clock) {
  const headline = doc.getElementById('headline');
  const eta = doc.getElementById('eta');
  const courier = doc.getElementById('courier');
  const courierName = doc.getElementById('courier-name');
  const courierVehicle = doc.getElementById('courier-vehicle');
  const courierPhoto = doc.getElementById('courier-photo');
  // The photo shows only once it has loaded: a broken or blocked image never leaves a hole.
  courierPhoto.addEventListener('load', () => { courierPhoto.hidden = false; });
  courierPhoto.addEventListener('error', () => { courierPhoto.hidden = true; });
  const timeline = doc.getElementById('timeline');
  const end = doc.getElementById('end');
  const endTitle = doc.getElementById('end-title');
  const endText = doc.getElementById('end-text');

  function show(el, text) {
    el.hidden = !text;
    el.textContent = text || '';
  }

  /** The courier card: photo, name and vehicle type, and the vehicle to look out for. */
  function renderCourier(c) {
    const name = courierText(c);
    const vehicle = vehicleText(c);
    courierName.textContent = name ? `Courier: ${name}` : '';
    courierName.hidden = !name;
    show(courierVehicle, vehicle);
    const url = name && photoUrl(c);
    if (!url) {
      courierPhoto.hidden = true;
      courierPhoto.removeAttribute('src');
    } else if (courierPhoto.getAttribute('src') !== url) {
      courierPhoto.hidden = true;
      courierPhoto.alt = `Photo of ${c.name}`;
      courierPhoto.src = url;
    }
    courier.hidden = !name && !vehicle;
  }

  function renderTimeline(status) {
    const cancelled = status === 'CANCELLED';
    const current = cancelled ? -1 : STEPS.indexOf(status);
    for (const item of timeline.querySelectorAll('li')) {
      const index = STEPS.indexOf(item.dataset.step);
      const label = item.querySelector('.step-label');
      const state = item.querySelector('.step-state');
      let stepState;
      if (cancelled) {
        // We only know the order ended cancelled, not where it was: show placed, then cancelled.
        stepState = index === 0 ? 'done' : index === STEPS.length - 1 ? 'cancelled' : 'skipped';
      } else {
        stepState = index < current ? 'done' : index === current ? 'current' : 'upcoming';
      }
      item.dataset.state = stepState;
      item.hidden = stepState === 'skipped';
      label.textContent = stepState === 'cancelled' ? STATUS_TEXT.CANCELLED.step : STATUS_TEXT[item.dataset.step].step;
      state.textContent = { done: ' (done)', current: ' (current step)', upcoming: '', cancelled: ' (current step)', skipped: '' }[stepState];
      if (stepState === 'current' || stepState === 'cancelled') {
        item.setAttribute('aria-current', 'step');
      } else {
        item.removeAttribute('aria-current');
      }
    }
  }

  return {
    render(order) {
      const text = STATUS_TEXT[order.status];
      headline.textContent = text ? text.headline : 'Waiting for your order…';
      doc.body.dataset.status = order.status || 'NONE';
      show(eta, order.eta && !['DELIVERED', 'CANCELLED'].includes(order.status) ? etaText(order.eta, Date.now(), clock) : null);
      renderCourier(order.courier);
      renderTimeline(order.status);
    },

    /** A final screen; focus moves to its title so keyboard and screen-reader users land on it. */
    showEnd(kind, detail) {
      const texts = {
        DELIVERED: ['Delivered', `Your order was delivered${detail ? ' at ' + detail : ''}. Enjoy!`],
        CANCELLED: ['Order cancelled', 'This order was cancelled. The shop will tell you what happens next.'],
        expired: ['This tracking link has expired', 'Tracking links only work for a while. Please use the newest link from your messages.'],
        invalid: ['This tracking link is not valid', 'Please check that you opened the whole link from your messages.'],
      };
      const [title, text] = texts[kind];
      endTitle.textContent = title;
      endText.textContent = text;
      end.dataset.kind = kind;
      end.hidden = false;
      doc.body.dataset.end = kind;
      endTitle.focus();
    },
  };
}
