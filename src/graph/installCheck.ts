// "Controleer de installatie": every permission the app needs, tried one by one on the chosen site
// and group, with the signed-in person's own token, so an owner learns before the meeting what to
// ask the administrator for. Nothing is written: each line is a read (or a token request) that
// needs the same scope and the same site role as what the app will do in the meeting.
// Scopes per endpoint: the "Permissions" table of each Graph API page (src/auth/scopes.ts).
import * as z from '../domain/zod';
import { SCOPES } from '../auth/scopes';
import type { GraphApi } from './client';
import type { TokenProvider } from './contracts';
import { GraphLayerError, NotFoundError, toGraphLayerError, type GraphErrorCode } from './errors';
import { ITEM_LEVEL, LIST_KINDS, LIST_TITLES, listPath } from './lists';
import { segment } from './odata';
import { sharePointScopes, type SharePointRest } from './sharePointRest';

import { CHECK_IDS, type CheckId } from './installCheckIds';

export { CHECK_IDS, type CheckId } from './installCheckIds';

/**
 * What a line found. `problem` says what stands in the way, for the UI's sentence:
 * a Graph layer error code (consentRequired, accessDenied, …), or one of the check's own findings.
 */
export type CheckProblem = GraphErrorCode | 'notOwner' | 'listsMissing' | 'notItemLevel' | 'noGroup';

export interface CheckLine {
  id: CheckId;
  /** ok: works; todo: not there yet, and Save will do it; fail: someone has to act; skipped: nothing to try. */
  outcome: 'ok' | 'todo' | 'fail' | 'skipped';
  /** The permission this line needs, as the administrator sees it in Entra ID. */
  scopes: readonly string[];
  problem: CheckProblem | null;
}

export interface InstallationTarget {
  siteId: string;
  siteUrl: string;
  /** The Microsoft 365 group for Planner; null when none is chosen yet. */
  groupId: string | null;
}

export interface InstallationChecker {
  check(target: InstallationTarget): Promise<CheckLine[]>;
}

const SiteSchema = z.object({ id: z.string().check(z.minLength(1)) });

function problemOf(err: unknown): CheckProblem {
  const typed = err instanceof GraphLayerError ? err : toGraphLayerError(err);
  return typed.code;
}

export function createInstallationChecker(options: { api: GraphApi; tokens: TokenProvider; sharePoint: SharePointRest }): InstallationChecker {
  const { api, tokens, sharePoint } = options;

  /** Runs one line; a thrown error becomes its problem, never the whole check's failure. */
  async function line(id: CheckId, scopes: readonly string[], run: () => Promise<Omit<CheckLine, 'id' | 'scopes'>>): Promise<CheckLine> {
    try {
      return { id, scopes, ...(await run()) };
    } catch (err) {
      return { id, scopes, outcome: 'fail', problem: problemOf(err) };
    }
  }
  const ok = { outcome: 'ok', problem: null } as const;

  return {
    async check(target) {
      const spScopes = sharePointScopes(target.siteUrl);
      const signIn = await line('signIn', SCOPES.profile, async () => {
        await api.call('GET', '/me?$select=id', { scopes: SCOPES.profile });
        return ok;
      });
      // Without a working sign-in every other line would only repeat the same refusal.
      if (signIn.outcome === 'fail' && signIn.problem !== 'consentRequired') {
        return [signIn, ...CHECK_IDS.slice(1).map((id): CheckLine => ({ id, scopes: [], outcome: 'skipped', problem: null }))];
      }

      const [site, siteOwner, provisioning, teams] = await Promise.all([
        line('site', SCOPES.siteLookup, async () => {
          SiteSchema.parse(await api.call('GET', `/sites/${segment(target.siteId)}?$select=id`, { scopes: SCOPES.siteLookup }));
          return ok;
        }),
        line('siteOwner', spScopes, async () => {
          const rights = await sharePoint.siteRights(target.siteUrl);
          return rights.manageLists ? ok : { outcome: 'fail', problem: 'notOwner' };
        }),
        // Creating lists cannot be tried without creating one; a token for the scope shows consent.
        line('provisioning', SCOPES.provisioning, async () => {
          await tokens.getToken(SCOPES.provisioning);
          return ok;
        }),
        line('teams', SCOPES.teams, async () => {
          await api.call('GET', '/me/joinedTeams?$select=id', { scopes: SCOPES.teams });
          return ok;
        }),
      ]);

      const lists = await line('lists', SCOPES.sites, async () => {
        const missing: string[] = [];
        await Promise.all(
          LIST_KINDS.map(async (kind) => {
            try {
              await api.call('GET', `${listPath(target.siteId, kind)}/items?$top=1&$select=id`, { scopes: SCOPES.sites });
            } catch (err) {
              if (err instanceof NotFoundError) missing.push(LIST_TITLES[kind]);
              else throw err;
            }
          }),
        );
        return missing.length === 0 ? ok : { outcome: 'todo', problem: 'listsMissing' };
      });

      const itemLevel = await line('itemLevel', spScopes, async () => {
        if (lists.outcome !== 'ok') return { outcome: lists.outcome === 'todo' ? 'todo' : 'skipped', problem: lists.outcome === 'todo' ? 'listsMissing' : null };
        const found = await Promise.all(LIST_KINDS.map(async (kind) => ({ kind, security: await sharePoint.listSecurity(target.siteUrl, LIST_TITLES[kind]) })));
        const wrong = found.some(({ kind, security }) => security.readSecurity !== ITEM_LEVEL[kind].readSecurity || security.writeSecurity !== ITEM_LEVEL[kind].writeSecurity);
        if (!wrong) return ok;
        // Save sets them, but only for an owner.
        return { outcome: siteOwner.outcome === 'ok' ? 'todo' : 'fail', problem: 'notItemLevel' };
      });

      const groupId = target.groupId;
      const [planner, groupMembers] =
        groupId === null
          ? [
              { id: 'planner', scopes: SCOPES.planner, outcome: 'skipped', problem: 'noGroup' } satisfies CheckLine,
              { id: 'groupMembers', scopes: SCOPES.groups, outcome: 'skipped', problem: 'noGroup' } satisfies CheckLine,
            ]
          : await Promise.all([
              line('planner', SCOPES.planner, async () => {
                await api.call('GET', `/groups/${segment(groupId)}/planner/plans?$select=id`, { scopes: SCOPES.planner });
                return ok;
              }),
              line('groupMembers', SCOPES.groups, async () => {
                await api.call('GET', `/groups/${segment(groupId)}/members?$top=1&$select=id`, { scopes: SCOPES.groups });
                return ok;
              }),
            ]);

      return [signIn, site, siteOwner, provisioning, lists, itemLevel, planner, groupMembers, teams];
    },
  };
}
