import { screen, within } from '@testing-library/react';
import { SpiderChart } from '../../../src/ui/charts';
import { chartParticipants, instrumentNl, renderUi } from './fixtures';

function seriesGroups(container: HTMLElement): Element[] {
  return [...container.querySelectorAll('svg[role="img"] g[data-series]')];
}

describe('SpiderChart', () => {
  it('draws one series per participant plus the group mean, each named in the legend', () => {
    const { container } = renderUi(<SpiderChart instrument={instrumentNl} participants={chartParticipants} />);
    expect(seriesGroups(container).map((g) => g.getAttribute('data-series'))).toEqual([
      'Anouk de Vries',
      'Bram Jansen',
      "Sanne van 't Hof",
      'Gemiddelde van de groep',
    ]);
    const legend = screen.getByRole('list', { name: 'Legenda' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Anouk de Vries',
      'Bram Jansen',
      "Sanne van 't Hof",
      'Gemiddelde van de groep',
    ]);
  });

  it('is an image with a title and a description that point to the table', () => {
    renderUi(<SpiderChart instrument={instrumentNl} participants={chartParticipants} />);
    const chart = screen.getByRole('img', { name: /^Spindiagram: scores per stelling Scores van 3 deelnemers .*de tabel geeft dezelfde gegevens\.$/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
  });

  it('never plots weet niet or a missing answer as a number: the line has a gap there', () => {
    const { container } = renderUi(<SpiderChart instrument={instrumentNl} participants={chartParticipants} />);
    const [anouk, bram] = seriesGroups(container);
    const themesOf = (g: Element | undefined) => [...(g?.querySelectorAll('[data-theme]') ?? [])].map((m) => m.getAttribute('data-theme'));
    expect(themesOf(anouk)).toEqual(['A', 'B', 'C', 'E', 'F']);
    expect(themesOf(bram)).toEqual(['A', 'B', 'E']);
    const values = [...container.querySelectorAll('[data-value]')].map((m) => Number(m.getAttribute('data-value')));
    expect(values.every((v) => v >= 1 && v <= 5)).toBe(true);
  });

  it('plots the mean of the 1–5 scores only (weet niet does not pull it up as a 6)', () => {
    const { container } = renderUi(<SpiderChart instrument={instrumentNl} participants={chartParticipants} />);
    const mean = seriesGroups(container)[3];
    expect(mean?.querySelector('[data-theme="C"]')?.getAttribute('data-value')).toBe('3');
    expect(mean?.querySelector('[data-theme="D"]')?.getAttribute('data-value')).toBe('2');
  });

  it('gives every participant a different dash pattern and marker so lines differ without colour', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, name: `Deelnemer ${i}`, scores: { A: 3 as const, B: 3 as const } }));
    const { container } = renderUi(<SpiderChart instrument={instrumentNl} participants={many} />);
    const looks = seriesGroups(container).map((g) => {
      const [line, marker] = [...g.querySelectorAll('path')];
      return `${(line as SVGPathElement | undefined)?.style.strokeDasharray}|${(line as SVGPathElement | undefined)?.style.strokeWidth}|${marker?.getAttribute('d')?.length}`;
    });
    expect(new Set(looks).size).toBe(looks.length);
  });

  it('says there is nothing to show yet when nobody gave a 1–5 score', () => {
    renderUi(<SpiderChart instrument={instrumentNl} participants={[{ id: 'x', name: 'X', scores: { A: 'weetNiet' } }]} />);
    expect(screen.getByText('Nog geen scores om te tonen.').tagName).toBe('P');
    expect(screen.queryByRole('img')).toBeNull();
  });
});
