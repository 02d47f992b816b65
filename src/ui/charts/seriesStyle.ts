// How one line of the spider chart is told apart without colour: each series gets its own dash
// pattern and marker shape, and colour only helps on top (WCAG 1.4.1, use of colour). The group
// mean is thicker and has a marker no participant gets.
import { tokens } from '@fluentui/react-components';
import type { Domain } from '../../domain/model';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangleDown' | 'cross' | 'plus' | 'star' | 'hexagon';

export interface SeriesStyle {
  dash: string;
  marker: MarkerShape;
  color: string;
  width: number;
}

const DASHES = ['8 4', '2 4', '12 4 2 4', '4 4', '1 7', '14 3 3 3 3 3', ''] as const;
const MARKERS: readonly MarkerShape[] = ['square', 'triangle', 'diamond', 'circle', 'triangleDown', 'cross', 'plus', 'star'];
// Fluent palette foreground tokens follow the theme (light, dark, high contrast).
const COLORS = [
  tokens.colorPaletteBlueForeground2,
  tokens.colorPaletteDarkOrangeForeground2,
  tokens.colorPaletteGreenForeground2,
  tokens.colorPaletteBerryForeground2,
  tokens.colorPaletteTealForeground2,
  tokens.colorPaletteMarigoldForeground2,
  tokens.colorPalettePurpleForeground2,
  tokens.colorPaletteRedForeground2,
] as const;

/** Dash patterns and markers cycle with coprime lengths (7 and 8), so 56 participants look different. */
export function participantSeriesStyle(index: number): SeriesStyle {
  return {
    dash: DASHES[index % DASHES.length] ?? '',
    marker: MARKERS[index % MARKERS.length] ?? 'circle',
    color: COLORS[index % COLORS.length] ?? 'currentColor',
    width: 2,
  };
}

/**
 * A domain's colour and marker, the same in every session whoever joins first: armoede blue squares,
 * gezondheid orange triangles, partners berry diamonds (blue/orange/magenta stay apart for the common
 * colour vision deficiencies). The Fluent tokens pass 3:1 against the background in light and dark
 * (WCAG 1.4.11); in high contrast they all become the system foreground, so the marker (the domain)
 * and the dash (the person within it) carry the difference (tests/unit/ui/seriesStyle.test.ts).
 */
export const DOMAIN_STYLES: Record<Domain, { color: string; colorToken: string; marker: MarkerShape }> = {
  armoede: { color: tokens.colorPaletteBlueForeground2, colorToken: 'colorPaletteBlueForeground2', marker: 'square' },
  gezondheid: { color: tokens.colorPaletteDarkOrangeForeground2, colorToken: 'colorPaletteDarkOrangeForeground2', marker: 'triangle' },
  partner: { color: tokens.colorPaletteBerryForeground2, colorToken: 'colorPaletteBerryForeground2', marker: 'diamond' },
};

/** Dashes for the people within one domain; a domain's mean is solid and thicker. */
const PERSON_DASHES = ['8 4', '2 4', '12 4 2 4', '4 4', '1 7', '14 3 3 3 3 3'] as const;

/** A person's line: their domain's colour and marker, a dash of their own within the domain. */
export function domainPersonStyle(domain: Domain, indexInDomain: number): SeriesStyle {
  const d = DOMAIN_STYLES[domain];
  return { dash: PERSON_DASHES[indexInDomain % PERSON_DASHES.length] ?? '', marker: d.marker, color: d.color, width: 2 };
}

/** A domain's mean: solid, between a person's line and the group mean in weight. */
export function domainMeanStyle(domain: Domain): SeriesStyle {
  const d = DOMAIN_STYLES[domain];
  return { dash: '', marker: d.marker, color: d.color, width: 3.5 };
}

export const MEAN_SERIES_STYLE: SeriesStyle = { dash: '', marker: 'hexagon', color: 'currentColor', width: 5 };

function polygon(x: number, y: number, size: number, corners: number, rotation: number): string {
  const points: string[] = [];
  for (let i = 0; i < corners; i += 1) {
    const angle = rotation + (i * 2 * Math.PI) / corners;
    points.push(`${(x + size * Math.cos(angle)).toFixed(2)},${(y + size * Math.sin(angle)).toFixed(2)}`);
  }
  return `M${points.join('L')}Z`;
}

/** An SVG path for a marker centred on (x, y); `size` is its outer radius. */
export function markerPath(shape: MarkerShape, x: number, y: number, size: number): string {
  const s = size;
  switch (shape) {
    case 'circle':
      return `M${x - s},${y}a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0Z`;
    case 'square':
      return `M${x - s * 0.8},${y - s * 0.8}h${1.6 * s}v${1.6 * s}h${-1.6 * s}Z`;
    case 'triangle':
      return polygon(x, y, s * 1.1, 3, -Math.PI / 2);
    case 'triangleDown':
      return polygon(x, y, s * 1.1, 3, Math.PI / 2);
    case 'diamond':
      return polygon(x, y, s * 1.1, 4, 0);
    case 'hexagon':
      return polygon(x, y, s * 1.2, 6, 0);
    case 'cross': {
      const a = s * 0.75;
      return `M${x - a},${y - a}L${x + a},${y + a}M${x - a},${y + a}L${x + a},${y - a}`;
    }
    case 'plus':
      return `M${x - s},${y}H${x + s}M${x},${y - s}V${y + s}`;
    case 'star': {
      const points: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const radius = i % 2 === 0 ? s * 1.2 : s * 0.5;
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        points.push(`${(x + radius * Math.cos(angle)).toFixed(2)},${(y + radius * Math.sin(angle)).toFixed(2)}`);
      }
      return `M${points.join('L')}Z`;
    }
  }
}

/** Cross and plus are strokes only; the others are filled shapes. */
export function markerIsStroked(shape: MarkerShape): boolean {
  return shape === 'cross' || shape === 'plus';
}
