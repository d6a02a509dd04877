// IndexedDB for walk mode: the walks a phone has opened (with their map context) and the outbox of
// findings recorded on it, each under the id the phone made for it. Survives reloads and lost
// connections; nothing here leaves the phone until sync.js sends it.

const NAME = 'tryggkarta-walk';
const VERSION = 1;

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('walks')) db.createObjectStore('walks', { keyPath: 'key' });
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run(store, mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const result = work(tx.objectStore(store));
      tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The walk saved for workspace ws, or undefined. */
export function loadWalk(ws, walkId) {
  return run('walks', 'readonly', (s) => s.get(`${ws}/${walkId}`)).then((row) => row?.data);
}

export function saveWalk(ws, walkId, data) {
  return run('walks', 'readwrite', (s) => s.put({ key: `${ws}/${walkId}`, data }));
}

/** Every outbox item, oldest first. */
export async function outbox() {
  const all = await run('outbox', 'readonly', (s) => s.getAll());
  return (all ?? []).sort((a, b) => a.body.recordedAt.localeCompare(b.body.recordedAt));
}

export function putItem(item) {
  return run('outbox', 'readwrite', (s) => s.put(item));
}
