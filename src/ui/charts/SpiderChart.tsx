// Step 1 at a glance: one line per participant and one for the group mean over the six statements.
// "Weet niet" and unanswered statements leave a gap in a line: plotting them as 0 (or as the
// paper's 6) would draw an opinion nobody gave.
import { tokens } from '@fluentui/react-components';
import { useId, type Ref } from 'react';
import { isNumericScore, summariseAllScores, THEME_IDS, type Instrument, type Scores } from '../../domain';
import { useT } from '../i18n';
import { chartMessages } from './messages';
import { markerIsStroked, markerPath, MEAN_SERIES_STYLE, participantSeriesStyle, type SeriesStyle } from './seriesStyle';

export interface ChartParticipant {
  id: string;
  name: string;
  scores: Scores;
}

export interface SpiderChartProps {
  instrument: Pick<Instrument, 'themes'>;
  participants: readonly ChartParticipant[];
  /** Lets the Word export read the drawn chart. */
  svgRef?: Ref<SVGSVGElement>;
  /** CSS max width; the chart scales to its container below it. */
  maxWidth?: number | string;
  /**
   * Lines drawn as given instead of one per participant plus the group mean: the comparison's
   * "before" and "after" means overlaid (src/ui/tab/ComparisonTable.tsx). Values may be fractional.
   */
  /**
   * The lines as the session's display setting draws them (src/ui/stage/ScoresSection.tsx): each
   * with its label and its domain's style. The group mean is still computed from `participants`.
   */
  lines?: readonly { id: string; name: string; values: readonly (number | null)[]; style: SeriesStyle }[];
  overlay?: { title: string; description: string; series: readonly { id: string; name: string; values: readonly (number | null)[] }[] };
}

const WIDTH = 860;
const HEIGHT = 640;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 180;
const SCALE_MAX = 5;
const LABEL_LINE = 17;

interface Point {
  x: number;
  y: number;
}

function angleOf(index: number): number {
  return -Math.PI / 2 + (index * 2 * Math.PI) / THEME_IDS.length;
}

function pointAt(index: number, value: number): Point {
  const r = (RADIUS * value) / SCALE_MAX;
  const angle = angleOf(index);
  return { x: CX + r * Math.cos(angle), y: CY + r * Math.sin(angle) };
}

