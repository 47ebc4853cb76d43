const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { PROJECT_ROOT } = require('./wx-shim');
const documents = require('../api/documents');
const sync = require('../scripts/sync-api');

const { buildRegistry, render, readApiFiles, diffRegistries, loadRegistrySource, SyncApiError } = sync;

const API_DIR = path.join(PROJECT_ROOT, '..', 'api');
const DOCUMENTS_FILE = path.join(PROJECT_ROOT, 'api', 'documents.js');
const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'sync-api.js');

// Found independently of the script's parser: every `query|mutation|subscription Name` at a line start.
function operationsInApiDir() {
  const names = [];
  for (const file of fs.readdirSync(API_DIR).filter((f) => f.endsWith('.graphql'))) {
    const source = fs.readFileSync(path.join(API_DIR, file), 'utf8');
    for (const m of source.matchAll(/^(query|mutation|subscription)\s+(\w+)/gm)) names.push(m[2]);
  }
  return names.sort();
}

// --- (a) the checked-in registry is what ../api generates -------------------------------------

test('api/documents.js is up to date with ../api/*.graphql (run `npm run sync-api` if this fails)', () => {
  assert.equal(sync.API_DIR, API_DIR);
  assert.equal(sync.OUTPUT_FILE, DOCUMENTS_FILE);
  const registry = buildRegistry(readApiFiles(API_DIR));
  const onDisk = fs.readFileSync(DOCUMENTS_FILE, 'utf8');
  const expected = render(registry);
  if (onDisk !== expected) {
    const differences = diffRegistries(loadRegistrySource(onDisk), registry);
    assert.fail(
      'api/documents.js is out of date with ../api/*.graphql; run `npm run sync-api` in miniprogram-stub/.\n  ' +
        (differences.length ? differences.join('\n  ') : '(file text differs, e.g. hand edits)')
    );
  }
  // And the loaded module is that registry.
  assert.deepEqual({ ...documents }, { ...registry });
});

test('the generated file says it is generated and must not be edited', () => {
  const onDisk = fs.readFileSync(DOCUMENTS_FILE, 'utf8');
  assert.match(onDisk.split('\n')[0], /^\/\/ GENERATED from api\/\*\.graphql by `npm run sync-api` -- DO NOT EDIT\.$/);
});

test('package.json has the sync-api script', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.scripts['sync-api'], 'node scripts/sync-api.js');
});

