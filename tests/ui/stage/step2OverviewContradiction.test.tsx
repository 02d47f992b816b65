// The review page of the tab reads stap 2 back with the same contradiction sentences the stage says
// (src/ui/common/ContradictionNote.tsx), under the question they belong to, with the names as shown.
import { screen } from '@testing-library/react';
import type { Participant, Response } from '../../../src/domain';
import { Step2Overview } from '../../../src/ui/stage/Step2Overview';
import { anouk, bram, instrumentNl, renderUi, response } from '../charts/fixtures';

const bramGezondheid: Participant = { ...bram, domain: 'gezondheid' };
const ticked = (who: Participant, questions: Record<string, string[]>): Response =>
  response(who, {}, { step2: { questions: Object.fromEntries(Object.entries(questions).map(([id, selected]) => [id, { selected, freeText: {} }])), comments: {} } });

function questionBlock(number: number): HTMLElement {
  return screen.getByRole('heading', { level: 4, name: new RegExp(`^${number}\\. `) }).parentElement as HTMLElement;
}

describe('stap 2 read back in the tab', () => {
  it('says a contradiction under its question, and nothing where the answers agree', () => {
    renderUi(<Step2Overview instrument={instrumentNl} mode="separate" compact responses={[ticked(anouk, { q2: ['q2.a'], q3: ['q3.b'] }), ticked(bramGezondheid, { q2: ['q2.e'], q3: ['q3.b'] })]} />);
    expect(questionBlock(2).textContent).toContain('Tegenstrijdig: Anouk de Vries kruiste ‘Ja…’ aan, Bram Jansen ‘Nee, omdat…’.');
    expect(questionBlock(3).textContent).not.toContain('Tegenstrijdig');
  });

  it('names people as the page shows them: labels given by the display setting, not their names', () => {
    const shown = [ticked({ ...anouk, name: 'Deelnemer 1 (Armoede)' }, { q2: ['q2.a'] }), ticked({ ...bramGezondheid, name: 'Deelnemer 1 (Gezondheid)' }, { q2: ['q2.e'] })];
    renderUi(<Step2Overview instrument={instrumentNl} mode="separate" compact responses={shown} />);
    const text = questionBlock(2).textContent ?? '';
    expect(text).toContain('Tegenstrijdig: Deelnemer 1 (Armoede) kruiste ‘Ja…’ aan, Deelnemer 1 (Gezondheid) ‘Nee, omdat…’.');
    expect(text).not.toContain(anouk.name);
  });
});
