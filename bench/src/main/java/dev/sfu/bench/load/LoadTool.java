package dev.sfu.bench.load;

import java.util.List;

/**
 * Command line entry of the load tool: runs a scenario against running SFU members and prints progress lines,
 * then, as the last line, one JSON object with the figures. Exit status 0 when every subscriber joined and
 * received media, 1 when something failed (the JSON says what), 64 on bad options.
 *
 * <p>{@code java -cp bench/target/sfu-bench.jar dev.sfu.bench.load.LoadTool fanout --target http://127.0.0.1:3001}
 */
public final class LoadTool {
    /** jitsi-srtp logs through java.util.logging; held here so the level sticks (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger JITSI = java.util.logging.Logger.getLogger("org.jitsi");

    private LoadTool() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/sfu/bench/load/logback-load.xml");
        }
        JITSI.setLevel(java.util.logging.Level.WARNING);
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadTool: " + e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(64);
            return;
        }
        List<StepResult> steps = List.of();
        String error = null;
        try {
            steps = new LoadRun(options.plan(), options.targets(), options.serverPids(), options.clientThreads(),
                    options.timeout(), System.out).run();
        } catch (Exception e) {
            error = e instanceof SignalingException ? e.getMessage() : e.toString();
        }
        boolean failed = error != null || steps.isEmpty()
                || steps.stream().anyMatch(s -> !s.joinFailures().isEmpty() || s.silentSubscribers() > 0
                || s.window().received() == 0);
        if (error == null && failed && !steps.isEmpty()) {
            StepResult last = steps.get(steps.size() - 1);
            error = !last.joinFailures().isEmpty() ? "joins failed: " + last.joinFailures().keySet().iterator().next()
                    : "some subscribers received nothing";
        }
        // In a ramp, the step that went over the limits is the expected end, not a failure.
        boolean rampEnded = options.plan().ramp() && steps.size() > 1 && error != null
                && steps.get(0).within(options.plan().maxLossPercent(), options.plan().maxP99Millis());
        if (options.stepsFile() != null) {
            writeSteps(options, steps);
        }
        System.out.println(ResultJson.of(options.plan(), steps, rampEnded ? null : error));
        System.out.flush();
        System.exit(failed && !rampEnded ? 1 : 0);
    }

    private static void writeSteps(LoadOptions options, List<StepResult> steps) {
        StringBuilder lines = new StringBuilder();
        steps.forEach(step -> lines.append(ResultJson.step(options.plan(), step)).append('\n'));
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(options.stepsFile()), lines);
        } catch (java.io.IOException e) {
            System.err.println("LoadTool: cannot write --steps-file " + options.stepsFile() + ": " + e);
        }
    }
}
