import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedLines, lineFromEvent, normalLevel, pageLine, passesFilter } from '../src/logLines.js';

test('a log event keeps its level, logger, message and member', () => {
  const line = lineFromEvent({ type: 'log', node: 'sfu2', timestamp: 5, level: 'warn', logger: 'dev.sfu.X', message: 'slow' });
  assert.deepEqual(line, { timestamp: 5, node: 'sfu2', source: 'server', level: 'WARN', logger: 'dev.sfu.X', message: 'slow' });
});

test('any other event is an INFO line with its type and fields', () => {
  const line = lineFromEvent({ type: 'newProducer', room: 'demo', node: 'sfu1', timestamp: 7, producerId: 'p1', kind: 'video' });
  assert.equal(line.level, 'INFO');
  assert.equal(line.node, 'sfu1');
  assert.equal(line.logger, 'event · room demo');
  assert.equal(line.message, 'newProducer producerId=p1 kind=video');
});

test('levels are normalised', () => {
  assert.equal(normalLevel('warning'), 'WARN');
  assert.equal(normalLevel('Error'), 'ERROR');
  assert.equal(normalLevel('debug'), 'DEBUG');
  assert.equal(normalLevel(undefined), 'INFO');
});

test('filters by member and by minimum level', () => {
  const warn = lineFromEvent({ type: 'log', node: 'sfu1', level: 'WARN', message: 'x' });
  const debug = lineFromEvent({ type: 'log', node: 'sfu2', level: 'DEBUG', message: 'y' });
  assert.equal(passesFilter(warn, {}), true);
  assert.equal(passesFilter(warn, { node: 'sfu2' }), false);
  assert.equal(passesFilter(debug, { node: 'sfu2' }), true);
  assert.equal(passesFilter(debug, { minLevel: 'INFO' }), false);
  assert.equal(passesFilter(warn, { minLevel: 'INFO' }), true);
  assert.equal(passesFilter(pageLine('failed', 'ERROR'), { node: 'this page', minLevel: 'WARN' }), true);
});

test('keeps only the most recent lines and tells which were pushed out', () => {
  const lines = new BoundedLines(3);
  const made = [1, 2, 3, 4, 5].map(n => pageLine(`line ${n}`));
  const dropped = made.map(line => lines.add(line));
  assert.deepEqual(dropped.slice(0, 3), [[], [], []]);
  assert.deepEqual(dropped[3], [made[0]]);
  assert.deepEqual(lines.lines.map(line => line.message), ['line 3', 'line 4', 'line 5']);
});

test('lists the members that wrote lines and filters the kept lines', () => {
  const lines = new BoundedLines();
  lines.add(lineFromEvent({ type: 'log', node: 'sfu2', level: 'ERROR', message: 'a' }));
  lines.add(lineFromEvent({ type: 'nodeUp', node: 'sfu1' }));
  assert.deepEqual(lines.nodes(), ['sfu1', 'sfu2']);
  assert.deepEqual(lines.filtered({ minLevel: 'ERROR' }).map(line => line.message), ['a']);
});