test('`sync-api --check` passes on the repository and writes nothing', () => {
  const before = fs.statSync(DOCUMENTS_FILE).mtimeMs;
  const result = spawnSync(process.execPath, [SCRIPT, '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /up to date/);
  assert.equal(fs.statSync(DOCUMENTS_FILE).mtimeMs, before);
});

// --- (b) fragment resolution ---------------------------------------------------------------------

test('fragments are resolved transitively, each included once, depth-first in order of first appearance', () => {
  const registry = buildRegistry({
    'Feed.graphql': [
      '# A comment line that is stripped.',
      '# And another.',
      'query Feed {',
      '  feed {',
      '    ...Outer',
      '    ... on Post { title }',
      '    ...on Photo { url }',
      '    ... @include(if: true) { id }',
      '    ...Second',
      '  }',
      '}',
      ''
    ].join('\n'),
    'Outer.graphql': '# outer\nfragment Outer on Item {\n  ...Leaf\n  ...Second\n}\n',
    'Second.graphql': 'fragment Second on Item {\n  ...Leaf\n  ...Leaf\n}\n',
    'Leaf.graphql': 'fragment Leaf on Item {\n  id\n}\n',
    'Unused.graphql': 'fragment Unused on Item {\n  id\n}\n',
    'Plain.graphql': '\r\n# CRLF file\r\nmutation Plain($input: PlainInput = {a: {b: 1}}) {\r\n  plain(input: $input) { ok }\r\n}\r\n'
  });

  assert.deepEqual(Object.keys(registry), ['Feed', 'Plain']);
  assert.ok(Object.isFrozen(registry));
  assert.equal(
    registry.Feed,
    [
      'query Feed {\n  feed {\n    ...Outer\n    ... on Post { title }\n    ...on Photo { url }\n' +
        '    ... @include(if: true) { id }\n    ...Second\n  }\n}',
      'fragment Outer on Item {\n  ...Leaf\n  ...Second\n}',
      'fragment Leaf on Item {\n  id\n}',
      'fragment Second on Item {\n  ...Leaf\n  ...Leaf\n}'
    ].join('\n\n') + '\n'
  );
  assert.equal(registry.Plain, 'mutation Plain($input: PlainInput = {a: {b: 1}}) {\n  plain(input: $input) { ok }\n}\n');
});

test('comments and strings that look like spreads or definitions are ignored', () => {
  const registry = buildRegistry({
    'Search.graphql':
      'query Search {\n  # ...NotAFragment }\n  search(text: "...AlsoNot } {", more: """\n...Nope }\n""") { id }\n}\n'
  });
  assert.deepEqual(Object.keys(registry), ['Search']);
  assert.doesNotMatch(registry.Search, /^fragment/m);
});

test('rendering is deterministic, sorted and round-trips through the generated module', () => {
  const files = {
    'B.graphql': 'query B { b(s: "`${x}` \\\\ done") }\n',
    'A.graphql': 'query A { a }\n'
  };
  const reversed = Object.fromEntries(Object.entries(files).reverse());
  const source = render(buildRegistry(files));
  assert.equal(render(buildRegistry(reversed)), source);
  assert.ok(source.indexOf('  A: ') < source.indexOf('  B: '));
  const loaded = loadRegistrySource(source);
  assert.ok(Object.isFrozen(loaded));
  assert.deepEqual({ ...loaded }, { ...buildRegistry(files) });
  assert.equal(loaded.B, 'query B { b(s: "`${x}` \\\\ done") }\n');
});

// --- (c) invalid input ---------------------------------------------------------------------------

test('a spread of an unknown fragment is an error', () => {
  assert.throws(
    () => buildRegistry({ 'Q.graphql': 'query Q {\n  ...Missing\n}\n' }),
    (err) => err instanceof SyncApiError && /unknown fragment "\.\.\.Missing"/.test(err.message) && /Q\.graphql/.test(err.message)
  );
  // Also when the unknown spread is nested inside another fragment.
  assert.throws(
    () =>
      buildRegistry({
        'Q.graphql': 'query Q { ...F }\n',
        'F.graphql': 'fragment F on T { ...Gone }\n'
      }),
    (err) => err instanceof SyncApiError && /unknown fragment "\.\.\.Gone"/.test(err.message) && /fragment F/.test(err.message)
  );
});

test('the same name defined in two files, fragment cycles and anonymous operations are errors', () => {
  assert.throws(
    () => buildRegistry({ 'A.graphql': 'query Same { a }\n', 'B.graphql': 'query Same { b }\n' }),
    /duplicate operation "Same" defined in A\.graphql and B\.graphql/
  );
  assert.throws(
    () => buildRegistry({ 'F.graphql': 'fragment F on T { id }\n', 'G.graphql': 'fragment F on T { id }\n' }),
    /duplicate fragment "F" defined in F\.graphql and G\.graphql/
  );
  assert.throws(
    () =>
      buildRegistry({
        'Q.graphql': 'query Q { ...A }\n',
        'A.graphql': 'fragment A on T { ...B }\n',
        'B.graphql': 'fragment B on T { ...A }\n'
      }),
    /fragment cycle: A -> B -> A/
  );
  assert.throws(() => buildRegistry({ 'Q.graphql': '{ a }\n' }), /anonymous query/);
  assert.throws(() => buildRegistry({ 'Q.graphql': 'mutation ($x: Int) { a }\n' }), /anonymous mutation/);
  assert.throws(() => buildRegistry({ 'Q.graphql': 'query Q { a \n' }), /unterminated query Q/);
});

test('the command line exits non-zero on invalid input and on a stale file, and --check never writes', () => {
  // A scratch copy laid out like the repository: <root>/api and <root>/miniprogram-stub/scripts.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-api-'));
  try {
    const apiDir = path.join(root, 'api');
    const stub = path.join(root, 'miniprogram-stub');
    fs.mkdirSync(apiDir);
    fs.mkdirSync(path.join(stub, 'scripts'), { recursive: true });
    fs.mkdirSync(path.join(stub, 'api'));
    fs.copyFileSync(SCRIPT, path.join(stub, 'scripts', 'sync-api.js'));
    const run = (...args) =>
      spawnSync(process.execPath, [path.join(stub, 'scripts', 'sync-api.js'), ...args], { encoding: 'utf8' });
    const output = path.join(stub, 'api', 'documents.js');

    fs.writeFileSync(path.join(apiDir, 'Q.graphql'), '# Q\nquery Q { ...F }\n');
    fs.writeFileSync(path.join(apiDir, 'F.graphql'), 'fragment F on T { id }\n');

    let result = run('--check');
    assert.equal(result.status, 1);
    assert.equal(fs.existsSync(output), false);

    result = run();
    assert.equal(result.status, 0, result.stderr);
    assert.equal(fs.readFileSync(output, 'utf8'), render({ Q: 'query Q { ...F }\n\nfragment F on T { id }\n' }));
    assert.equal(run('--check').status, 0);

    // Editing api/ without syncing: --check names the operations that differ and leaves the file alone.
    const generated = fs.readFileSync(output, 'utf8');
    fs.writeFileSync(path.join(apiDir, 'F.graphql'), 'fragment F on T { id name }\n');
    fs.writeFileSync(path.join(apiDir, 'R.graphql'), 'query R { r }\n');
    result = run('--check');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Q: document text differs/);
    assert.match(result.stderr, /R: missing from api\/documents\.js/);
    assert.equal(fs.readFileSync(output, 'utf8'), generated);

    // Invalid input: non-zero exit with a clear message, nothing written.
    fs.writeFileSync(path.join(apiDir, 'Q.graphql'), 'query Q { ...Nope }\n');
    result = run();
    assert.equal(result.status, 2);
    assert.match(result.stderr, /sync-api: unknown fragment "\.\.\.Nope"/);
    assert.equal(fs.readFileSync(output, 'utf8'), generated);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// --- (d) the registry covers ../api exactly ------------------------------------------------------

test('every operation in ../api is registered, and each entry is exactly the operation named by its key', () => {
  const operations = operationsInApiDir();
  assert.ok(operations.length > 0);
  assert.deepEqual(Object.keys(documents).sort(), operations);
  assert.ok(Object.isFrozen(documents));

  for (const [name, text] of Object.entries(documents)) {
    const defined = [...text.matchAll(/^(query|mutation|subscription)\s+(\w+)/gm)].map((m) => m[2]);
    assert.deepEqual(defined, [name], name + ' must define exactly the operation named ' + name);
    assert.ok(text.startsWith(text.match(/^(query|mutation|subscription)\s/)[0]), name + ' must start with its operation');
    assert.doesNotMatch(text, /^#/m, name + ' must not carry the leading comment lines');

    const fragments = [...text.matchAll(/^fragment\s+(\w+)/gm)].map((m) => m[1]);
    assert.equal(new Set(fragments).size, fragments.length, name + ' must include each fragment once');
    const spreads = new Set([...text.matchAll(/\.\.\.\s*(\w+)/g)].map((m) => m[1]).filter((s) => s !== 'on'));
    assert.deepEqual([...fragments].sort(), [...spreads].sort(), name + ' must define exactly the fragments it spreads');
  }
});
