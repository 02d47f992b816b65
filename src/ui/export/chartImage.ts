// The chart as drawn on screen, turned into a PNG for Word (Word shows SVG only from 2016 on and
// not everywhere). The drawn SVG colours are theme variables; outside the page they mean nothing,
// so each element's computed colours are written into a copy before it is rasterised.
import type { ChartImage } from './reportDocument';

const STYLE_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'color', 'font-size', 'font-weight', 'font-family', 'opacity'] as const;
const SCALE = 2;

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

/**
 * Null where the browser cannot draw (no canvas 2D context, e.g. jsdom in tests): the report then
 * carries the score table only, which holds the same data.
 */
export async function chartToPng(svg: SVGSVGElement): Promise<ChartImage | null> {
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
  const height = viewBox && viewBox.height > 0 ? viewBox.height : svg.clientHeight;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, copy);
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
