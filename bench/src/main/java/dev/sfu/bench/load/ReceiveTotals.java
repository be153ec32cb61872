package dev.sfu.bench.load;

/**
 * What subscribers received, summed (since they joined, or over a window: {@link #minus}). Loss counts sequence
 * gaps; latency is receive time minus the send time carried in the payload (µs).
 */
record ReceiveTotals(long received, long expected, long bytes, LatencyHistogram latency, long checksumsVerified,
                     long checksumFailures, long badProbes, long unknownSsrc) {

    static ReceiveTotals empty() {
        return new ReceiveTotals(0, 0, 0, new LatencyHistogram(), 0, 0, 0, 0);
    }

    long lost() {
        return Math.max(0, expected - received);
    }

    double lossPercent() {
        return expected == 0 ? 0.0 : 100.0 * lost() / expected;
    }

    ReceiveTotals plus(ReceiveTotals o) {
        LatencyHistogram sum = latency.copy();
        sum.add(o.latency);
        return new ReceiveTotals(received + o.received, expected + o.expected, bytes + o.bytes, sum,
                checksumsVerified + o.checksumsVerified, checksumFailures + o.checksumFailures,
                badProbes + o.badProbes, unknownSsrc + o.unknownSsrc);
    }

    ReceiveTotals minus(ReceiveTotals earlier) {
        return new ReceiveTotals(received - earlier.received, expected - earlier.expected, bytes - earlier.bytes,
                latency.minus(earlier.latency), checksumsVerified - earlier.checksumsVerified,
                checksumFailures - earlier.checksumFailures, badProbes - earlier.badProbes,
                unknownSsrc - earlier.unknownSsrc);
    }
}
