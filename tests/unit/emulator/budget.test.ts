// The SharePoint budget's arithmetic, without HTTP: costs by kind of call, limits by licence band,
// fixed windows, the tenant-wide limit shared by apps.
import { Budget, classifyGraphRequest, limitsForLicences } from '../../../dev/graph-emulator/budget';
import type { Principal } from '../../../dev/graph-emulator/context';
import { ALL_USERS, SEED, TENANT_ID } from '../../../dev/graph-emulator/seed';

const site = '/sites/gemeente-voorbeeld.sharepoint.com,a,b';
const q = (s = '') => new URLSearchParams(s);

function principal(appId = 'app', user = SEED.users.facilitator): Principal {
  return { user, tenantId: TENANT_ID, appId, scopes: new Set(), audience: 'graph' };
}

describe('the kind of a Graph request', () => {
  it.each([
    ['GET', site, '', 'singleItem'],
    ['GET', `${site}/lists`, '', 'multiItemQuery'],
    ['GET', `${site}/lists/Items`, '', 'singleItem'],
    ['GET', `${site}/lists/l1/columns`, '', 'multiItemQuery'],
    ['GET', `${site}/lists/l1/items`, '$expand=fields', 'multiItemQuery'],
    ['GET', `${site}/lists/l1/items/7`, '', 'singleItem'],
    ['GET', `${site}/lists/l1/items/7/fields`, '', 'singleItem'],
    ['PATCH', `${site}/lists/l1/items/7/fields`, '', 'write'],
    ['POST', `${site}/lists/l1/items`, '', 'write'],
    ['DELETE', `${site}/lists/l1/items/7`, '', 'write'],
    ['GET', `${site}/lists/l1/items/delta`, '', 'multiItemQuery'],
    ['GET', `${site}/lists/l1/items/delta`, 'token=abc', 'deltaWithToken'],
    ['GET', `${site}/permissions`, '', 'permission'],
    ['GET', `${site}/lists/l1/items/7`, '$expand=fields,permissions', 'permission'],
    ['GET', '/me', '', 'directory'],
    ['GET', '/groups/g/members', '', 'directory'],
    ['POST', '/planner/tasks', '', 'planner'],
    ['GET', '/groups/g/planner/plans', '', 'planner'],
  ])('%s %s?%s is %s', (method, path, query, kind) => {
    expect(classifyGraphRequest(method, path, q(query))).toBe(kind);
  });
});

describe('the limits of a tenant', () => {
  it.each([
    [1, 1250, 1_200_000],
    [1000, 1250, 1_200_000],
    [1001, 2500, 2_400_000],
    [5000, 2500, 2_400_000],
    [5001, 3750, 3_600_000],
    [15_001, 5000, 4_800_000],
    [50_000, 5000, 4_800_000],
    [50_001, 6250, 6_000_000],
  ])('with %i licences: %i RU a minute and %i a day per app', (licences, perMinute, perDay) => {
    expect(limitsForLicences(licences)).toMatchObject({ appRuPerMinute: perMinute, appRuPerDay: perDay, userRequestsPer5Minutes: 3000 });
  });
});

describe('the meter', () => {
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const budget = () => new Budget({ now: () => new Date(clock) });
  beforeEach(() => {
    clock = Date.parse('2026-03-02T09:00:00.000Z');
  });

  it('answers Retry-After 60 at the first second of a full minute, and 1 in its last', () => {
    const b = budget();
    for (let i = 0; i < 625; i++) expect(b.charge(principal(), 'multiItemQuery').throttled).toBeNull();
    expect(b.charge(principal(), 'singleItem').throttled).toEqual({ limit: 'appPerMinute', retryAfterSeconds: 60 });
    clock += 59_500;
    expect(b.charge(principal(), 'singleItem').throttled).toEqual({ limit: 'appPerMinute', retryAfterSeconds: 1 });
    clock += 500;
    expect(b.charge(principal(), 'singleItem').throttled).toBeNull();
  });

  it('gives every app its own minute, but all apps of the tenant share 18,750 RU per 5 minutes', () => {
    const b = budget();
    // Spread over people, so nobody reaches their own 3,000 requests.
    const person = (i: number) => ALL_USERS[i % ALL_USERS.length] ?? SEED.users.facilitator;
    for (let app = 0; app < 15; app++) for (let i = 0; i < 625; i++) expect(b.charge(principal(`app-${app}`, person(i)), 'write').throttled).toBeNull();
    expect(b.charge(principal('app-15'), 'singleItem').throttled).toEqual({ limit: 'tenantPer5Minutes', retryAfterSeconds: 300 });
  });

  it('charges nothing for directory and Planner calls and never throttles them', () => {
    const b = budget();
    for (let i = 0; i < 625; i++) b.charge(principal(), 'write');
    expect(b.charge(principal(), 'directory')).toMatchObject({ ru: 0, throttled: null });
    expect(b.charge(principal(), 'planner')).toMatchObject({ ru: 0, throttled: null });
  });

  it('stops the app for the rest of the UTC day once its 1,200,000 daily RU are spent', () => {
    clock = Date.parse('2026-03-02T00:00:00.000Z');
    const b = budget();
    // 1,250 RU every minute (250 permission calls of 5 RU) for 960 minutes is the whole day's budget.
    for (let minute = 0; minute < 960; minute++) {
      for (let i = 0; i < 250; i++) b.charge(principal(), 'permission');
      clock += 60_000;
    }
    expect(b.usage().totals).toMatchObject({ ru: 1_200_000, throttled: 0 });
    // 16:00: a fresh minute, but the day is spent until midnight.
    expect(b.charge(principal(), 'singleItem').throttled).toEqual({ limit: 'appPerDay', retryAfterSeconds: 8 * 3600 });
  });
});
