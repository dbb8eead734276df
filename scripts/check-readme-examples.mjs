#!/usr/bin/env node
// `pnpm docs:check [--filter TEXT] [--no-typecheck] [--timeout MS]`: runs the README examples.
//
// Every fenced block opened with ```ts runnable in a package's documentation (packages/*,
// apps/*, examples/* and bench: README.md and docs/*.md) is written to a temporary .ts file
// inside that package's directory (so `@servable/*` imports resolve through the workspace),
// type-checked with the package's own tsconfig.json, and run with
// `node --conditions=@servable/source --import tsx` under a timeout. A block passes when it
// type-checks and exits with code 0 (examples assert their claims with node:assert).
// Failures name the file and the line of the block's opening fence. The closing line is
// `README examples: N ok, M failed`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { values: options } = parseArgs({
  options: {
    filter: { type: 'string', multiple: true },
    'no-typecheck': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '120000' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (options.help) {
  console.log('Usage: node scripts/check-readme-examples.mjs [--filter TEXT]... [--no-typecheck]');
  console.log('       [--timeout MS]   (per block; default 120000)');
  process.exit(0);
}
const timeoutMs = Number(options.timeout);
if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) {
  console.error(
    `--timeout must be a positive integer of milliseconds, found "${options.timeout}".`,
  );
  process.exit(2);
}
const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*(\S*)(.*)$/;
const RUNNABLE_LANGS = new Set(['ts', 'typescript']);
const PREFIX = `.readme-example-${process.pid}-`;

/** The documentation files to scan, with the package directory their examples run in. */
function documents() {
  const found = [];
  const packageDirs = [];
  for (const group of ['packages', 'apps', 'examples']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const dir of readdirSync(base).sort()) packageDirs.push(join(base, dir));
  }
  packageDirs.push(join(root, 'bench'));
  for (const pkg of packageDirs) {
    if (!existsSync(join(pkg, 'package.json'))) continue;
    const readme = join(pkg, 'README.md');
    if (existsSync(readme)) found.push({ file: readme, pkg });
    const docs = join(pkg, 'docs');
    if (existsSync(docs)) {
      for (const name of readdirSync(docs).sort()) {
        if (name.endsWith('.md')) found.push({ file: join(docs, name), pkg });
      }
    }
  }
  const filters = options.filter ?? [];
  return found.filter(
    (d) => filters.length === 0 || filters.some((f) => relative(root, d.file).includes(f)),
  );
}

