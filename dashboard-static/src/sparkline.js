// A tiny line graph of the last minute of a few series, drawn as SVG polylines (no chart library).

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The largest value a graph's y axis shows: the biggest sample rounded up to 1, 2 or 5 times a power of ten,
 * never below `floor`, so a quiet member's graph does not blow noise up to full height.
 */
export function graphCeiling(values, floor = 1) {
  const biggest = Math.max(floor, ...values.filter(Number.isFinite));
  const power = 10 ** Math.floor(Math.log10(biggest));
  const step = [1, 2, 5, 10].find(multiple => multiple * power >= biggest);
  return step * power;
}

/**
 * SVG polyline points ("x,y x,y ...") for samples [{t, v}] in a width x height box: time runs left to right over
 * the `windowMs` that ends at `now` (older samples are left out), values from the bottom (0) to the top (`ceiling`).
 */
export function sparklinePoints(samples, { width, height, windowMs, now, ceiling }) {
  const top = ceiling > 0 ? ceiling : 1;
  return samples
    .filter(sample => now - sample.t <= windowMs && Number.isFinite(sample.v))
    .map(sample => {
      const x = width - (Math.max(0, now - sample.t) / windowMs) * width;
      const y = height - (Math.min(Math.max(sample.v, 0), top) / top) * height;
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

function round(number) {
  return Math.round(number * 10) / 10;
}

/** One small SVG graph; `draw` replaces its lines with the given series. */
export class Sparkline {
  /** @param {{width?: number, height?: number, label: string}} options */
  constructor({ width = 120, height = 32, label }) {
    this.width = width;
    this.height = height;
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.svg.setAttribute('preserveAspectRatio', 'none');
    this.svg.setAttribute('class', 'sparkline');
    this.svg.setAttribute('role', 'img');
    this.svg.setAttribute('aria-label', label);
  }

  /** @param {{samples: {t: number, v: number}[], className: string}[]} series sharing one ceiling */
  draw(series, { now, windowMs, ceiling }) {
    const lines = series.map(({ samples, className }) => {
      const line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('class', className);
      line.setAttribute('points', sparklinePoints(samples, { width: this.width, height: this.height, windowMs, now, ceiling }));
      return line;
    });
    this.svg.replaceChildren(...lines);
  }
}
