import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRINGS, t } from '../../main/resources/public/js/i18n.js';

test('Swedish and English have the same keys and the same placeholders', () => {
  assert.deepEqual(Object.keys(STRINGS.en).sort(), Object.keys(STRINGS.sv).sort());
  const holes = (s) => (s.match(/\{\w+\}/g) ?? []).sort();
  for (const k of Object.keys(STRINGS.sv)) assert.deepEqual(holes(STRINGS.en[k]), holes(STRINGS.sv[k]), k);
});

test('placeholders are filled and an unknown language falls back to Swedish', () => {
  assert.equal(t('en', 'loggedInAs', { role: 'analyst' }), 'Logged in: analyst');
  assert.equal(t('fi', 'apply'), 'Visa');
});

test('every data-i18n key in index.html exists', async () => {
  const { readFile } = await import('node:fs/promises');
  const html = await readFile(new URL('../../main/resources/public/js/../index.html', import.meta.url), 'utf8');
  for (const [, key] of html.matchAll(/data-i18n="([^"]+)"/g)) assert.ok(key in STRINGS.sv, key);
});
