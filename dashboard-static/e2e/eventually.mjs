// Polls a check until it passes or the time runs out; the last failure explains the timeout.

export async function eventually(check, { timeoutMs, intervalMs = 500, what }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${what}: not within ${timeoutMs / 1000} s; last check: ${lastError?.message}`);
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
