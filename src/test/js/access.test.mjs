import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGGREGATE_LAYERS, MEMBER_LAYERS, mayDraw, mayOpen, mayReadComments, roleIn } from '../../main/resources/public/js/access.js';
import { LAYERS } from '../../main/resources/public/js/state.js';

test('every map layer is either aggregated or members-only', () => {
  assert.deepEqual([...AGGREGATE_LAYERS, ...MEMBER_LAYERS].sort(), [...LAYERS].sort());
});

test('the public never draws raw records, even on a public workspace', () => {
  for (const layer of MEMBER_LAYERS) assert.equal(mayDraw('public', layer, true), false, layer);
  assert.equal(mayDraw('public', 'density', true), true);
});

test('the public sees nothing of a private workspace', () => {
  for (const layer of LAYERS) assert.equal(mayDraw('public', layer, false), false, layer);
  assert.equal(mayOpen('public', 'commitments', false), false);
});

test('a key that does not cover the workspace counts as the public', () => {
  const s = { authenticated: true, role: 'analyst', workspaces: ['beta'] };
  assert.equal(roleIn(s, 'alpha'), 'public');
  assert.equal(roleIn(s, 'beta'), 'analyst');
  assert.equal(roleIn({ authenticated: true, role: 'admin', workspaces: ['*'] }, 'alpha'), 'admin');
});

test('viewers draw raw layers and plan walks but only analysts read comments', () => {
  assert.equal(mayDraw('viewer', 'incidents', false), true);
  assert.equal(mayOpen('viewer', 'walk', false), true);
  assert.equal(mayOpen('public', 'walk', true), false);
  assert.equal(mayReadComments('viewer'), false);
  assert.equal(mayReadComments('analyst'), true);
});

test('hot streets show where single events lie, so only members may draw them', () => {
  assert.equal(mayDraw('public', 'hot-streets', true), false);
  assert.equal(mayDraw('viewer', 'hot-streets', false), true);
});
