import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The glue (main.js) only runs in a browser, so it has no unit tests; at least every module of the
// page must parse as an ES module (copied to .mjs, which node --check reads as a module).
const root = fileURLToPath(new URL('../../main/resources/public/js/', import.meta.url));

function modules(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : name.endsWith('.js') ? [path] : [];
  });
}

test('every module of the web map parses as an ES module', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'tryggkarta-js-'));
  try {
    const files = modules(root);
    assert.ok(files.some((f) => f.endsWith('main.js')));
    files.forEach((file, k) => {
      const copy = join(scratch, `${k}.mjs`);
      copyFileSync(file, copy);
      const r = spawnSync(process.execPath, ['--check', copy], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${file}: ${r.stderr}`);
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
