import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { stepProgress, type Response, type Session } from '../../../src/domain';
import { ConversationOrder } from '../../../src/ui/stage/ConversationOrder';
import { ProgressPanel } from '../../../src/ui/stage/ProgressPanel';
import { ScoresSection } from '../../../src/ui/stage/ScoresSection';
import { Step2Overview } from '../../../src/ui/stage/Step2Overview';
import { TextNote } from '../../../src/ui/stage/TextNote';
import { conversationOrder } from '../../../src/domain';
import { anouk, bram, instrumentNl, renderUi, response, sanne, threeParticipantsOneWeetNiet } from '../charts/fixtures';

const inStep1: Pick<Session, 'state'> = { state: 'step1' };
const revealed: Pick<Session, 'state'> = { state: 'revealed' };

describe('stage before and after the reveal', () => {
  it('shows no score, chart or table before the reveal', () => {
    const { container } = renderUi(<ScoresSection instrument={instrumentNl} session={inStep1} responses={threeParticipantsOneWeetNiet} viewerId={null} />);
    expect(screen.getByRole('status').textContent).toContain('De scores blijven verborgen');
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(container.textContent).not.toMatch(/\d/);
  });

  it('shows the chart, the table and the conversation order once revealed', () => {
    renderUi(<ScoresSection instrument={instrumentNl} session={revealed} responses={threeParticipantsOneWeetNiet} viewerId={null} />);
    expect(screen.getByRole('img', { name: /Spindiagram/ })).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Grootste verschil eerst/ })).toBeTruthy();
  });

  it('shows progress per participant as counts, never as the scores given', () => {
    renderUi(<ProgressPanel progress={stepProgress(
      [threeParticipantsOneWeetNiet[0] as Response, { ...(threeParticipantsOneWeetNiet[1] as Response), done: { step1: '2026-03-01T10:05:00Z' } }],
      'step1',
    )} questionCount={14} />);
    expect(screen.getByText('2 deelnemers, 1 klaar')).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Anouk de Vriesbezig: 6 van 6 stellingen', 'Bram Jansen✓ klaar']);
  });
});

describe('conversation order', () => {
  it('lists the largest disagreement first and calls out a weet-niet cluster', () => {
    renderUi(<ConversationOrder instrument={instrumentNl} divergences={conversationOrder(threeParticipantsOneWeetNiet)} />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.slice(0, 2))).toEqual(['B.', 'D.', 'C.']);
    expect(items[0]?.textContent).toContain('scores liggen 3 punten uit elkaar');
    expect(items[1]?.textContent).toContain('Hier weet de groep het niet');
    expect(items[2]?.textContent).not.toContain('Hier weet de groep het niet');
  });

  it('says so when there is nothing to talk about', () => {
    const agreeing = [response(anouk, { A: 3, B: 3, C: 3, D: 3, E: 3, F: 3 }), response(bram, { A: 3, B: 4, C: 3, D: 3, E: 3, F: 3 })];
    renderUi(<ConversationOrder instrument={instrumentNl} divergences={conversationOrder(agreeing)} />);
    expect(screen.getByText(/Geen grote verschillen/)).toBeTruthy();
  });
});

