// The stage's stap 3 one theme at a time: that theme's actions, and beside them the theme's practice
// examples (the paper's Deel 2) with their source, behind "Inspiratie uit de praktijk".
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import type { ActionItem, ThemeId } from '../../../src/domain';
import { Step3Theme, type Step3ThemeProps } from '../../../src/ui/stage/Step3Theme';
import { anouk, bram, instrumentNl, renderUi, sanne } from '../charts/fixtures';

function action(id: string, theme: ActionItem['theme'], title: string): ActionItem {
  return { id, sessionKey: 's-1', theme, title, ownerId: bram.id, ownerName: bram.name, department: 'GGD', dueDate: '2026-06-01', status: 'open', proposedBy: anouk.id, plannerTaskId: null, plannerTaskUrl: null };
}

const actions = [action('a-1', 'B', 'Cijfers armoede en gezondheid per wijk koppelen'), action('a-2', 'C', 'Beleidsnota armoede en gezondheid schrijven')];

function renderStep3(props: Partial<Step3ThemeProps> = {}) {
  const onSave = jest.fn(async (_action: ActionItem) => true);
  const result = renderUi(
    <Step3Theme
      instrument={instrumentNl}
      theme="B"
      sessionKey="s-1"
      participants={[anouk, bram, sanne]}
      actions={actions}
      editable
      today="2026-03-10"
      actorId={anouk.id}
      newActionId={() => 'a-new'}
      onSave={onSave}
      {...props}
    />,
  );
  return { ...result, onSave };
}

/** The stage as the facilitator's focus drives it: the theme letters change the shown theme. */
function FocusDriven() {
  const [theme, setTheme] = useState<ThemeId>('B');
  return (
    <Step3Theme
      instrument={instrumentNl}
      theme={theme}
      onThemeChange={setTheme}
      sessionKey="s-1"
      participants={[anouk, bram, sanne]}
      actions={actions}
      editable
      today="2026-03-10"
      actorId={anouk.id}
      newActionId={() => 'a-new'}
      onSave={async () => true}
    />
  );
}

/** Text a reader sees: the other themes' actions stay rendered, hidden (AgendaEditor's `theme`). */
function visibleText(text: string): HTMLElement[] {
  return screen.queryAllByText(text).filter((el) => el.closest('[hidden]') === null);
}

async function inspirationToggle(): Promise<HTMLElement> {
  return screen.findByRole('button', { name: /^Inspiratie uit de praktijk \(\d+\)$/ });
}

describe('stap 3 on the stage, theme by theme', () => {
  it('shows only the theme’s actions', async () => {
    renderStep3();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toContain('B. Zicht op de lokale problematiek en kansen');
    expect(screen.queryByRole('heading', { name: /^C\. / })).toBeNull();
    expect(visibleText('Cijfers armoede en gezondheid per wijk koppelen')).toHaveLength(1);
    expect(visibleText('Beleidsnota armoede en gezondheid schrijven')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Actie toevoegen bij B' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Actie toevoegen bij C' })).toBeNull();
    await inspirationToggle();
  });

  it('shows the other theme’s actions when the focus moves there', async () => {
    renderUi(<FocusDriven />);
    fireEvent.click(screen.getByRole('button', { name: /^C\. Gecombineerd beleid/ }));
    expect(visibleText('Beleidsnota armoede en gezondheid schrijven')).toHaveLength(1);
    expect(visibleText('Cijfers armoede en gezondheid per wijk koppelen')).toEqual([]);
    expect(screen.getByRole('button', { name: /^C\. / }).getAttribute('aria-current')).toBe('step');
    await inspirationToggle();
  });

  it('keeps an action being written when the theme changes and comes back (a move discards nothing typed)', async () => {
    renderUi(<FocusDriven />);
    await userEvent.click(screen.getByRole('button', { name: 'Actie toevoegen bij B' }));
    await userEvent.type(screen.getByRole('textbox', { name: /Wat gaan we doen/ }), 'Wijkcijfers opvragen bij de GGD');
    fireEvent.click(screen.getByRole('button', { name: /^C\. / }));
    expect(screen.queryByRole('textbox', { name: /Wat gaan we doen/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^B\. / }));
    expect((screen.getByRole('textbox', { name: /Wat gaan we doen/ }) as HTMLInputElement).value).toBe('Wijkcijfers opvragen bij de GGD');
  });

  it('has the theme’s practice examples at hand, each with its source, behind one disclosure', async () => {
    renderStep3();
    const toggle = await inspirationToggle();
    expect(toggle.textContent).toContain('Inspiratie uit de praktijk (5)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('heading', { level: 4, name: 'Photovoice in Vaals' })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const vaals = screen.getByRole('heading', { level: 4, name: 'Photovoice in Vaals' }).closest('li') as HTMLElement;
    expect(vaals.textContent).toContain('Gemeente Vaals');
    expect(within(vaals).getByText(/^Bron: /).textContent).toBe(
      'Bron: Succesvol combineren van armoede- en gezondheidsbeleid: gesprekstool voor gemeenten (2018), Deel 2, C: Burgers betrekken bij keuzes rond gecombineerd beleid: methode Photovoice in Vaals',
    );
    // Tips are marked as tips; examples of other themes are not here.
    expect(screen.getByRole('heading', { level: 4, name: 'Bronnen om de lokale situatie in beeld te brengen' }).closest('li')?.textContent).toContain('Tip');
    expect(screen.queryByRole('heading', { level: 4, name: 'Lelystad verbindt welzijn, zorg en schuldhulp' })).toBeNull();
  });

  it('follows the theme: theme D has its own, longer list', async () => {
    renderStep3({ theme: 'D' });
    expect((await inspirationToggle()).textContent).toContain('Inspiratie uit de praktijk (26)');
  });

  it('the facilitator’s theme letters ask for another theme; a participant’s are read-only', async () => {
    const onThemeChange = jest.fn();
    const { unmount } = renderStep3({ onThemeChange });
    fireEvent.click(screen.getByRole('button', { name: /^E\. De rol van de gemeente/ }));
    expect(onThemeChange).toHaveBeenCalledWith('E');
    unmount();
    renderStep3({ editable: false });
    const nav = screen.getByRole('navigation', { name: 'Thema’s' });
    expect(within(nav).queryByRole('button')).toBeNull();
    expect(nav.querySelector('[aria-current="step"]')?.textContent).toContain('B');
    await inspirationToggle();
  });

  it('has no structural accessibility problems axe can find without a browser, opened or closed', async () => {
    const { container } = renderStep3({ onThemeChange: () => undefined });
    const toggle = await inspirationToggle();
    const rules = { rules: { 'color-contrast': { enabled: false } } };
    expect((await axe.run(container, rules)).violations.map((v) => v.id)).toEqual([]);
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'));
    expect((await axe.run(container, rules)).violations.map((v) => v.id)).toEqual([]);
  });

  it('speaks English to an English reader, the examples in English too', async () => {
    renderUi(
      <Step3Theme instrument={instrumentNl} theme="B" sessionKey="s-1" participants={[anouk]} actions={actions} editable={false} today="2026-03-10" actorId={anouk.id} newActionId={() => 'a-new'} />,
      'en',
    );
    const toggle = await screen.findByRole('button', { name: 'Inspiration from practice (5)' });
    fireEvent.click(toggle);
    expect(screen.getByRole('heading', { level: 4, name: 'Photovoice in Vaals' }).closest('li')?.textContent).toContain('Source: ');
  });
});