/** Lines only between neighbouring statements that both have a 1–5 value: the gaps stay visible. */
function linePath(values: readonly (number | null)[]): string {
  const parts: string[] = [];
  values.forEach((value, i) => {
    const next = values[(i + 1) % values.length];
    if (value === null || value === undefined || next === null || next === undefined) return;
    const a = pointAt(i, value);
    const b = pointAt((i + 1) % values.length, next);
    parts.push(`M${a.x.toFixed(2)},${a.y.toFixed(2)}L${b.x.toFixed(2)},${b.y.toFixed(2)}`);
  });
  return parts.join('');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function Series({ name, values, style }: { name: string; values: readonly (number | null)[]; style: SeriesStyle }) {
  const stroked = markerIsStroked(style.marker);
  return (
    <g data-series={name} style={{ color: style.color }}>
      <path
        d={linePath(values)}
        style={{ fill: 'none', stroke: 'currentColor', strokeWidth: style.width, strokeDasharray: style.dash || undefined, strokeLinecap: 'round' }}
      />
      {values.map((value, i) =>
        value === null ? null : (
          <path
            key={THEME_IDS[i]}
            data-theme={THEME_IDS[i]}
            data-value={value}
            d={markerPath(style.marker, pointAt(i, value).x, pointAt(i, value).y, style.width > 3 ? 8 : 6)}
            style={
              stroked
                ? { fill: 'none', stroke: 'currentColor', strokeWidth: 2.5 }
                : { fill: 'currentColor', stroke: tokens.colorNeutralBackground1, strokeWidth: 1 }
            }
          />
        ),
      )}
    </g>
  );
}

export function LegendSwatch({ style }: { style: SeriesStyle }) {
  const stroked = markerIsStroked(style.marker);
  return (
    <svg width={48} height={18} viewBox="0 0 48 18" aria-hidden="true" focusable="false" style={{ color: style.color, flex: 'none' }}>
      <path d="M2,9H46" style={{ stroke: 'currentColor', strokeWidth: Math.min(style.width, 4), strokeDasharray: style.dash || undefined }} />
      <path
        d={markerPath(style.marker, 24, 9, 6)}
        style={stroked ? { fill: 'none', stroke: 'currentColor', strokeWidth: 2.5 } : { fill: 'currentColor' }}
      />
    </svg>
  );
}

export function SpiderChart({ instrument, participants, svgRef, maxWidth = 760, overlay, lines }: SpiderChartProps) {
  const t = useT(chartMessages);
  const titleId = useId();
  const descId = useId();
  const series = overlay
    ? overlay.series.map((s, index) => ({ key: s.id, name: s.name, style: participantSeriesStyle(index), values: s.values }))
    : lines
      ? lines.map((l) => ({ key: l.id, name: l.name, style: l.style, values: l.values }))
      : participants.map((participant, index) => ({
    key: participant.id,
    name: participant.name,
    style: participantSeriesStyle(index),
    values: THEME_IDS.map((theme) => {
      const score = participant.scores[theme];
      return isNumericScore(score) ? score : null;
    }),
  }));
  const means = summariseAllScores(participants).map((summary) => summary.mean);
  const anyScore = overlay ? series.some((s) => s.values.some((v) => v !== null)) : means.some((mean) => mean !== null);

  if (!anyScore) return <p>{t('chartEmpty')}</p>;

  return (
    <figure style={{ margin: 0, maxWidth, width: '100%' }}>
      <svg
        ref={svgRef}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ display: 'block', height: 'auto', color: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase }}
      >
        <title id={titleId}>{overlay ? overlay.title : t('chartTitle')}</title>
        <desc id={descId}>{overlay ? overlay.description : t('chartDescription', { count: participants.length })}</desc>
        <g aria-hidden="true">
          {[1, 2, 3, 4, 5].map((ring) => (
            <polygon
              key={ring}
              points={THEME_IDS.map((_, i) => `${pointAt(i, ring).x.toFixed(2)},${pointAt(i, ring).y.toFixed(2)}`).join(' ')}
              style={{ fill: 'none', stroke: tokens.colorNeutralStroke1, strokeWidth: ring === SCALE_MAX ? 2 : 1 }}
            />
          ))}
          {THEME_IDS.map((theme, i) => {
            const end = pointAt(i, SCALE_MAX);
            return <line key={theme} x1={CX} y1={CY} x2={end.x} y2={end.y} style={{ stroke: tokens.colorNeutralStroke1, strokeWidth: 1 }} />;
          })}
          {[1, 2, 3, 4, 5].map((ring) => {
            // Ring numbers sit halfway along the A–B edge, away from the axes where markers are.
            const a = pointAt(0, ring);
            const b = pointAt(1, ring);
            return (
              <text key={ring} x={(a.x + b.x) / 2 + 4} y={(a.y + b.y) / 2 - 4} style={{ fill: 'currentColor', fontSize: 14 }}>
                {ring}
              </text>
            );
          })}
          {instrument.themes.map((theme, i) => {
            const angle = angleOf(i);
            const cos = Math.cos(angle);
            const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
            const lines = [`${theme.id}.`, ...wrap(theme.title, LABEL_LINE)];
            const x = CX + (RADIUS + 24) * cos;
            const yBase = CY + (RADIUS + 24) * Math.sin(angle);
            const y = Math.sin(angle) < -0.5 ? yBase - (lines.length - 1) * 23 : Math.sin(angle) > 0.5 ? yBase + 14 : yBase - ((lines.length - 1) * 23) / 2;
            return (
              <text key={theme.id} x={x} y={y} textAnchor={anchor} style={{ fill: 'currentColor', fontSize: 20 }}>
                {lines.map((line, n) => (
                  <tspan key={n} x={x} dy={n === 0 ? 0 : 23} style={{ fontWeight: n === 0 ? 700 : 400 }}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          })}
        </g>
        <g aria-hidden="true">
          {series.map((s) => (
            <Series key={s.key} name={s.name} values={s.values} style={s.style} />
          ))}
          {overlay ? null : <Series name={t('groupMean')} values={means} style={MEAN_SERIES_STYLE} />}
        </g>
      </svg>
      <figcaption>
        <ul aria-label={t('legend')} style={{ listStyle: 'none', padding: 0, margin: '8px 0 0', display: 'flex', flexWrap: 'wrap', gap: '6px 20px' }}>
          {series.map((s) => (
            <li key={s.key} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              <LegendSwatch style={s.style} />
              <span>{s.name}</span>
            </li>
          ))}
          {overlay ? null : (
            <li style={{ display: 'flex', alignItems: 'center', gap: 6, fontWeight: 700 }}>
              <LegendSwatch style={MEAN_SERIES_STYLE} />
              <span>{t('groupMean')}</span>
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
