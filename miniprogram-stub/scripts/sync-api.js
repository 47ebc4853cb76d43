#!/usr/bin/env node
// Generates api/documents.js (operation name -> self-contained document text)
// from the canonical GraphQL operation documents in the server repository's
// api/*.graphql.
//
//   npm run sync-api              regenerate api/documents.js
//   npm run sync-api -- --check   exit 1 if api/documents.js is out of date (writes nothing)
//
// Every named operation (query / mutation / subscription) becomes one entry:
// the operation text followed by each fragment it spreads, transitively, exactly
// once (depth-first, in order of first appearance). Leading `#` comment lines are
// dropped. Invalid input (unknown fragment, duplicate name, fragment cycle,
// anonymous operation, unbalanced braces) exits with status 2.
//
// Node built-ins only; the pure functions are exported for the tests.

'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const API_DIR = path.join(__dirname, '..', '..', 'api');
const OUTPUT_FILE = path.join(__dirname, '..', 'api', 'documents.js');

const OPERATION_KEYWORDS = ['query', 'mutation', 'subscription'];

class SyncApiError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SyncApiError';
  }
}

const isNameStart = (c) => /[_A-Za-z]/.test(c);
const isNameChar = (c) => /[_0-9A-Za-z]/.test(c);

/**
 * Splits GraphQL source into lexical tokens, skipping whitespace, commas,
 * comments and string contents. Each token is { kind, value, start, end }
 * where kind is 'name', 'punct', 'spread' or 'string'.
 */
