import { refreshedDescription, taskDescription } from '../../../src/graph/plannerPublisher';
import { action, session } from '../domain/fixtures';

const LINK = 'https://localhost:4210/#/sessie/20261123-abcdefgh';
const A = { title: 'Visie en beleid', statement: 'Onze gemeente heeft een duidelijke visie.' };
const C = { title: 'Uitvoering', statement: 'Onze gemeente legt verbindingen.' };
const before = action({ id: 'a-7', theme: 'A', title: 'Visie opstellen', department: 'Sociaal Domein' });
const written = taskDescription(before, session(), A, LINK);

describe('the description of a published task, after the action changed', () => {
  it('gets the new theme, title and department', () => {
    const after = { ...before, theme: 'C' as const, title: 'Spreekuur in de bibliotheek', department: 'GGD' };
    expect(refreshedDescription(written, 'Visie opstellen', after, session(), C, LINK)).toBe(taskDescription(after, session(), C, LINK));
  });

  it('names the theme and its statement, the conversation, the department and the way back', () => {
    expect(written.split('\n')).toEqual([
      'Thema A. Visie en beleid',
      'Stelling: Onze gemeente heeft een duidelijke visie.',
      '',
      'Visie opstellen',
      '',
      'Gesprek: Armoede en gezondheid (Zwolle, 2026-11-23)',
      'Afdeling: Sociaal Domein',
      `Terug naar het gesprek: ${LINK}`,
      'Actie-id: a-7',
    ]);
  });

  it('keeps lines a person added or rewrote in Planner', () => {
    const edited = written.replace('Visie opstellen', 'Visie opstellen (samen met de GGD)') + '\nBellen op dinsdag.';
    const after = { ...before, title: 'Visie en uitvoering opstellen', department: 'GGD' };
    const next = refreshedDescription(edited, 'Visie opstellen', after, session(), A, LINK)?.split('\n');
    expect(next).toContain('Visie opstellen (samen met de GGD)');
    expect(next).toContain('Bellen op dinsdag.');
    expect(next).toContain('Afdeling: GGD');
    expect(next).not.toContain('Visie en uitvoering opstellen');
  });

  it('reads a description Planner gave back with Windows line ends', () => {
    const after = { ...before, department: 'GGD' };
    expect(refreshedDescription(written.replace(/\n/g, '\r\n'), 'Visie opstellen', after, session(), A, LINK)).toContain('\nAfdeling: GGD\n');
  });

  it('leaves alone a description that is already right or belongs to another action', () => {
    expect(refreshedDescription(written, 'Visie opstellen', before, session(), A, LINK)).toBeNull();
    expect(refreshedDescription(written.replace(/\r?\n/g, '\r\n'), 'Visie opstellen', before, session(), A, LINK)).toBeNull();
    expect(refreshedDescription(written, 'Visie opstellen', { ...before, id: 'a-8', department: 'GGD' }, session(), A, LINK)).toBeNull();
    expect(refreshedDescription('Eigen notities', 'Visie opstellen', { ...before, department: 'GGD' }, session(), A, LINK)).toBeNull();
  });
});
