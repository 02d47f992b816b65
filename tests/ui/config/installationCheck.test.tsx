// "Controleer de installatie" on the configuration page: one sentence per line a person can act on.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigPage } from '../../../src/ui/config/ConfigPage';
import type { CheckLine, InstallationTarget } from '../../../src/graph';
import { CHECK_IDS } from '../../../src/graph';
import { fakeHost, fakeServices, renderWith } from '../fakes';

function checker(found: Partial<Record<CheckLine['id'], Omit<CheckLine, 'id'>>>) {
  const targets: InstallationTarget[] = [];
  return {
    targets,
    installation: {
      check: async (target: InstallationTarget): Promise<CheckLine[]> => {
        targets.push(target);
        return CHECK_IDS.map((id) => ({ id, ...(found[id] ?? { scopes: [], outcome: 'ok' as const, problem: null }) }));
      },
    },
  };
}

async function openConfig(installation: ReturnType<typeof checker>['installation']) {
  const host = fakeHost({ surface: 'settings', frameContext: 'settings', entityId: null });
  renderWith(<ConfigPage />, fakeServices({ host, installation }), false);
  await screen.findByRole('option', { name: 'Schuldhulp Overleg' });
}

describe('installation check on the configuration page', () => {
  it('checks the site of the chosen group and says per line what to ask for', async () => {
    const { targets, installation } = checker({
      siteOwner: { scopes: ['https://contoso.sharepoint.com/AllSites.Manage'], outcome: 'fail', problem: 'notOwner' },
      groupMembers: { scopes: ['GroupMember.Read.All'], outcome: 'fail', problem: 'consentRequired' },
      lists: { scopes: ['Sites.ReadWrite.All'], outcome: 'todo', problem: 'listsMissing' },
    });
    await openConfig(installation);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Microsoft 365-groep/ }), 'Schuldhulp Overleg');
    await userEvent.click(screen.getByRole('button', { name: 'Controleer de installatie' }));

    const table = await screen.findByRole('table', { name: 'Uitkomst per onderdeel' });
    expect(targets[0]?.groupId).not.toBeNull();
    const row = (part: string) => within(table).getByRole('row', { name: new RegExp(part) });
    expect(row('Eigenaar van de site').textContent).toContain('U bent geen eigenaar van de site');
    expect(row('Leden van de groep opzoeken').textContent).toContain('toestemming voor de organisatie voor GroupMember.Read.All');
    expect(row('Sessies, antwoorden en acties').textContent).toContain('Opslaan maakt ze aan');
    expect(row('Aanmelden').textContent).toContain('Werkt.');
    expect(screen.getByRole('status').textContent).toContain('Te regelen: 2 punt(en)');
    expect(screen.getByRole('button', { name: 'Opnieuw controleren' })).toBeTruthy();
  });

  it('says so when everything works', async () => {
    const { installation } = checker({});
    await openConfig(installation);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Microsoft 365-groep/ }), 'Schuldhulp Overleg');
    await userEvent.click(screen.getByRole('button', { name: 'Controleer de installatie' }));
    expect(await screen.findByText('Alles werkt. Opslaan maakt aan wat nog ontbreekt.')).toBeTruthy();
  });
});
