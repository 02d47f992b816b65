import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ALLOWANCES } from '../strictTenantAllowances';

const ROOT = path.resolve(__dirname, '../..');
/** How a test turns a rule of the strict tenant off (emulator options, admin API, CLI). */
const TOLERANCES = {
  siteRoles: /enforceSiteRoles:\s*false|--site-roles\s+off/,
  itemLevelPermissions: /enforceItemLevelPermissions:\s*false|--item-level-permissions\s+off/,
  budget: /budget:\s*'off'|--budget\s+off/,
} as const;

function* testFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* testFiles(full);
    else if (/\.tsx?$/.test(name) && full !== __filename) yield full;
  }
}

describe('the strict tenant', () => {
  it('is what every test runs against, except the files listed with their reason in tests/strictTenantAllowances.ts', () => {
    const found: { file: string; tolerates: string[] }[] = [];
    for (const file of testFiles(path.join(ROOT, 'tests'))) {
      const text = readFileSync(file, 'utf8');
      const tolerates = Object.entries(TOLERANCES).filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
      if (tolerates.length > 0) found.push({ file: path.relative(ROOT, file), tolerates });
    }
    const listed = new Map(ALLOWANCES.map((a) => [a.file, new Set<string>(a.tolerates)]));
    const unlisted = found.filter(({ file, tolerates }) => tolerates.some((t) => !listed.get(file)?.has(t)));
    expect(unlisted).toEqual([]);
  });

  it('lists no allowance that is no longer used, so a removed tolerance leaves the list', () => {
    const stale = ALLOWANCES.filter((a) => {
      const text = readFileSync(path.join(ROOT, a.file), 'utf8');
      return a.tolerates.some((t) => !TOLERANCES[t].test(text));
    });
    expect(stale).toEqual([]);
  });
});
