import { test, assertEqual } from './harness.js';
import { courierText, etaSpoken, etaText, minutesPhrase, photoUrl, vehicleText } from '../app/view/format.js';

const NOW = Date.parse('2030-01-01T10:00:00.000Z');
const clock = () => '10:07';

test('format: the ETA reads "Arrives in ~7 min" with its clock time', () => {
  assertEqual(etaText('2030-01-01T10:07:10.000Z', NOW, clock), 'Arrives in ~7 min · 10:07');
});

test('format: long and past ETAs', () => {
  assertEqual(minutesPhrase(NOW + 65 * 60000, NOW), '~1 h 5 min');
  assertEqual(minutesPhrase(NOW + 120 * 60000, NOW), '~2 h');
  assertEqual(etaText('2030-01-01T09:59:00.000Z', NOW, clock), 'Arriving now');
  assertEqual(etaText('not a time', NOW, clock), null);
});

test('format: screen readers hear words, not "~" and "min"', () => {
  assertEqual(etaSpoken('2030-01-01T10:07:00.000Z', NOW), 'Arrives in about 7 minutes.');
});

test('format: courier name and vehicle', () => {
  assertEqual(courierText({ name: 'Ana', vehicle: 'bike' }), 'Ana · bike');
  assertEqual(courierText({ name: 'Ana' }), 'Ana');
  assertEqual(courierText(null), null);
});

test('format: spoken ETA over an hour uses proper words', () => {
  assertEqual(etaSpoken('2030-01-01T11:05:00.000Z', NOW), 'Arrives in about 1 hour 5 minutes.');
  assertEqual(etaSpoken('2030-01-01T10:01:00.000Z', NOW), 'Arrives in about 1 minute.');
});

test('format: the vehicle to look out for, from colour, make and model', () => {
  assertEqual(vehicleText({ vehicleColor: 'white', vehicleMake: 'Toyota', vehicleModel: 'Prius' }), 'White Toyota Prius');
  assertEqual(vehicleText({ vehicleMake: 'Toyota' }), 'Toyota');
  assertEqual(vehicleText({ vehicleColor: 'red' }), null);
  assertEqual(vehicleText(null), null);
});

test('format: only an https photo is loaded', () => {
  assertEqual(photoUrl({ photoUrl: 'https://img.example/a.jpg' }), 'https://img.example/a.jpg');
  assertEqual(photoUrl({ photoUrl: 'http://img.example/a.jpg' }), null);
  assertEqual(photoUrl({ photoUrl: 'javascript:alert(1)' }), null);
  assertEqual(photoUrl({}), null);
  assertEqual(photoUrl(null), null);
});
