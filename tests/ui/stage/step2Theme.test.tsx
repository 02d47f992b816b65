// The stage's stap 2 one theme at a time: who chose what (as the display setting names people), the
// options nobody chose folded behind one disclosure, contradictions said in words, the joint answer as
// "Samen", and the theme letters that let the facilitator move on.
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { Participant, Response, Step2Answers } from '../../../src/domain';
import { emptyStep2 } from '../../../src/domain';
import { Step2Theme, type Step2ThemeProps } from '../../../src/ui/stage/Step2Theme';
import { anouk, bram, instrumentNl, renderUi, response } from '../charts/fixtures';

const lotte: Participant = { id: 'u-lotte', name: 'Lotte van den Heuvel', domain: 'partner', partnerLabel: 'GGD Hart voor Brabant', department: 'GGD' };
const bramGezondheid: Participant = { ...bram, domain: 'gezondheid' };

function answers(questions: Record<string, string[]>, freeText: Record<string, Record<string, string>> = {}, comments: Step2Answers['comments'] = {}): Step2Answers {
  return { questions: Object.fromEntries(Object.entries(questions).map(([id, selected]) => [id, { selected, freeText: freeText[id] ?? {} }])), comments };
}

function answering(who: Participant, step2: Step2Answers): Response {
  return response(who, {}, { step2 });
}

/** Theme B: Anouk and Lotte have insight (q2.a), Bram says "Nee, omdat…" with a reason typed as markup. */
const themeB: Response[] = [
  answering(anouk, answers({ q2: ['q2.a', 'q2.c'], q3: ['q3.b'] })),
  answering(bramGezondheid, answers({ q2: ['q2.e'] }, { q2: { 'q2.e': '<b>geen</b> koppeling van bestanden' } }, { B: 'Dit moeten we uitzoeken.' })),
  answering(lotte, answers({ q2: ['q2.a'] })),
];

function renderTheme(props: Partial<Step2ThemeProps> = {}) {
  return renderUi(<Step2Theme instrument={instrumentNl} theme="B" mode="separate" display={undefined} responses={themeB} {...props} />);
}

function questionSection(number: number): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: new RegExp(`^${number}\\. `) }).closest('section') as HTMLElement;
}

