import { screen, within } from '@testing-library/react';
import { ScoreTable } from '../../../src/ui/charts';
import { chartParticipants, instrumentNl, renderUi } from './fixtures';

function rowOf(themeId: string): HTMLElement {
  const header = screen.getAllByRole('rowheader').find((th) => th.textContent?.startsWith(`${themeId}.`));
  if (!header) throw new Error(`no row for ${themeId}`);
  return header.closest('tr') as HTMLElement;
}

describe('ScoreTable', () => {
  it('has a column per participant and the mean, median, spread and weet-niet count', () => {
    renderUi(<ScoreTable instrument={instrumentNl} participants={chartParticipants} />);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Stelling',
      'Anouk de Vries',
      'Bram Jansen',
      "Sanne van 't Hof",
      'Gemiddelde',
      'Mediaan',
      'Spreiding',
      'Aantal weet niet',
    ]);
  });

  it('shows weet niet as words and leaves it out of the numbers', () => {
    renderUi(<ScoreTable instrument={instrumentNl} participants={chartParticipants} />);
    const cells = within(rowOf('C')).getAllByRole('cell').map((td) => td.textContent);
    expect(cells).toEqual(['3', instrumentNl.step1.weetNiet.label, '3', '3', '3', '0', '1']);
  });

  it('marks a divergent statement in text, with the reason, not only by colour', () => {
    renderUi(<ScoreTable instrument={instrumentNl} participants={chartParticipants} />);
    expect(rowOf('B').textContent).toContain('Gesprekspunt: scores liggen 3 punten uit elkaar');
    expect(rowOf('D').textContent).toContain('veel deelnemers weten het niet (2)');
    expect(rowOf('A').textContent).not.toContain('Gesprekspunt');
  });

  it('writes means in the reader’s notation and names a missing answer for screen readers', () => {
    renderUi(<ScoreTable instrument={instrumentNl} participants={chartParticipants} />);
    const cells = within(rowOf('B')).getAllByRole('cell').map((td) => td.textContent);
    expect(cells[3]).toBe('2,7');
    expect(within(rowOf('F')).getAllByRole('cell')[1]?.textContent).toBe('–geen antwoord');
  });
});
