package dev.sfu.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The load tool's command line: {@code SCENARIO --target URL[,URL...] [options]}. A later option overrides an
 * earlier one, so wrappers can put defaults first.
 */
record LoadOptions(LoadPlan plan, List<String> targets, List<Long> serverPids, int clientThreads, Duration timeout,
                   String stepsFile) {

    static final String USAGE = """
            usage: LoadTool SCENARIO --target URL[,URL...] [options]
              SCENARIO             fanout | fanout-cross | meeting | join-storm
              --target URLs        member HTTP base URLs; publishers use the first
              --server-pids PIDs   member process ids (same order as --target) for CPU and RSS from /proc
              --subscribers N      subscribers (fanout 50, fanout-cross 50, meeting 10, join-storm 200)
              --publishers P       publishers (fanout 1, meeting 10)
              --seconds S          measured seconds per step (default 10)
              --placement P        same | other | auto: subscribers on the publisher's member, on the others,
                                   or on any target with the producer as hint
              --ramp               fanout: subscribers 50, 100, 200, ... until loss or p99 exceed the limits
              --ramp-start N       first ramp step (default 50)
              --ramp-step N        add N subscribers per step instead of doubling
              --ramp-steps LIST    explicit ramp, e.g. 25,50,100
              --max-subscribers N  ramp ceiling (default 3200)
              --steps-file FILE    also write every step's figures there, one JSON object a line
              --max-loss-pct X     ramp limit (default 0.5)      --max-p99-ms X   ramp limit (default 20)
              --ramp-retries N     measure a step over the limits again up to N times before ending (default 1)
              --video-kbps K       video bitrate per publisher (default 1000)  --audio-kbps K (default 32)
              --keyframe-seconds S periodic key frame interval (default 10; PLI/FIR always answered)
              --join-seconds S     spread each step's joins over S seconds (join-storm 10)
              --join-concurrency N parallel joins when not spread (default 16)
              --settle-seconds S   wait after joins before measuring (default 2)
              --checksum-every N   verify the payload checksum of one packet in N (default 10)
              --client-threads N   event-loop threads shared by all clients (default: cores)
              --room NAME          room (default load-<scenario>-<random>)
              --timeout-seconds S  signaling and connect timeout (default 20)
            """;

    static LoadOptions parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("missing SCENARIO");
        }
        Scenario scenario = Scenario.parse(args[0]);
        Map<String, String> values = new HashMap<>();
        boolean ramp = false;
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--ramp")) {
                ramp = true;
                continue;
            }
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at '" + name + "'");
            }
            values.put(name.substring(2), args[++i]);
        }
        Options o = new Options(values);
        List<String> targets = o.list("target");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("--target is required (e.g. --target http://127.0.0.1:3001)");
        }
        List<Long> pids = o.list("server-pids").stream().map(Long::parseLong).toList();
        int subscribers = o.integer("subscribers", scenario.subscribers);
        List<Integer> steps;
        if (values.containsKey("ramp-steps")) {
            steps = o.list("ramp-steps").stream().map(Integer::parseInt).toList();
        } else if (ramp) {
            steps = rampSteps(o.integer("ramp-start", 50), o.integer("ramp-step", 0), o.integer("max-subscribers", 3200));
        } else {
            steps = List.of(subscribers);
        }
        String room = values.getOrDefault("room", "load-" + scenario.wireName() + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        LoadPlan plan = new LoadPlan(scenario.wireName(), o.integer("publishers", scenario.publishers), steps,
                values.containsKey("placement") ? Placement.parse(values.get("placement")) : scenario.placement,
                o.integer("seconds", 10), o.integer("video-kbps", 1000) * 1000, o.integer("audio-kbps", 32) * 1000,
                o.integer("keyframe-seconds", 10), o.decimal("join-seconds", scenario.joinSpreadSeconds),
                o.integer("join-concurrency", 16), o.integer("settle-seconds", 2), o.integer("checksum-every", 10),
                room, o.decimal("max-loss-pct", 0.5), o.decimal("max-p99-ms", 20), o.integer("ramp-retries", 1));
        for (String key : values.keySet()) {
            if (!USAGE.contains("--" + key + " ")) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
        return new LoadOptions(plan, targets, pids,
                o.integer("client-threads", Runtime.getRuntime().availableProcessors()),
                Duration.ofSeconds(o.integer("timeout-seconds", 20)), values.get("steps-file"));
    }

    /** {@code start}, then {@code start + step}, ... (or doubling when {@code step} is 0), up to {@code max}. */
    static List<Integer> rampSteps(int start, int step, int max) {
        if (start < 1 || step < 0) {
            throw new IllegalArgumentException("--ramp-start must be positive and --ramp-step not negative");
        }
        List<Integer> steps = new ArrayList<>();
        for (int n = start; n <= max; n = step > 0 ? n + step : n * 2) steps.add(n);
        return steps.isEmpty() ? List.of(max) : steps;
    }

    private record Options(Map<String, String> values) {
        int integer(String name, int fallback) {
            String v = values.get(name);
            try {
                return v == null ? fallback : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " needs a whole number, not '" + v + "'");
            }
        }

        double decimal(String name, double fallback) {
            String v = values.get(name);
            try {
                return v == null ? fallback : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " needs a number, not '" + v + "'");
            }
        }

        List<String> list(String name) {
            String v = values.get(name);
            return v == null || v.isBlank() ? List.of()
                    : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