describe('stap 2 on the stage, theme by theme', () => {
  it('shows only the chosen options of the theme’s questions, each with who chose it', () => {
    renderTheme();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Stap 2 — B. Zicht op de lokale problematiek en kansen');
    // Theme B only: questions 2 and 3, not 1 or 4.
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent?.split('.')[0])).toEqual(['2', '3', 'Opmerkingen']);
    const q2 = questionSection(2);
    expect(within(q2).getByText('3 van 3 deelnemers beantwoordden deze vraag.')).toBeTruthy();
    const chosen = within(q2).getAllByRole('listitem').filter((li) => li.closest('[hidden]') === null && li.parentElement?.closest('li') === null);
    expect(chosen.map((li) => li.firstChild?.textContent)).toEqual([
      'Ja, inzicht in het aantal inwoners dat zowel met armoede/schulden als gezondheidsproblemen kampt.',
      'Ja, inzicht in welke groepen inwoners het meest kampen met armoede/schulden en gezondheidsproblemen.',
      'Nee, omdat…',
    ]);
    expect(chosen[0]?.textContent).toContain('Gekozen door Anouk de Vries en Lotte van den Heuvel');
    // The explanation is text: the markup typed is shown, not run.
    expect(within(q2).getByRole('list', { name: 'Toelichting' }).textContent).toBe('Bram Jansen: <b>geen</b> koppeling van bestanden');
    expect(q2.querySelector('b')).toBeNull();
    // The theme's comment, with its author.
    expect(screen.getByText('Dit moeten we uitzoeken.').closest('li')?.textContent).toBe('Bram Jansen: Dit moeten we uitzoeken.');
  });

  it('folds the options nobody chose behind one disclosure that opens by keyboard', async () => {
    renderTheme();
    const q2 = questionSection(2);
    const toggle = within(q2).getByRole('button', { name: '2 opties door niemand gekozen' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const region = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(region.hidden).toBe(true);
    expect(within(region).getAllByRole('listitem', { hidden: true }).map((li) => li.textContent)).toEqual([
      'Ja, inzicht in de wijken/buurten waar deze combinatie het vaakst voorkomt.',
      'Ja, inzicht in: anders, namelijk…',
    ]);
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(region.hidden).toBe(false);
    await userEvent.keyboard(' ');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // Question 3 has one chosen option of nine.
    expect(within(questionSection(3)).getByRole('button', { name: '8 opties door niemand gekozen' })).toBeTruthy();
  });

  it('says in words who contradicts whom: someone ticked "Ja…", someone else "Nee, omdat…"', () => {
    renderTheme();
    expect(within(questionSection(2)).getByText(/^Tegenstrijdig:/).textContent).toBe('Tegenstrijdig: Anouk de Vries en Lotte van den Heuvel kruisten ‘Ja…’ aan, Bram Jansen ‘Nee, omdat…’.');
    expect(within(questionSection(3)).queryByText(/Tegenstrijdig/)).toBeNull();
  });

  it('quotes short options whole and long ones by their first words, without a second full stop', () => {
    renderTheme({ theme: 'F', responses: [answering(anouk, answers({ q12: ['q12.a'], q13: ['q13.c'] })), answering(bramGezondheid, answers({ q12: ['q12.b'], q13: ['q13.d'] }))] });
    expect(within(questionSection(12)).getByText(/^Tegenstrijdig:/).textContent).toBe('Tegenstrijdig: Anouk de Vries kruiste ‘Ja, namelijk…’ aan, Bram Jansen ‘Nee’.');
    expect(within(questionSection(13)).getByText(/^Tegenstrijdig:/).textContent).toBe('Tegenstrijdig: Anouk de Vries kruiste ‘De wethouder(s) hebben de ambitie…’ aan, Bram Jansen ‘Nee, want…’.');
    expect(within(questionSection(14)).queryByText(/Tegenstrijdig/)).toBeNull();
  });

  it('per domein: people are named by their domain (a partner by their organisation), and the contradiction too', () => {
    renderTheme({ display: 'perDomain' });
    expect(within(questionSection(2)).getByText(/^Tegenstrijdig:/).textContent).toBe('Tegenstrijdig: Armoede en GGD Hart voor Brabant kruisten ‘Ja…’ aan, Gezondheid ‘Nee, omdat…’.');
  });

  it('anoniem: numbered per domain, and no name or organisation anywhere', () => {
    const { container } = renderTheme({ display: 'anonymous' });
    expect(within(questionSection(2)).getByText(/^Tegenstrijdig:/).textContent).toBe('Tegenstrijdig: Deelnemer 1 (Armoede) en Deelnemer 1 (Partner) kruisten ‘Ja…’ aan, Deelnemer 1 (Gezondheid) ‘Nee, omdat…’.');
    expect(container.textContent).toContain('Deelnemer 1 (Gezondheid): <b>geen</b> koppeling van bestanden');
    expect(container.textContent).not.toMatch(/Anouk|Bram|Lotte|Vries|Jansen|Heuvel|GGD Hart/);
  });

  it('filled in together: the group’s answer is shown as "Samen", beside anyone who answered on their own', () => {
    const joint = answers({ q2: ['q2.b'], q3: ['q3.a', 'q3.b'] }, {}, { B: 'Samen besloten: eerst de cijfers.' });
    renderTheme({ mode: 'joint', joint, responses: [answering(anouk, answers({ q3: ['q3.b'] })), answering(bramGezondheid, emptyStep2())] });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Stap 2 — B. Zicht op de lokale problematiek en kansen — samen ingevuld');
    const q2 = questionSection(2);
    expect(within(q2).getByText('Ja, inzicht in de wijken/buurten waar deze combinatie het vaakst voorkomt.').parentElement?.textContent).toContain('Gekozen door Samen');
    // No "x van y deelnemers" count: the group answered once.
    expect(within(q2).queryByText(/deelnemers beantwoordden/)).toBeNull();
    const q3b = within(questionSection(3)).getByText('Onze gemeente haalt periodiek signalen op bij de wijkteams.').parentElement;
    expect(q3b?.textContent).toContain('Gekozen door Samen en Anouk de Vries');
    expect(screen.getByText('Samen besloten: eerst de cijfers.').closest('li')?.textContent).toBe('Samen: Samen besloten: eerst de cijfers.');
    // Bram answered nothing of his own: he is named nowhere.
    expect(document.body.textContent).not.toContain('Bram');
  });

  it('filled in together with nothing yet: says so, every option folded', () => {
    renderTheme({ mode: 'joint', joint: null, responses: [] });
    expect(screen.getByText('De groep heeft nog niets samen ingevuld.')).toBeTruthy();
    expect(within(questionSection(2)).getByRole('button', { name: '5 opties door niemand gekozen' })).toBeTruthy();
  });

  it('keeps question 14’s sub-heading "Wij hebben verder:" above the options it belongs to', async () => {
    renderTheme({ theme: 'F', responses: [answering(anouk, answers({ q14: ['q14.a', 'q14.e'] }))] });
    const q14 = questionSection(14);
    const chosen = within(q14).getAllByRole('listitem');
    const heading = within(q14).getByRole('heading', { level: 4, name: 'Wij hebben verder:' });
    // The heading sits between "Draagvlak binnen de gemeente." and "Voldoende flexibele ruimte…".
    expect(chosen[0]?.compareDocumentPosition(heading) ?? 0).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(heading.compareDocumentPosition(chosen[1] as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(chosen[1]?.textContent).toContain('Voldoende flexibele ruimte in de uitvoering.');
    // Folded, the heading is kept too (q14.d, its first option, was not chosen).
    const toggle = within(q14).getByRole('button', { name: '6 opties door niemand gekozen' });
    fireEvent.click(toggle);
    const region = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(within(region).getByRole('heading', { level: 4, name: 'Wij hebben verder:' }).nextElementSibling?.textContent).toMatch(/^Een concreet plan van aanpak\./);
  });

  it('the facilitator’s theme letters mark the current theme and ask for another one', () => {
    const onThemeChange = jest.fn();
    renderTheme({ onThemeChange });
    const nav = screen.getByRole('navigation', { name: 'Thema’s' });
    const buttons = within(nav).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(within(nav).getByRole('button', { name: 'B. Zicht op de lokale problematiek en kansen' }).getAttribute('aria-current')).toBe('step');
    expect(buttons.filter((b) => b.hasAttribute('aria-current'))).toHaveLength(1);
    fireEvent.click(within(nav).getByRole('button', { name: /^D\. Focus/ }));
    expect(onThemeChange).toHaveBeenCalledWith('D');
  });

  it('a participant sees where the group is, read-only, or no letters at all', () => {
    const { unmount } = renderTheme();
    const nav = screen.getByRole('navigation', { name: 'Thema’s' });
    expect(within(nav).queryByRole('button')).toBeNull();
    expect(nav.querySelector('[aria-current="step"]')?.textContent).toContain('B. Zicht op de lokale problematiek en kansen');
    unmount();
    renderTheme({ showNavigation: false });
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('has no structural accessibility problems axe can find without a browser', async () => {
    const { container } = renderTheme({ onThemeChange: () => undefined });
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });

  it('speaks English to an English reader', () => {
    renderUi(<Step2Theme instrument={instrumentNl} theme="B" mode="separate" display={undefined} responses={themeB} />, 'en');
    expect(screen.getByText(/^Contradictory:/).textContent).toBe('Contradictory: Anouk de Vries and Lotte van den Heuvel ticked ‘Ja…’, Bram Jansen ‘Nee, omdat…’.');
    expect(screen.getAllByRole('button', { name: '2 options chosen by nobody' })).toHaveLength(1);
  });
});
