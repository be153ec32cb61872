// The live log's lines: built from /ws events and the page's own messages, filtered by member and level,
// and bounded to the most recent ones.
import { eventDetails } from './eventStream.js';

export const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];
export const MAX_LOG_LINES = 500;
export const THIS_PAGE = 'this page';

/**
 * One log line from one /ws event: "log" events carry their own level, logger and message; any other event is an
 * INFO line naming its type and fields.
 */
export function lineFromEvent(event) {
  const node = event.node || '?';
  const timestamp = Number.isFinite(event.timestamp) ? event.timestamp : Date.now();
  if (event.type === 'log') {
    return {
      timestamp, node, source: 'server',
      level: normalLevel(event.level),
      logger: event.logger ? String(event.logger) : '',
      message: String(event.message ?? ''),
    };
  }
  const { type, room } = event;
  const summary = Object.entries(eventDetails(event)).map(([key, value]) => `${key}=${formatValue(value)}`).join(' ');
  return {
    timestamp, node, source: 'event',
    level: 'INFO',
    logger: room ? `event · room ${room}` : 'event',
    message: [type ?? 'event', summary].filter(Boolean).join(' '),
  };
}

/** A line about something this page did (or failed to do). */
export function pageLine(message, level = 'INFO', timestamp = Date.now()) {
  return { timestamp, node: THIS_PAGE, source: 'page', level: normalLevel(level), logger: '', message: String(message) };
}

/** "warning" -> "WARN", "err" -> "ERROR", unknown -> "INFO". */
export function normalLevel(level) {
  const upper = String(level ?? '').toUpperCase();
  if (LEVELS.includes(upper)) return upper;
  if (upper.startsWith('WARN')) return 'WARN';
  if (upper.startsWith('ERR') || upper === 'FATAL' || upper === 'SEVERE') return 'ERROR';
  return 'INFO';
}

/** @param {{node?: string, minLevel?: string}} filter node "" = every member; minLevel "" = every level */
export function passesFilter(line, { node = '', minLevel = '' } = {}) {
  if (node && line.node !== node) return false;
  if (minLevel && LEVELS.indexOf(line.level) < LEVELS.indexOf(minLevel)) return false;
  return true;
}

/** The most recent `capacity` lines, oldest first. */
export class BoundedLines {
  constructor(capacity = MAX_LOG_LINES) {
    this.capacity = capacity;
    this.lines = [];
  }

  /** Adds a line; returns the lines pushed out to stay within capacity. */
  add(line) {
    this.lines.push(line);
    return this.lines.length > this.capacity ? this.lines.splice(0, this.lines.length - this.capacity) : [];
  }

  filtered(filter) {
    return this.lines.filter(line => passesFilter(line, filter));
  }

  /** Every member that wrote a line, sorted. */
  nodes() {
    return [...new Set(this.lines.map(line => line.node))].sort();
  }
}

function formatValue(value) {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
