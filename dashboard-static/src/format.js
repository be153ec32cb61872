// Short renderings of numbers and ids, sized for table cells and phone-width cards.

/** Bits per second as "0", "850k", "1.5M". */
export function formatBitrate(bitsPerSecond) {
  if (!Number.isFinite(bitsPerSecond) || bitsPerSecond <= 0) return '0';
  if (bitsPerSecond >= 1e6) return `${(bitsPerSecond / 1e6).toFixed(1)}M`;
  if (bitsPerSecond >= 1e3) return `${Math.round(bitsPerSecond / 1e3)}k`;
  return String(Math.round(bitsPerSecond));
}

/** CPU in cores used, as "0.35"; "–" when the member does not report it. */
export function formatCpu(cores) {
  return Number.isFinite(cores) ? cores.toFixed(2) : '–';
}

/** The first 8 characters of an id: enough to tell streams apart on screen. */
export function shortId(id) {
  return String(id).slice(0, 8);
}
