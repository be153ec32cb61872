package dev.sfu.bench.load;

import java.util.List;
import java.util.Map;

/**
 * The figures of one measured step: what the subscribers received during the window, how the joins of the step
 * went, and what the SFU members and the tool itself used.
 *
 * @param joinFailures      error message → how many joins failed with it
 * @param firstPacketMillis per joined subscriber: consume request to first packet of its slowest stream
 * @param silentSubscribers joined subscribers with a stream that delivered nothing
 * @param saturation        how busy the tool's and the SFU's loops and the machine were: who limited the step
 */
record StepResult(int subscribers, int joined, int consumerStreams, double windowSeconds, ReceiveTotals window,
                  Map<String, Integer> joinFailures, List<Double> connectMillis, List<Double> firstPacketMillis,
                  int silentSubscribers, LatencyHistogram signalingRoundTrips, List<MemberUsage> members,
                  MemberUsage tool, Saturation saturation) {

    /** Cores used by the SFU members together; null when no member could be read. */
    Double serverCores() {
        if (members.isEmpty()) {
            return null;
        }
        return members.stream().mapToDouble(MemberUsage::cores).sum();
    }

    boolean within(double maxLossPercent, double maxP99Millis) {
        return joinFailures.isEmpty() && silentSubscribers == 0 && window.received() > 0
                && window.lossPercent() <= maxLossPercent && window.latency().percentileMicros(0.99) / 1e3 <= maxP99Millis;
    }

    static double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
