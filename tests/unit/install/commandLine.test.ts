// What a developer sees when Node is too old or a flag is mistyped: one sentence and the usage, an
// exit code that says so, and no stack trace.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function run(args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** scripts/checkNode.mjs as it runs on a Node that reports `version`. */
function checkNodeOn(version: string) {
  const script = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} }); await import(${JSON.stringify(path.join(ROOT, 'scripts/checkNode.mjs'))});`;
  return run(['--input-type=module', '-e', script]);
}

describe('the Node version check before npm start and npm test', () => {
  const engines = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

  it('package.json runs it first in both scripts', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/^node scripts\/checkNode\.mjs && /);
    expect(scripts.test).toMatch(/^node scripts\/checkNode\.mjs && /);
  });

  it.each(['20.18.3', '18.20.0', '16.0.0'])('refuses Node %s with one sentence naming the version it needs', (version) => {
    const { status, stderr } = checkNodeOn(version);
    expect(status).toBe(1);
    expect(stderr).toBe(`Gesprekstool heeft Node ${engines.replace('>=', '')} of nieuwer nodig (package.json, "engines"); dit is Node ${version}.\n`);
  });

  it.each(['20.19.0', '20.20.2', '22.0.0', '24.11.1'])('lets Node %s through without a word', (version) => {
    expect(checkNodeOn(version)).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});

const MALFORMED: [string, string[]][] = [['an unknown option', ['--bogus']], ['a port that is no number', ['--port', 'x']], ['a stray word', ['stray']]];

describe.each([
  ['npm start', ['scripts/start.mjs'], /^npm start \[-- opties\]/m, MALFORMED],
  // These two start through tsx, which costs seconds on a busy machine: one case each.
  ['npm run emulator', [require.resolve('tsx/cli'), 'dev/graph-emulator/main.ts'], /^usage: npm run emulator -- \[options\]$/m, MALFORMED.slice(1, 2)],
  ['npm run bench:load', [require.resolve('tsx/cli'), 'bench/load.ts'], /^npm run bench:load \[-- --dist \[dir\]\]/m, MALFORMED.slice(0, 1)],
])('%s with a bad argument', (_tool, command, usage, cases) => {
  it.each(cases)(
    'answers %s with one sentence and its usage, exit code 2, no stack trace',
    (_case, args) => {
      const { status, stdout, stderr } = run([...command, ...args]);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      const [sentence, blank] = stderr.split('\n');
      expect(sentence).toMatch(/^\S.*\.$/);
      expect(sentence).not.toMatch(/\.\s\S/);
      expect(blank).toBe('');
      expect(stderr).toMatch(usage);
      expect(stderr).not.toMatch(/^\s+at /m);
    },
    60_000,
  );
});
