import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphCeiling, sparklinePoints } from '../src/sparkline.js';

const box = { width: 100, height: 20, windowMs: 60_000, now: 60_000 };

test('the ceiling rounds the biggest sample up to 1, 2 or 5 times a power of ten', () => {
  assert.equal(graphCeiling([120, 800, 90]), 1000);
  assert.equal(graphCeiling([1_300_000]), 2_000_000);
  assert.equal(graphCeiling([0.3], 0.01), 0.5);
  assert.equal(graphCeiling([4000]), 5000);
  assert.equal(graphCeiling([1000]), 1000);
});

test('a quiet series keeps the floor as its ceiling, and NaN samples are ignored', () => {
  assert.equal(graphCeiling([0, 0, Number.NaN], 100_000), 100_000);
  assert.equal(graphCeiling([]), 1);
});

test('time runs left to right over the window and values rise from the bottom', () => {
  const points = sparklinePoints([{ t: 0, v: 0 }, { t: 30_000, v: 50 }, { t: 60_000, v: 100 }], { ...box, ceiling: 100 });
  assert.equal(points, '0,20 50,10 100,0');
});

test('samples older than the window are left out, values above the ceiling are clamped to the top', () => {
  const points = sparklinePoints([{ t: -1, v: 10 }, { t: 45_000, v: 500 }, { t: 60_000, v: -5 }], { ...box, ceiling: 100 });
  assert.equal(points, '75,0 100,20');
});

test('no samples draw nothing; a zero ceiling does not divide by zero', () => {
  assert.equal(sparklinePoints([], { ...box, ceiling: 100 }), '');
  assert.equal(sparklinePoints([{ t: 60_000, v: 0 }], { ...box, ceiling: 0 }), '100,20');
});
