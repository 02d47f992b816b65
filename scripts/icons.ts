// Draws the two Teams app icons (assets/color.png 192×192, assets/outline.png 32×32) from signed
// distance functions, so they stay crisp and can be regenerated without an image editor:
// `npx tsx scripts/icons.ts [output directory, default assets/]`. Motif: two speech bubbles, a conversation, the big one with three dots.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type RgbaImage } from './png';

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];
/** Signed distance in icon units (0..1): negative inside, positive outside. */
type Shape = (x: number, y: number) => number;

export const ACCENT: Rgb = [0x1c, 0x6e, 0x8c];
const WHITE: Rgb = [255, 255, 255];
const LIGHT: Rgb = [0xa8, 0xdc, 0xec];

function roundedRect(cx: number, cy: number, halfWidth: number, halfHeight: number, radius: number): Shape {
  return (x, y) => {
    const qx = Math.abs(x - cx) - halfWidth + radius;
    const qy = Math.abs(y - cy) - halfHeight + radius;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

function circle(cx: number, cy: number, radius: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) - radius;
}

function triangle(a: Point, b: Point, c: Point): Shape {
  const edges = [
    [a, b],
    [b, c],
    [c, a],
  ] as const;
  return (x, y) => {
    let distance = Infinity;
    let sign = 0;
    for (const [[ax, ay], [bx, by]] of edges) {
      const ex = bx - ax;
      const ey = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)));
      distance = Math.min(distance, Math.hypot(x - ax - ex * t, y - ay - ey * t));
      const cross = ex * (y - ay) - ey * (x - ax);
      sign += cross > 0 ? 1 : cross < 0 ? -1 : 0;
    }
    return Math.abs(sign) === 3 ? -distance : distance;
  };
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => {
    let distance = Infinity;
    for (const shape of shapes) distance = Math.min(distance, shape(x, y));
    return distance;
  };
}
const grow =
  (shape: Shape, by: number): Shape =>
  (x, y) =>
    shape(x, y) - by;

/** The motif, laid out in a unit square. */
function motif(scale: number, offset: number) {
  const s = (v: number) => offset + v * scale;
  const big = union(roundedRect(s(0.42), s(0.4), 0.34 * scale, 0.25 * scale, 0.11 * scale), triangle([s(0.18), s(0.55)], [s(0.14), s(0.82)], [s(0.4), s(0.6)]));
  const small = union(roundedRect(s(0.67), s(0.7), 0.25 * scale, 0.17 * scale, 0.09 * scale), triangle([s(0.86), s(0.78)], [s(0.9), s(0.97)], [s(0.68), s(0.84)]));
  const dots = union(circle(s(0.27), s(0.4), 0.045 * scale), circle(s(0.42), s(0.4), 0.045 * scale), circle(s(0.57), s(0.4), 0.045 * scale));
  return { big, small, dots };
}

const SAMPLES = 4;

/** Renders with SAMPLES² supersampling; `paint` returns the colour and opacity at a point. */
function render(size: number, paint: (x: number, y: number) => { rgb: Rgb; alpha: number }): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const { rgb, alpha } = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          r += rgb[0] * alpha;
          g += rgb[1] * alpha;
          b += rgb[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      // Colour is averaged over covered samples only, so soft edges keep their colour, not black.
      data[i] = a > 0 ? Math.round(r / a) : 0;
      data[i + 1] = a > 0 ? Math.round(g / a) : 0;
      data[i + 2] = a > 0 ? Math.round(b / a) : 0;
      data[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return { width: size, height: size, data };
}

/** Full-colour icon: white and light-blue bubbles on the accent colour, edge to edge. */
export function colorIcon(): RgbaImage {
  const { big, small, dots } = motif(0.62, 0.19);
  const gap = grow(small, 0.03);
  return render(192, (x, y) => {
    if (small(x, y) < 0) return { rgb: LIGHT, alpha: 1 };
    if (gap(x, y) < 0) return { rgb: ACCENT, alpha: 1 };
    if (dots(x, y) < 0) return { rgb: ACCENT, alpha: 1 };
    if (big(x, y) < 0) return { rgb: WHITE, alpha: 1 };
    return { rgb: ACCENT, alpha: 1 };
  });
}

/** Outline icon: white strokes on transparency, as Teams requires for its app bar. */
export function outlineIcon(): RgbaImage {
  const { big, small, dots } = motif(0.92, 0.04);
  const half = 1.1 / 32;
  const gap = grow(small, half * 1.5);
  return render(32, (x, y) => {
    const onSmall = Math.abs(small(x, y)) < half;
    const onBig = Math.abs(big(x, y)) < half && gap(x, y) > 0;
    const onDots = dots(x, y) < 0 && gap(x, y) > 0;
    return { rgb: WHITE, alpha: onSmall || onBig || onDots ? 1 : 0 };
  });
}

export function writeIcons(assetsDir: string): void {
  writeFileSync(path.join(assetsDir, 'color.png'), encodePng(colorIcon()));
  writeFileSync(path.join(assetsDir, 'outline.png'), encodePng(outlineIcon()));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const outputDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'assets'));
  writeIcons(outputDir);
  console.log(`color.png en outline.png geschreven in ${outputDir}.`);
}
