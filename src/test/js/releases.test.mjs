import { test } from 'node:test';
import assert from 'node:assert/strict';
import { releaseChoice, releaseGroups, releaseParams } from '../../main/resources/public/js/clients/releases.js';

// the shape of GET /api/workspaces/{ws}/releases (http/api/ReleaseJson.catalog)
const CATALOG = {
  workspace: 'exempelby',
  default: 'last-12-months',
  periods: [
    { id: 'last-12-months', kind: 'last-12-months', from: '2025-12-01', to: '2026-11-30', label: { sv: 'Senaste 12 månaderna', en: 'Last 12 months' } },
    { id: '2026-Q3', kind: 'quarter', from: '2026-07-01', to: '2026-09-30', label: { sv: 'Kvartal 3 2026', en: 'Q3 2026' } },
  ],
  layers: ['incidents', 'unsafe-places'],
  groups: { incidents: [{ id: 'all', name: { sv: 'Alla', en: 'All' } }, { id: 'violence', name: { sv: 'Våld', en: 'Violence' } }], 'unsafe-places': [] },
  slices: ['all', 'night'],
  night: '18-06',
  mechanism: { name: 'two-sided geometric mechanism, cell-keyed', epsilonPerMonth: 0.5, k: 5, cellMeters: 100 },
};

test('without a choice the public reads the default period, every group and the whole day', () => {
  assert.deepEqual(releaseChoice(CATALOG), { release: 'last-12-months', group: 'all', slice: 'all' });
});

test('a listed choice is kept and an unknown one falls back to the default', () => {
  assert.deepEqual(releaseChoice(CATALOG, { release: '2026-Q3', group: 'violence', slice: 'night' }),
    { release: '2026-Q3', group: 'violence', slice: 'night' });
  assert.deepEqual(releaseChoice(CATALOG, { release: '1999', group: 'nope', slice: 'dawn' }),
    { release: 'last-12-months', group: 'all', slice: 'all' });
});

test('the public sends only release, layer, group and slice, and the groups are the map layer\u2019s', () => {
  const p = releaseParams(CATALOG, releaseChoice(CATALOG));
  assert.deepEqual(Object.keys(p).sort(), ['group', 'layer', 'release', 'slice']);
  assert.equal(p.layer, 'incidents');
  assert.deepEqual(releaseGroups(CATALOG).map((g) => g.id), ['all', 'violence']);
});