/** The ```ts runnable blocks of one markdown file: `{ line, code }`, line of the opening fence. */
function runnableBlocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang, rest] = open;
    const end = lines.findIndex(
      (l, j) => j > i && l.trim().startsWith(fence) && l.trim().replace(/[`~]/g, '') === '',
    );
    const close = end === -1 ? lines.length : end;
    const words = rest.trim().split(/\s+/);
    if (RUNNABLE_LANGS.has(lang) && words.includes('runnable')) {
      const code = lines
        .slice(i + 1, close)
        .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
        .join('\n');
      blocks.push({ line: i + 1, code });
    }
    i = close;
  }
  return blocks;
}

/** Runs a command; resolves `{ code, output, timedOut }` (stdout and stderr interleaved). */
function run(command, args, cwd, limitMs) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    let output = '';
    const append = (chunk) => {
      output += chunk;
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL'); // the example and anything it started
      } catch {
        child.kill('SIGKILL');
      }
    }, limitMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output, timedOut });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 1, output: `${output}${error.message}\n`, timedOut });
    });
  });
}

/** Runs `tasks` (functions returning promises) with at most `limit` at once. */
async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Rewrites `<temp file>:line[:col]` in a stack trace to the README's own line numbers. */
function toReadmePositions(text, ex) {
  const escaped = ex.tempFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const where = relative(root, ex.file);
  return text.replace(new RegExp(`(?:file://)?${escaped}(?::(\\d+))?`, 'g'), (_, line) =>
    line ? `${where}:${ex.line + Number(line)}` : where,
  );
}

const tail = (text, n = 40) => text.trimEnd().split('\n').slice(-n).join('\n');
const indent = (text) => text.replace(/^/gm, '    ');

const written = [];
function cleanUp() {
  for (const file of written) rmSync(file, { force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

const examples = [];
for (const doc of documents()) {
  for (const block of runnableBlocks(doc.file)) {
    const n = examples.length;
    const tempFile = join(doc.pkg, `${PREFIX}${n}.ts`);
    examples.push({
      ...doc,
      ...block,
      tempFile,
      label: `${relative(root, doc.file)}:${block.line}`,
    });
  }
}

let ok = 0;
let failed = 0;
try {
  for (const ex of examples) {
    // `export {}` keeps a block without imports a module (top-level await, isolatedModules).
    writeFileSync(ex.tempFile, `${ex.code}\nexport {};\n`);
    written.push(ex.tempFile);
  }

  // 1. Type-check, one tsc per package, with the package's own compiler options.
  const typeErrors = new Map(); // tempFile → error lines
  if (!options['no-typecheck']) {
    const byPackage = new Map();
    for (const ex of examples) byPackage.set(ex.pkg, [...(byPackage.get(ex.pkg) ?? []), ex]);
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    await pool(
      [...byPackage].map(([pkg, list]) => async () => {
        const config = join(pkg, `${PREFIX}tsconfig.json`);
        written.push(config);
        const base = existsSync(join(pkg, 'tsconfig.json'))
          ? './tsconfig.json'
          : relative(pkg, join(root, 'tsconfig.base.json'));
        writeFileSync(
          config,
          JSON.stringify({
            extends: base,
            compilerOptions: { noEmit: true, incremental: false, composite: false },
            include: list.map((ex) => relative(pkg, ex.tempFile)),
          }),
        );
        const result = await run(
          process.execPath,
          [tsc, '-p', config, '--pretty', 'false'],
          pkg,
          Math.max(timeoutMs, 300_000),
        );
        if (result.code === 0) return;
        let matched = false;
        for (const line of result.output.split('\n')) {
          const m = /^(.*?)\((\d+),(\d+)\): (error .*)$/.exec(line);
          const ex = m && list.find((e) => join(pkg, m[1]) === e.tempFile);
          if (!m || !ex) continue;
          matched = true;
          const where = `${relative(root, ex.file)}:${ex.line + Number(m[2])}:${m[3]}`;
          const errors = typeErrors.get(ex.tempFile) ?? [];
          errors.push(`${where} ${m[4]}`);
          typeErrors.set(ex.tempFile, errors);
        }
        if (!matched) {
          // tsc failed outside the examples (a broken package): blame every block of it.
          const why = result.timedOut ? 'tsc timed out' : tail(result.output);
          for (const ex of list) typeErrors.set(ex.tempFile, [why]);
        }
      }),
      availableParallelism(),
    );
  }

  // 2. Run every block that type-checked.
  const results = await pool(
    examples.map((ex) => async () => {
      const errors = typeErrors.get(ex.tempFile);
      if (errors) return { ex, ok: false, why: 'does not type-check', detail: errors.join('\n') };
      const started = Date.now();
      const result = await run(
        process.execPath,
        ['--conditions=@servable/source', '--import', 'tsx', ex.tempFile],
        ex.pkg,
        timeoutMs,
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (result.timedOut) {
        return {
          ex,
          ok: false,
          why: `timed out after ${timeoutMs} ms`,
          detail: tail(result.output),
        };
      }
      if (result.code !== 0) {
        return {
          ex,
          ok: false,
          why: `exited with code ${result.code}`,
          detail: tail(result.output),
        };
      }
      return { ex, ok: true, why: `${seconds} s` };
    }),
    Math.max(1, Math.min(4, availableParallelism())),
  );

  for (const r of results) {
    if (r.ok) {
      ok++;
      console.log(`ok    ${r.ex.label} (${r.why})`);
    } else {
      failed++;
      console.log(`FAIL  ${r.ex.label}: the block at this line ${r.why}`);
      console.log(indent(toReadmePositions(r.detail, r.ex)));
    }
  }
} finally {
  cleanUp();
}

if (ok + failed === 0) {
  console.log('README examples: 0 ok, 0 failed (no ```ts runnable block found)');
  process.exit(1);
}
console.log(`README examples: ${ok} ok, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
