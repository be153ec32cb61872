package dev.sfu.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The one-line JSON summary of a run. For a ramp, the headline figures are those of the last step within the
 * limits (the capacity), and {@code ramp} lists every step.
 */
final class ResultJson {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private ResultJson() {
    }

    static ObjectNode of(LoadPlan plan, List<StepResult> steps, String error) {
        ObjectNode json = SignalingClient.JSON.createObjectNode();
        json.put("scenario", plan.scenario());
        json.put("publishers", plan.publishers());
        StepResult headline = headline(plan, steps);
        if (headline == null) {
            json.put("subscribers", 0);
            json.put("error", error == null ? "no step was measured" : error);
            return json;
        }
        fill(json, headline);
        json.put("placement", plan.placement().wireName());
        json.put("seconds", plan.seconds());
        json.put("videoKbps", plan.videoBitrateBps() / 1000);
        if (plan.ramp()) {
            json.put("capacitySubscribers", headline.within(plan.maxLossPercent(), plan.maxP99Millis())
                    ? headline.joined() : 0);
            ArrayNode ramp = json.putArray("ramp");
            steps.forEach(step -> ramp.add(step(plan, step)));
            // What stopped the ramp: the first step over the limits, and what was saturated then.
            StepResult last = steps.get(steps.size() - 1);
            if (!last.within(plan.maxLossPercent(), plan.maxP99Millis())) {
                json.put("rampEndedBy", last.saturation().bottleneck().wireName());
            }
        }
        if (error != null) {
            json.put("error", error);
        }
        return json;
    }

    /**
     * One step's figures, as a line of the steps file and an element of {@code ramp}: what the chart and the
     * capacity table are drawn from.
     */
    static ObjectNode step(LoadPlan plan, StepResult step) {
        ObjectNode s = SignalingClient.JSON.createObjectNode();
        ReceiveTotals w = step.window();
        boolean measured = w.received() > 0;
        s.put("scenario", plan.scenario());
        s.put("subscribers", step.joined());
        s.put("consumerStreams", step.consumerStreams());
        putNullable(s, "lossPct", measured ? w.lossPercent() : null);
        putNullable(s, "p50Ms", measured ? w.latency().percentileMicros(0.50) / 1e3 : null);
        putNullable(s, "p99Ms", measured ? w.latency().percentileMicros(0.99) / 1e3 : null);
        Double cores = step.serverCores();
        putNullable(s, "cpuCores", cores);
        putNullable(s, "streamsPerCore", cores == null || cores <= 0 ? null : step.consumerStreams() / cores);
        putNullable(s, "toolCpuCores", step.tool() == null ? null : step.tool().cores());
        Saturation sat = step.saturation();
        s.put("sfuMediaThreadCores", round(sat.sfuMediaThreadCores(), 3));
        s.put("toolBusiestThreadCores", round(sat.toolLoopCores(), 3));
        putNullable(s, "mediaThreadStreamsPerCore", sat.sfuMediaThreadCores() <= 0 ? null
                : step.consumerStreams() / sat.sfuMediaThreadCores());
        s.put("machineBusyPct", round(sat.machineBusyPercent(), 1));
        // What the rest of the machine used meanwhile (other work on a shared machine): all cores busy minus ours.
        double ours = (cores == null ? 0 : cores) + (step.tool() == null ? 0 : step.tool().cores());
        s.put("otherCpuCores", round(Math.max(0, sat.machineBusyPercent() / 100 * CORES - ours), 3));
        s.put("loadAverage", round(sat.loadAverage(), 2));
        s.put("mbitPerSecond", step.windowSeconds() <= 0 ? 0 : round(w.bytes() * 8 / 1e6 / step.windowSeconds(), 2));
        s.put("within", step.within(plan.maxLossPercent(), plan.maxP99Millis()));
        s.put("bottleneck", sat.bottleneck().wireName());
        return s;
    }

    private static StepResult headline(LoadPlan plan, List<StepResult> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        if (plan.ramp()) {
            StepResult best = null;
            for (StepResult step : steps) {
                if (step.within(plan.maxLossPercent(), plan.maxP99Millis())) best = step;
            }
            if (best != null) return best;
        }
        return steps.get(steps.size() - 1);
    }

    private static void fill(ObjectNode json, StepResult step) {
        ReceiveTotals w = step.window();
        LatencyHistogram latency = w.latency();
        json.put("subscribers", step.joined());
        json.put("consumerStreams", step.consumerStreams());
        boolean measured = w.received() > 0; // no figure rather than a zero when nothing arrived
        putNullable(json, "lossPct", measured ? w.lossPercent() : null);
        putNullable(json, "p50Ms", measured ? latency.percentileMicros(0.50) / 1e3 : null);
        putNullable(json, "p99Ms", measured ? latency.percentileMicros(0.99) / 1e3 : null);
        putNullable(json, "maxMs", measured ? latency.maxMicros() / 1e3 : null);
        putNullable(json, "joinP99Ms", nan(StepResult.percentile(step.firstPacketMillis(), 0.99)));
        putNullable(json, "joinP50Ms", nan(StepResult.percentile(step.firstPacketMillis(), 0.50)));
        putNullable(json, "connectP99Ms", nan(StepResult.percentile(step.connectMillis(), 0.99)));
        json.put("signalingP99Ms", round(step.signalingRoundTrips().percentileMicros(0.99) / 1e3, 2));
        Double cores = step.serverCores();
        putNullable(json, "cpuCores", cores);
        putNullable(json, "streamsPerCore", cores == null || cores <= 0 ? null : step.consumerStreams() / cores);
        putNullable(json, "toolCpuCores", step.tool() == null ? null : step.tool().cores());
        json.put("packetsReceived", w.received());
        json.put("packetsLost", w.lost());
        json.put("mbitPerSecond", step.windowSeconds() <= 0 ? 0 : round(w.bytes() * 8 / 1e6 / step.windowSeconds(), 2));
        json.put("checksumsVerified", w.checksumsVerified());
        json.put("checksumFailures", w.checksumFailures());
        json.put("badProbes", w.badProbes());
        json.put("silentSubscribers", step.silentSubscribers());
        ArrayNode members = json.putArray("members");
        for (MemberUsage m : step.members()) {
            members.addObject().put("member", m.label()).put("pid", m.pid()).put("cpuCores", round(m.cores(), 3))
                    .put("rssMb", round(m.rssKb() / 1024.0, 1));
        }
        if (!step.joinFailures().isEmpty()) {
            ObjectNode failures = json.putObject("joinFailures");
            step.joinFailures().forEach(failures::put);
        }
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static void putNullable(ObjectNode json, String field, Double value) {
        if (value == null) json.putNull(field);
        else json.put(field, round(value, 3));
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }
}
