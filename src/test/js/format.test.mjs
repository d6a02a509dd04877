import { test } from 'node:test';
import assert from 'node:assert/strict';
import { date, dateTime, distance, number, percent } from '../../main/resources/public/js/format.js';

const NBSP = '\u00a0';

test('Swedish numbers have a decimal comma and a space between thousands', () => {
  assert.equal(number('sv', 1234567.891, 1), `1${NBSP}234${NBSP}567,9`);
  assert.equal(number('en', 1234567.891, 1), '1,234,567.9');
  assert.doesNotMatch(number('sv', 2.8, 1), /\./);
});

test('lengths are whole metres below a kilometre and kilometres with one decimal above', () => {
  assert.equal(distance('sv', 849.6), '850 m');
  assert.equal(distance('sv', 2800), '2,8 km');
  assert.equal(distance('en', 2800), '2.8 km');
  assert.equal(distance('sv', 12345), `12,3 km`);
});

test('shares are whole percent', () => {
  assert.equal(percent('sv', 0.934), '93 %');
  assert.equal(percent('en', 1), '100 %');
});

test('an instant is shown as a local date and time, not ISO', () => {
  const at = '2026-12-04T14:44:36.904441824Z';
  assert.equal(dateTime('sv', at.replace(/(\.\d{3})\d+Z$/, '$1Z'), 'Europe/Stockholm'), '4 dec. 2026 15:44');
  assert.equal(dateTime('en', '2026-07-01T10:05:00Z', 'Europe/Stockholm'), '1 Jul 2026 12:05');
  assert.equal(date('sv', '2026-03-31'), '31 mars 2026');
});
