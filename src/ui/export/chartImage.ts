// The chart as drawn on screen, turned into a PNG for Word (Word shows SVG only from 2016 on and
// not everywhere). The drawn SVG colours are theme variables; outside the page they mean nothing,
// so each element's computed colours are written into a copy before it is rasterised. The legend
// on screen is HTML beside the SVG; the image carries its own, drawn below the chart from the drawn
// series (their colour, dash and marker as computed), labelled with the report's words.
import type { ChartImage } from './reportDocument';

const STYLE_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'color', 'font-size', 'font-weight', 'font-family', 'opacity'] as const;
const SCALE = 2;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Legend layout in the chart's own units (its viewBox is 860 wide). */
const LEGEND = { columns: 2, row: 34, swatch: 56, gap: 10, font: 18, padding: 20 } as const;

function inlineComputedStyles(source: Element, target: Element): void {
  const computed = window.getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  const sourceChildren = [...source.children];
  const targetChildren = [...target.children];
  sourceChildren.forEach((child, i) => {
    const twin = targetChildren[i];
    if (twin) inlineComputedStyles(child, twin);
  });
}

function backgroundOf(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const colour = window.getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/**
 * Draws a legend under the chart in `copy`: one entry per drawn series (g[data-series], in drawing
 * order, the group mean last), labelled with `labels` when there is one per series, else with the
 * series' own name. Returns the new height.
 */
function drawLegend(source: SVGSVGElement, copy: SVGSVGElement, labels: readonly string[] | undefined, width: number, height: number): number {
  const series = [...source.querySelectorAll('g[data-series]')];
  if (series.length === 0) return height;
  const names = series.map((g, i) => (labels && labels.length === series.length ? labels[i] : g.getAttribute('data-series')) ?? '');
  // Two columns when every label fits in one, else one column: a label is never cut when it can be helped.
  const charsIn = (columns: number) => Math.floor(((width - 2 * LEGEND.padding) / columns - LEGEND.swatch - 2 * LEGEND.gap) / (LEGEND.font * 0.55));
  const columns = names.every((n) => n.length <= charsIn(LEGEND.columns)) ? LEGEND.columns : 1;
  const columnWidth = (width - 2 * LEGEND.padding) / columns;
  const maxChars = charsIn(columns);
  const top = height + LEGEND.padding / 2;
  const sourceStyle = window.getComputedStyle(source);
  const legend = document.createElementNS(SVG_NS, 'g');
  series.forEach((group, i) => {
    const x = LEGEND.padding + (i % columns) * columnWidth;
    const y = top + Math.floor(i / columns) * LEGEND.row + LEGEND.row / 2;
    const drawnLine = group.querySelector('path:not([data-theme])');
    const lineStyle = drawnLine ? window.getComputedStyle(drawnLine) : null;
    const line = document.createElementNS(SVG_NS, 'path');
    line.setAttribute('d', `M${x},${y}H${x + LEGEND.swatch}`);
    const dash = lineStyle?.getPropertyValue('stroke-dasharray') ?? 'none';
    const strokeWidth = Math.min(5, Number.parseFloat(lineStyle?.getPropertyValue('stroke-width') ?? '2') || 2);
    line.setAttribute('style', `fill:none;stroke:${window.getComputedStyle(group).color};stroke-width:${strokeWidth};stroke-dasharray:${dash}`);
    legend.append(line);
    const marker = group.querySelector('path[data-theme]');
    if (marker instanceof SVGGraphicsElement) {
      const box = marker.getBBox();
      const twin = marker.cloneNode(false) as SVGPathElement;
      inlineComputedStyles(marker, twin);
      twin.setAttribute('transform', `translate(${(x + LEGEND.swatch / 2 - (box.x + box.width / 2)).toFixed(2)},${(y - (box.y + box.height / 2)).toFixed(2)})`);
      legend.append(twin);
    }
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(x + LEGEND.swatch + LEGEND.gap));
    text.setAttribute('y', String(y + LEGEND.font * 0.35));
    const bold = i === series.length - 1 ? 'font-weight:700;' : '';
    text.setAttribute('style', `fill:${sourceStyle.color};font-size:${LEGEND.font}px;font-family:${sourceStyle.fontFamily};${bold}`);
    text.textContent = truncate(names[i] ?? '', maxChars);
    legend.append(text);
  });
  copy.append(legend);
  return top + Math.ceil(series.length / columns) * LEGEND.row + LEGEND.padding / 2;
}

/**
 * Null where the browser cannot draw (no canvas 2D context, e.g. jsdom in tests): the report then
 * carries the score table only, which holds the same data.
 */
export async function chartToPng(svg: SVGSVGElement, legend?: readonly string[]): Promise<ChartImage | null> {
  const canvas = document.createElement('canvas');
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = canvas.getContext('2d');
  } catch {
    context = null;
  }
  if (!context) return null;
  const viewBox = svg.viewBox.baseVal;
  const width = viewBox && viewBox.width > 0 ? viewBox.width : svg.clientWidth;
  const chartHeight = viewBox && viewBox.height > 0 ? viewBox.height : svg.clientHeight;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, copy);
  const height = drawLegend(svg, copy, legend, width, chartHeight);
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const markup = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('chart image did not load'));
      image.src = url;
    });
    canvas.width = width * SCALE;
    canvas.height = height * SCALE;
    context.fillStyle = backgroundOf(svg);
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return null;
    return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}
