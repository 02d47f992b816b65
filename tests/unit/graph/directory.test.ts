import type { GraphApi } from '../../../src/graph/client';
import { createDirectory } from '../../../src/graph/directory';

/** Answers GETs from a table of paths (without query), as Graph would page them in one page. */
function fakeApi(pages: Record<string, unknown[]>): GraphApi {
  const getAll = async (path: string) => pages[path.split('?')[0] ?? ''] ?? [];
  return { getAll, call: async () => ({}) } as unknown as GraphApi;
}

describe('the Planner group picker', () => {
  it('offers only Microsoft 365 groups: a security group, a distribution list and a directory role cannot hold a plan', async () => {
    const directory = createDirectory(
      fakeApi({
        '/me/memberOf': [
          { '@odata.type': '#microsoft.graph.group', id: 'g-team', displayName: 'Armoede en Gezondheid', groupTypes: ['Unified'] },
          { '@odata.type': '#microsoft.graph.group', id: 'g-sec', displayName: 'GG-Beleidsmedewerkers', groupTypes: [] },
          { '@odata.type': '#microsoft.graph.group', id: 'g-dl', displayName: 'Verzendlijst sociaal domein', groupTypes: null },
          { '@odata.type': '#microsoft.graph.directoryRole', id: 'r-1', displayName: 'Teams Administrator' },
          { '@odata.type': '#microsoft.graph.group', id: 'g-debt', displayName: 'Schuldhulp Overleg', groupTypes: ['Unified', 'DynamicMembership'] },
        ],
        '/me/joinedTeams': [{ id: 'g-team' }],
      }),
    );
    expect(await directory.myGroups()).toEqual([
      { id: 'g-team', displayName: 'Armoede en Gezondheid', isTeam: true },
      { id: 'g-debt', displayName: 'Schuldhulp Overleg', isTeam: false },
    ]);
  });
});
