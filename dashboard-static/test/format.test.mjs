import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBitrate, formatCpu, shortId } from '../src/format.js';

test('bitrates are short enough for a phone-width cell', () => {
  assert.equal(formatBitrate(0), '0');
  assert.equal(formatBitrate(undefined), '0');
  assert.equal(formatBitrate(640), '640');
  assert.equal(formatBitrate(850_400), '850k');
  assert.equal(formatBitrate(1_540_000), '1.5M');
});

test('cpu with two decimals, a dash when unknown; ids cut to 8 characters', () => {
  assert.equal(formatCpu(0.3456), '0.35');
  assert.equal(formatCpu(null), '–');
  assert.equal(shortId('0123456789abcdef'), '01234567');
});
