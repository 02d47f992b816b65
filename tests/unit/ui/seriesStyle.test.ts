// Domain series look the same in every session and stay apart without colour; their colours pass
// WCAG 1.4.11 (3:1 for graphics) against the background in light, dark and high contrast.
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { DOMAINS } from '../../../src/domain/model';
import { DOMAIN_STYLES, domainMeanStyle, domainPersonStyle, MEAN_SERIES_STYLE } from '../../../src/ui/charts/seriesStyle';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
/** https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('domain series styles', () => {
  it('each domain has its own marker and colour, and the group mean a marker no domain has', () => {
    const markers = DOMAINS.map((d) => DOMAIN_STYLES[d].marker);
    expect(new Set(markers).size).toBe(DOMAINS.length);
    expect(markers).not.toContain(MEAN_SERIES_STYLE.marker);
    expect(new Set(DOMAINS.map((d) => DOMAIN_STYLES[d].color)).size).toBe(DOMAINS.length);
  });

  it('a person’s style depends on their domain and their place within it, not on who joined first overall', () => {
    expect(domainPersonStyle('gezondheid', 0)).toEqual(domainPersonStyle('gezondheid', 0));
    expect(domainPersonStyle('gezondheid', 0).marker).toBe('triangle');
    expect(domainPersonStyle('armoede', 0).marker).toBe('square');
    expect(domainPersonStyle('partner', 0).marker).toBe('diamond');
    // Two people of one domain differ by dash (visible without colour); the domain mean is solid and thicker.
    expect(domainPersonStyle('armoede', 0).dash).not.toBe(domainPersonStyle('armoede', 1).dash);
    expect(domainMeanStyle('armoede')).toMatchObject({ dash: '', marker: 'square' });
    expect(domainMeanStyle('armoede').width).toBeGreaterThan(domainPersonStyle('armoede', 0).width);
  });

  it.each([
    ['light', teamsLightTheme],
    ['dark', teamsDarkTheme],
    ['high contrast', teamsHighContrastTheme],
  ])('every domain colour has at least 3:1 against the background in %s', (_name, theme) => {
    const values = theme as unknown as Record<string, string>;
    const background = values.colorNeutralBackground1 as string;
    for (const domain of DOMAINS) {
      const colour = values[DOMAIN_STYLES[domain].colorToken] as string;
      expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrast(colour, background)).toBeGreaterThanOrEqual(3);
    }
  });
});
