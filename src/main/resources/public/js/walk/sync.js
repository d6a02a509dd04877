// Sends queued findings to the service, idempotently: each finding carries the id the phone gave
// it, so a finding sent twice (a lost answer, a second tap on "send") is stored once; the service
// answers 201 the first time and 200 after. A different finding under a stored id is a conflict
// (409): it is kept on the phone with the service's explanation and shown, never dropped. A lost
// connection stops the round and leaves the rest queued.
//
// Items: { id, ws, body, photo?: Blob, photoId?, photoSent?, state: 'pending'|'synced'|'conflict',
// message? }. The client does the HTTP: postFinding(ws, body) and putPhoto(ws, findingId, photoId,
// blob) each resolve to { status, problem } and reject when there is no connection.

/** One round over the items; returns the items with their new states, in the same order. */
export async function syncItems(items, client) {
  const out = [];
  let offline = false;
  for (const item of items) {
    if (offline || item.state !== 'pending') {
      out.push(item);
      continue;
    }
    try {
      out.push(await syncOne(item, client));
    } catch (e) {
      offline = true;
      out.push(item);
    }
  }
  return out;
}

async function syncOne(item, client) {
  let current = item;
  if (!current.findingSent) {
    const r = await client.postFinding(current.ws, current.body);
    if (r.status === 409 || (r.status >= 400 && r.status < 500)) {
      return { ...current, state: 'conflict', message: problemText(r) };
    }
    if (r.status !== 200 && r.status !== 201) {
      return { ...current, message: problemText(r) };
    }
    current = { ...current, findingSent: true };
  }
  if (current.photo && !current.photoSent) {
    const r = await client.putPhoto(current.ws, current.id, current.photoId, current.photo);
    if (r.status >= 400 && r.status < 500) {
      return { ...current, state: 'conflict', message: `Fotot: ${problemText(r)}` };
    }
    if (r.status !== 200 && r.status !== 201) {
      return { ...current, message: problemText(r) };
    }
    current = { ...current, photoSent: true };
  }
  return { ...current, state: 'synced', message: undefined };
}

function problemText(r) {
  return r.problem?.detail ?? r.problem?.title ?? `HTTP ${r.status}`;
}

/** Counts by state, for the queue line. */
export function counts(items) {
  const c = { pending: 0, synced: 0, conflict: 0 };
  for (const i of items) c[i.state] = (c[i.state] ?? 0) + 1;
  return c;
}

/** The finding body the service takes, from what the form gathered. */
export function findingBody({ id, walkId, stop, category, severity, note, location, recordedBy, recordedAt }) {
  const body = { id, location, walkId, category, severity, recordedAt };
  if (stop) body.stop = stop;
  if (note && note.trim()) body.note = note.trim();
  if (recordedBy) body.recordedBy = recordedBy;
  return body;
}
