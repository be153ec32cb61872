import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Notice } from '../src/notice.js';

const banner = () => ({ hidden: true, textContent: '' });

test('a background topic does not hide the outcome of a user action', () => {
  const element = banner();
  const notice = new Notice(element);
  notice.error('publish failed');
  notice.error('member unreachable', 'members');
  assert.equal(element.textContent, 'publish failed');
  assert.equal(element.hidden, false);
});

test('a topic clears only its own message', () => {
  const element = banner();
  const notice = new Notice(element);
  notice.error('member unreachable', 'members');
  notice.clear('streams');
  assert.equal(element.hidden, false);
  notice.clear('members');
  assert.equal(element.hidden, true);
});
