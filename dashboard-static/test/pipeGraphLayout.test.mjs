import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pipeEdges, pipeGraphLayout } from '../src/pipeGraphLayout.js';

const stream = (node, pipedTo) => ({ producerId: `${node}-${pipedTo.join('')}`, node, pipedTo });

test('counts the streams piped from each home to each member', () => {
  const edges = pipeEdges([stream('sfu1', ['sfu2', 'sfu3']), stream('sfu1', ['sfu3']), stream('sfu2', ['sfu1']), stream('sfu3', [])]);
  assert.deepEqual(edges, [
    { from: 'sfu1', to: 'sfu2', count: 1 },
    { from: 'sfu1', to: 'sfu3', count: 2 },
    { from: 'sfu2', to: 'sfu1', count: 1 },
  ]);
});

test('ignores pipes to the home itself, duplicates and missing fields', () => {
  assert.deepEqual(pipeEdges([{ node: 'sfu1', pipedTo: ['sfu1', 'sfu2', 'sfu2'] }, { node: 'sfu2' }, { pipedTo: ['sfu1'] }]),
    [{ from: 'sfu1', to: 'sfu2', count: 1 }]);
});

test('places members on a circle, the first at the top, all inside the box', () => {
  const { nodes } = pipeGraphLayout(['sfu2', 'sfu1', 'sfu3'], [], { width: 200, height: 160, nodeRadius: 20 });
  assert.deepEqual(nodes.map(node => node.id), ['sfu1', 'sfu2', 'sfu3']);
  assert.equal(nodes[0].x, 100);
  assert.ok(nodes[0].y < nodes[1].y && nodes[0].y < nodes[2].y, 'first member on top');
  assert.ok(nodes[1].x > 100 && nodes[2].x < 100, 'clockwise: second on the right');
  for (const node of nodes) {
    assert.ok(node.x - 20 >= 0 && node.x + 20 <= 200 && node.y - 20 >= 0 && node.y + 20 <= 160, JSON.stringify(node));
  }
});

test('one member sits in the middle', () => {
  assert.deepEqual(pipeGraphLayout(['sfu1'], [], { width: 200, height: 100 }).nodes, [{ id: 'sfu1', x: 100, y: 50 }]);
});

test('an edge runs from border to border of the two member circles', () => {
  const { nodes, edges } = pipeGraphLayout(['a', 'b'], [stream('a', ['b'])], { width: 200, height: 200, nodeRadius: 20, pairGap: 0 });
  const [a, b] = nodes;
  const [edge] = edges;
  assert.equal(Math.round(Math.hypot(edge.x1 - a.x, edge.y1 - a.y)), 20);
  assert.equal(Math.round(Math.hypot(edge.x2 - b.x, edge.y2 - b.y)), 20);
  assert.equal(edge.count, 1);
});

test('opposite pipes between two members are drawn apart, not on top of each other', () => {
  const { edges } = pipeGraphLayout(['a', 'b'], [stream('a', ['b']), stream('b', ['a'])], { width: 200, height: 200, pairGap: 8 });
  const [ab, ba] = edges;
  const midpoint = edge => [(edge.x1 + edge.x2) / 2, (edge.y1 + edge.y2) / 2];
  const [abX, abY] = midpoint(ab);
  const [baX, baY] = midpoint(ba);
  assert.ok(Math.hypot(abX - baX, abY - baY) >= 7.9, `${JSON.stringify(ab)} vs ${JSON.stringify(ba)}`);
});

test('a member known only from the streams is drawn too', () => {
  const { nodes } = pipeGraphLayout(['sfu1'], [stream('sfu1', ['sfu4'])], { width: 200, height: 200 });
  assert.deepEqual(nodes.map(node => node.id), ['sfu1', 'sfu4']);
});
