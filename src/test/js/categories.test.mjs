import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codesOf, namesOf } from '../../main/resources/public/js/categories.js';
import { contextPath, covers, paddedBbox } from '../../main/resources/public/js/clients/context.js';

const NAMES = { theft: { sv: 'Stöld', en: 'Theft' }, vandalism: { sv: 'Skadegörelse', en: 'Vandalism' } };

test('typed Swedish or English names become the stored codes; unknown words stay as typed', () => {
  assert.deepEqual(codesOf('stöld, Skadegörelse', NAMES), ['theft', 'vandalism']);
  assert.deepEqual(codesOf('Theft,theft , rån', NAMES), ['theft', 'rån']);
  assert.deepEqual(codesOf(' , ', NAMES), []);
});

test('codes read as names in the page language', () => {
  assert.equal(namesOf(['theft', 'vandalism', 'other'], NAMES, 'sv'), 'Stöld, Skadegörelse, other');
  assert.equal(namesOf(['theft'], NAMES, 'en'), 'Theft');
});

test('the context is fetched for the view grown by half on each side and reused while it covers the view', () => {
  const view = [[57.99, 12.29], [58.0, 12.31]];
  const bbox = paddedBbox(view);
  assert.deepEqual(bbox, [12.28, 57.985, 12.32, 58.005]);
  assert.ok(covers(bbox, view));
  assert.ok(!covers(bbox, [[57.99, 12.29], [58.01, 12.31]]));
  assert.equal(contextPath('exempelby'), '/api/workspaces/exempelby/context');
});
