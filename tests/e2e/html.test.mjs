// Valid HTML: the Nu Html Checker (npm vnu-jar, run with Java) finds no error on any built page:
// no message of any kind, and an exit status of 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { builtPages, bookDir } from './site.mjs';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

test('the Nu Html Checker finds no error on any page', () => {
  const pages = builtPages().map((page) => join(bookDir, page));
  // vnu writes its JSON report to stderr, and exits 1 when it finds errors.
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8' });
  assert.ifError(run.error); // no Java: `cargo xtask test` installs it, or says which package to install
  const report = run.stderr;
  // Every message counts, not only errors in a document: "non-document-error" is a file the
  // checker could not read or parse at all.
  const messages = JSON.parse(report).messages
    .map((m) => `${m.type}: ${(m.url ?? '').split('/').pop()}:${m.lastLine ?? '?'}: ${m.message}`);
  console.log(`vnu: ${pages.length} pages, ${messages.length} messages, exit status ${run.status}`);
  assert.deepEqual(messages, []);
  assert.equal(run.status, 0, `the checker exited with status ${run.status}`);
});