function tokenize(source, file) {
  const tokens = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === '#') {
      while (i < n && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === '\ufeff') {
      i++;
    } else if (source.startsWith('"""', i)) {
      const start = i;
      i += 3;
      while (i < n && !source.startsWith('"""', i)) {
        i += source.startsWith('\\"""', i) ? 4 : 1;
      }
      if (i >= n) throw new SyncApiError(file + ': unterminated block string');
      i += 3;
      tokens.push({ kind: 'string', value: source.slice(start, i), start, end: i });
    } else if (c === '"') {
      const start = i;
      i++;
      while (i < n && source[i] !== '"') {
        if (source[i] === '\n' || source[i] === '\r') throw new SyncApiError(file + ': unterminated string');
        i += source[i] === '\\' ? 2 : 1;
      }
      if (i >= n) throw new SyncApiError(file + ': unterminated string');
      i++;
      tokens.push({ kind: 'string', value: source.slice(start, i), start, end: i });
    } else if (source.startsWith('...', i)) {
      tokens.push({ kind: 'spread', value: '...', start: i, end: i + 3 });
      i += 3;
    } else if (isNameStart(c)) {
      const start = i;
      while (i < n && isNameChar(source[i])) i++;
      tokens.push({ kind: 'name', value: source.slice(start, i), start, end: i });
    } else {
      // Numbers and other punctuators: one character at a time is enough here.
      tokens.push({ kind: 'punct', value: c, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/**
 * Parses the top-level definitions of one .graphql file.
 * Returns [{ kind: 'operation'|'fragment', type, name, text, spreads, file }],
 * where text runs from the definition keyword to its closing brace (so leading
 * comment lines are not part of it) and spreads lists the named fragment
 * spreads in order of appearance (inline fragments `... on T` are ignored).
 */
function parseDefinitions(source, file) {
  const text = String(source).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const tokens = tokenize(text, file);
  const definitions = [];
  let t = 0;
  while (t < tokens.length) {
    const head = tokens[t];
    let kind;
    let type;
    let name = null;
    if (head.kind === 'punct' && head.value === '{') {
      throw new SyncApiError(file + ': anonymous query ("{ ... }"); every operation in api/ must be named');
    } else if (head.kind === 'name' && OPERATION_KEYWORDS.includes(head.value)) {
      kind = 'operation';
      type = head.value;
      const next = tokens[t + 1];
      if (!next || next.kind !== 'name') {
        throw new SyncApiError(file + ': anonymous ' + head.value + '; every operation in api/ must be named');
      }
      name = next.value;
    } else if (head.kind === 'name' && head.value === 'fragment') {
      kind = 'fragment';
      type = 'fragment';
      const next = tokens[t + 1];
      if (!next || next.kind !== 'name' || next.value === 'on') {
        throw new SyncApiError(file + ': fragment without a name');
      }
      name = next.value;
    } else {
      throw new SyncApiError(
        file + ': expected a query, mutation, subscription or fragment definition, found "' + head.value + '"'
      );
    }
    if (name.startsWith('__')) {
      throw new SyncApiError(file + ': ' + type + ' ' + name + ': names starting with "__" are reserved');
    }

    // Walk to the brace that closes the selection set. Braces inside
    // parentheses (object values in arguments / variable defaults) never end
    // the definition.
    let braces = 0;
    let parens = 0;
    let end = -1;
    const spreads = [];
    for (t += 2; t < tokens.length; t++) {
      const tok = tokens[t];
      if (tok.kind === 'punct') {
        if (tok.value === '(') parens++;
        else if (tok.value === ')') parens--;
        else if (tok.value === '{') braces++;
        else if (tok.value === '}') {
          braces--;
          if (braces < 0) throw new SyncApiError(file + ': unbalanced "}" in ' + type + ' ' + name);
          if (braces === 0 && parens === 0) {
            end = tok.end;
            t++;
            break;
          }
        }
      } else if (tok.kind === 'spread') {
        const target = tokens[t + 1];
        // `...Name` is a fragment spread; `... on T` / `... @dir` / `... {` are inline fragments.
        if (target && target.kind === 'name' && target.value !== 'on') spreads.push(target.value);
      }
    }
    if (end < 0) throw new SyncApiError(file + ': unterminated ' + type + ' ' + name + ' (missing "}")');
    definitions.push({ kind, type, name, text: text.slice(head.start, end), spreads, file });
  }
  return definitions;
}

function normalizeFiles(files) {
  const list = Array.isArray(files)
    ? files.map((f) => ({ file: f.file, source: f.source }))
    : Object.keys(files).map((file) => ({ file, source: files[file] }));
  return list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Builds the registry from api files, given as [{ file, source }] or as an
 * object { fileName: source }. Returns a frozen object mapping each operation
 * name to "operation\n\nfragment A ...\n\nfragment B ...\n". Throws
 * SyncApiError for invalid input.
 */
function buildRegistry(files) {
  const operations = new Map();
  const fragments = new Map();
  for (const { file, source } of normalizeFiles(files)) {
    for (const def of parseDefinitions(source, file)) {
      const table = def.kind === 'operation' ? operations : fragments;
      const label = def.kind === 'operation' ? 'operation' : 'fragment';
      if (table.has(def.name)) {
        const other = table.get(def.name).file;
        throw new SyncApiError(
          'duplicate ' + label + ' "' + def.name + '" defined in ' + other + (other === file ? ' twice' : ' and ' + file)
        );
      }
      table.set(def.name, def);
    }
  }

  const registry = {};
  for (const name of [...operations.keys()].sort()) {
    const operation = operations.get(name);
    const needed = [];
    const seen = new Set();
    const visit = (spreads, owner, stack) => {
      for (const spread of spreads) {
        const fragment = fragments.get(spread);
        if (!fragment) {
          throw new SyncApiError(
            'unknown fragment "...' + spread + '" spread in ' + owner + ' (' + operation.file + ' needs ' + spread +
              '; is api/' + spread + '.graphql missing?)'
          );
        }
        if (stack.includes(spread)) {
          throw new SyncApiError('fragment cycle: ' + stack.concat(spread).join(' -> '));
        }
        if (seen.has(spread)) continue;
        seen.add(spread);
        needed.push(fragment);
        visit(fragment.spreads, 'fragment ' + spread + ' (' + fragment.file + ')', stack.concat(spread));
      }
    };
    visit(operation.spreads, operation.type + ' ' + name + ' (' + operation.file + ')', []);
    registry[name] = [operation.text].concat(needed.map((f) => f.text)).join('\n\n') + '\n';
  }
  return Object.freeze(registry);
}

function templateLiteral(text) {
  return '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

const HEADER = [
  '// GENERATED from api/*.graphql by `npm run sync-api` -- DO NOT EDIT.',
  '//',
  '// GraphQL 操作登记表：客户端只允许发送这里登记过的文档（操作名 -> 文档全文）。',
  '// Each entry is self-contained: the operation followed by every fragment it',
  '// spreads (transitively, once each). To change the contract edit the server',
  "// repository's api/*.graphql and run `npm run sync-api` in miniprogram-stub/;",
  '// `npm test` fails while this file is out of date.',
  ''
].join('\n');

/** Renders the registry as the CommonJS source of api/documents.js. */
function render(registry) {
  const names = Object.keys(registry).sort();
  const entries = names.map((name) => '  ' + name + ': ' + templateLiteral(registry[name]));
  return (
    HEADER +
    '\n' +
    "'use strict';\n" +
    '\n' +
    '// Frozen so nothing at runtime can register an ad-hoc document.\n' +
    'module.exports = Object.freeze({' +
    (entries.length ? '\n' + entries.join(',\n\n') + '\n' : '') +
    '});\n'
  );
}

/** Reads every *.graphql file of dir as [{ file, source }], sorted by file name. */
function readApiFiles(dir) {
  let names;
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    throw new SyncApiError('cannot read the api directory ' + dir + ': ' + err.message);
  }
  const files = names
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, source: fs.readFileSync(path.join(dir, file), 'utf8') }));
  if (files.length === 0) throw new SyncApiError('no .graphql files in ' + dir);
  return files;
}

/** Loads a documents.js source without touching the require cache. */
function loadRegistrySource(source) {
  const module = { exports: {} };
  vm.runInNewContext(source, { module, exports: module.exports }, { filename: 'documents.js' });
  return module.exports;
}

/** Lists human-readable differences between two registries. */
function diffRegistries(current, expected) {
  const differences = [];
  const names = new Set(Object.keys(current).concat(Object.keys(expected)));
  for (const name of [...names].sort()) {
    const has = Object.prototype.hasOwnProperty.call(current, name);
    const wants = Object.prototype.hasOwnProperty.call(expected, name);
    if (!has) differences.push(name + ': missing from api/documents.js');
    else if (!wants) differences.push(name + ': in api/documents.js but not in api/*.graphql');
    else if (current[name] !== expected[name]) differences.push(name + ': document text differs');
  }
  return differences;
}

function main(argv) {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length) {
    console.error('sync-api: unknown argument(s): ' + unknown.join(' ') + ' (usage: sync-api [--check])');
    return 2;
  }
  let expectedSource;
  let registry;
  try {
    registry = buildRegistry(readApiFiles(API_DIR));
    expectedSource = render(registry);
  } catch (err) {
    if (!(err instanceof SyncApiError)) throw err;
    console.error('sync-api: ' + err.message);
    return 2;
  }

  const relativeOutput = path.relative(process.cwd(), OUTPUT_FILE) || OUTPUT_FILE;
  if (!check) {
    fs.writeFileSync(OUTPUT_FILE, expectedSource);
    console.log('sync-api: wrote ' + relativeOutput + ' (' + Object.keys(registry).length + ' operations)');
    return 0;
  }

  let currentSource = null;
  try {
    currentSource = fs.readFileSync(OUTPUT_FILE, 'utf8');
  } catch (err) {
    console.error('sync-api: ' + relativeOutput + ' does not exist; run `npm run sync-api`');
    return 1;
  }
  if (currentSource === expectedSource) {
    console.log('sync-api: ' + relativeOutput + ' is up to date');
    return 0;
  }
  let differences;
  try {
    differences = diffRegistries(loadRegistrySource(currentSource), registry);
  } catch (err) {
    differences = ['(cannot load the current file: ' + err.message + ')'];
  }
  if (differences.length === 0) differences = ['(same documents, but the file text differs, e.g. hand edits)'];
  console.error('sync-api: ' + relativeOutput + ' is out of date with api/*.graphql:');
  for (const d of differences) console.error('  ' + d);
  console.error('Run `npm run sync-api` in miniprogram-stub/ to regenerate it.');
  return 1;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

module.exports = {
  API_DIR,
  OUTPUT_FILE,
  SyncApiError,
  tokenize,
  parseDefinitions,
  buildRegistry,
  render,
  readApiFiles,
  loadRegistrySource,
  diffRegistries,
  main
};
