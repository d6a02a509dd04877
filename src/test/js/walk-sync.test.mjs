import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syncItems, counts, findingBody } from '../../main/resources/public/js/walk/sync.js';

// A fake service that keeps findings by id like the real one: 201 for a new id, 200 for the same
// content again, 409 for other content under a stored id. `online` switches the connection.
function fakeService() {
  const stored = new Map();
  const photos = new Map();
  const svc = {
    online: true,
    posts: 0,
    async postFinding(ws, body) {
      if (!svc.online) throw new TypeError('Failed to fetch');
      svc.posts++;
      const key = `${ws}/${body.id}`;
      if (!stored.has(key)) { stored.set(key, JSON.stringify(body)); return { status: 201 }; }
      return stored.get(key) === JSON.stringify(body)
        ? { status: 200 }
        : { status: 409, problem: { detail: `finding '${body.id}' is stored with other content` } };
    },
    async putPhoto(ws, findingId, photoId) {
      if (!svc.online) throw new TypeError('Failed to fetch');
      photos.set(photoId, findingId);
      return { status: 201 };
    },
    stored,
    photos,
  };
  return svc;
}

function item(id, extra = {}) {
  return { id, ws: 'exempelby', state: 'pending', body: { id, category: 'lighting', severity: 2, recordedAt: `2025-10-02T18:0${id.length}:00Z` }, ...extra };
}

test('offline, nothing is sent and every finding stays queued', async () => {
  const svc = fakeService();
  svc.online = false;
  const items = [item('a'), item('bb', { photo: {}, photoId: 'p1' })];
  const after = await syncItems(items, svc);
  assert.deepEqual(after.map((i) => i.state), ['pending', 'pending']);
  assert.equal(svc.stored.size, 0);
});

test('back online, each finding and photo is stored exactly once, however often sync runs', async () => {
  const svc = fakeService();
  let items = [item('a'), item('bb', { photo: {}, photoId: 'p1' }), item('ccc')];
  items = await syncItems(items, svc);
  items = await syncItems(items, svc);
  assert.deepEqual(counts(items), { pending: 0, synced: 3, conflict: 0 });
  assert.equal(svc.stored.size, 3);
  assert.equal(svc.posts, 3);
  assert.equal(svc.photos.get('p1'), 'bb');
});

test('a lost answer is resent and recognised by the service, not stored twice', async () => {
  const svc = fakeService();
  await svc.postFinding('exempelby', item('a').body); // arrived, but the phone never heard back
  const [after] = await syncItems([item('a')], svc);
  assert.equal(after.state, 'synced');
  assert.equal(svc.stored.size, 1);
});

test('a conflict is kept with the service explanation, and the rest still syncs', async () => {
  const svc = fakeService();
  await svc.postFinding('exempelby', { ...item('a').body, severity: 3 });
  const after = await syncItems([item('a'), item('bb')], svc);
  assert.equal(after[0].state, 'conflict');
  assert.match(after[0].message, /other content/);
  assert.equal(after[1].state, 'synced');
});

test('the connection dropping mid-round leaves the unsent findings queued', async () => {
  const svc = fakeService();
  const flaky = { ...svc, postFinding: async (ws, b) => { if (b.id === 'bb') throw new TypeError('offline'); return svc.postFinding(ws, b); } };
  const after = await syncItems([item('a'), item('bb'), item('ccc')], flaky);
  assert.deepEqual(after.map((i) => i.state), ['synced', 'pending', 'pending']);
});

test('the finding body leaves out an empty note and stop', () => {
  const b = findingBody({ id: 'x', walkId: 'w', stop: undefined, category: 'other', severity: 1, note: '  ', location: [12, 57], recordedBy: '', recordedAt: 't' });
  assert.deepEqual(b, { id: 'x', location: [12, 57], walkId: 'w', category: 'other', severity: 1, recordedAt: 't' });
});