describe('step-2 overview', () => {
  const q1 = instrumentNl.themes[0]?.questions[0];
  if (!q1) throw new Error('instrument has no first question');
  const freeOption = q1.options.find((o) => o.freeText);
  const plainOption = q1.options.find((o) => !o.freeText && !o.exclusive);
  if (!freeOption || !plainOption) throw new Error('question 1 lacks the options this test needs');
  const markup = '<img src=x onerror=alert(1)>';
  const answers: Response[] = [
    response(anouk, {}, { step2: { questions: { [q1.id]: { selected: [plainOption.id, freeOption.id], freeText: { [freeOption.id]: markup } } }, comments: { A: 'Let op <b>dit</b>' } } }),
    response(bram, {}, { step2: { questions: { [q1.id]: { selected: [plainOption.id], freeText: {} } }, comments: {} } }),
    response(sanne, {}, { step2: { questions: {}, comments: {} } }),
  ];

  it('counts per option and shows everyone’s choices side by side', () => {
    renderUi(<Step2Overview instrument={instrumentNl} mode="separate" responses={answers} />);
    const table = screen.getAllByRole('table')[0] as HTMLElement;
    const row = within(table).getByRole('rowheader', { name: plainOption.text }).closest('tr') as HTMLElement;
    expect(within(row).getAllByRole('cell').map((td) => td.textContent)).toEqual(['2', '✓gekozen', '✓gekozen', 'niet gekozen']);
    expect(screen.getByText(`2 van 3 deelnemers beantwoordden deze vraag.`)).toBeTruthy();
  });

  it('renders free text with markup as literal text, with who wrote it', () => {
    const { container } = renderUi(<Step2Overview instrument={instrumentNl} mode="separate" responses={answers} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    const item = screen.getByText(markup, { exact: false }).closest('li');
    expect(item?.textContent).toBe(`Anouk de Vries: ${markup}`);
    expect(screen.getByText('Let op <b>dit</b>', { exact: false })).toBeTruthy();
  });

  it('in joint mode shows the group’s answer as its own column, Samen, beside anyone who answered on their own', () => {
    const joint = { questions: { [q1.id]: { selected: [freeOption.id], freeText: { [freeOption.id]: 'met de GGD' } } }, comments: { A: 'Samen besproken' } };
    renderUi(<Step2Overview instrument={instrumentNl} mode="joint" joint={joint} responses={answers} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Antwoorden op Stap 2 — samen ingevuld');
    const table = screen.getAllByRole('table')[0] as HTMLElement;
    // No count: the joint answer is not one more person. Sanne answered nothing on her own: no column.
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Antwoord', 'Samen', 'Anouk de Vries', 'Bram Jansen']);
    const row = within(table).getByRole('rowheader', { name: freeOption.text }).closest('tr') as HTMLElement;
    expect(within(row).getAllByRole('cell').map((td) => td.textContent)).toEqual(['✓gekozen', '✓gekozen', 'niet gekozen']);
    expect(screen.getByText(`${freeOption.text} met de GGD`, { exact: false }).closest('li')?.textContent).toBe(`Samen: ${freeOption.text} met de GGD`);
    expect(screen.getByText('Samen besproken', { exact: false }).closest('li')?.textContent).toBe('Samen: Samen besproken');
  });

  it('in joint mode says so when the group has not answered together yet, and no one’s own answer stands in for it', () => {
    renderUi(<Step2Overview instrument={instrumentNl} mode="joint" joint={null} responses={answers} />);
    expect(screen.getByText('De groep heeft nog niets samen ingevuld.')).toBeTruthy();
    const table = screen.getAllByRole('table')[0] as HTMLElement;
    const row = within(table).getByRole('rowheader', { name: plainOption.text }).closest('tr') as HTMLElement;
    expect(within(row).getAllByRole('cell').map((td) => td.textContent)).toEqual(['niet gekozen', '✓gekozen', '✓gekozen']);
  });
});

describe('question 14’s sub-heading "Wij hebben verder:" (the paper’s, between its two groups of options)', () => {
  const q14 = instrumentNl.themes.flatMap((th) => th.questions).find((q) => q.number === 14);
  if (!q14) throw new Error('instrument has no question 14');
  const plan = q14.options.find((o) => o.text === 'Een concreet plan van aanpak.');
  if (!plan) throw new Error('question 14 lacks its plan option');
  const answers: Response[] = [response(anouk, {}, { step2: { questions: { [q14.id]: { selected: [plan.id], freeText: {} } }, comments: {} } })];

  it('heads the options it stands over in the stage’s table', () => {
    renderUi(<Step2Overview instrument={instrumentNl} mode="separate" responses={answers} />);
    const table = screen.getByRole('rowheader', { name: plan.text }).closest('table') as HTMLElement;
    const rows = within(table).getAllByRole('rowheader').map((th) => th.textContent);
    expect(rows.indexOf('Wij hebben verder:')).toBe(rows.indexOf(plan.text) - 1);
    expect(rows.indexOf('Wij hebben verder:')).toBe(3);
  });

  it('heads the options it stands over in the joint answer’s table too', () => {
    const joint = { questions: { [q14.id]: { selected: [plan.id], freeText: {} } }, comments: {} };
    renderUi(<Step2Overview instrument={instrumentNl} mode="joint" joint={joint} responses={[]} compact />);
    const table = screen.getByRole('rowheader', { name: plan.text }).closest('table') as HTMLElement;
    const rows = within(table).getAllByRole('rowheader').map((th) => th.textContent);
    expect(rows.indexOf('Wij hebben verder:')).toBe(rows.indexOf(plan.text) - 1);
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Antwoord', 'Samen']);
  });
});

describe('"Wat opvalt…" note', () => {
  it('is read-only for everyone but the facilitator', () => {
    renderUi(<TextNote label="Wat opvalt…" text="B verdient aandacht" editable={false} />);
    expect(screen.getByText('B verdient aandacht')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('saves what the facilitator types by itself once typing pauses, once, with no Opslaan button', async () => {
    const onSave = jest.fn(async () => true);
    renderUi(<TextNote label="Wat opvalt…" text="" editable onSave={onSave} />);
    const box = screen.getByRole('textbox', { name: 'Wat opvalt…' });
    fireEvent.change(box, { target: { value: 'Iedereen' } });
    fireEvent.change(box, { target: { value: 'Iedereen twijfelt over D' } });
    expect(screen.queryByRole('button', { name: 'Opslaan' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Opslaan…');
    expect(onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Opgeslagen'), { timeout: 3000 });
    expect(onSave.mock.calls).toEqual([['Iedereen twijfelt over D']]);
  });

  it('saves at once when the facilitator leaves the field', async () => {
    const onSave = jest.fn(async () => true);
    renderUi(<TextNote label="Wat opvalt…" text="" editable onSave={onSave} />);
    const box = screen.getByRole('textbox', { name: 'Wat opvalt…' });
    fireEvent.change(box, { target: { value: 'B verdient aandacht' } });
    fireEvent.blur(box);
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('B verdient aandacht'), { timeout: 300 });
  });

  it('says when a save failed, keeps the text and tries again on request', async () => {
    const onSave = jest.fn(async () => false);
    renderUi(<TextNote label="Wat opvalt…" text="" editable onSave={onSave} />);
    const box = screen.getByRole('textbox', { name: 'Wat opvalt…' });
    fireEvent.change(box, { target: { value: 'B verdient aandacht' } });
    fireEvent.blur(box);
    await screen.findByText(/^Niet opgeslagen\./);
    expect((box as HTMLTextAreaElement).value).toBe('B verdient aandacht');
    onSave.mockImplementation(async () => true);
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Opgeslagen'));
    expect(onSave).toHaveBeenLastCalledWith('B verdient aandacht');
  });
});
