package dev.sfu.bench.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Draws the capacity curves of load-tool ramps as one self-contained SVG: SFU CPU, streams per core, p99 added
 * latency and loss against delivered consumer streams, one line per scenario (same member against cross member).
 * No dependencies: open it in a browser or embed it in markdown.
 *
 * <p>{@code java -cp bench/target/sfu-bench.jar dev.sfu.bench.chart.CapacityChart OUT.svg [--title T] [--note N]
 * [--max-p99-ms 20] [--max-loss-pct 0.5] STEPS.jsonl...}
 */
public final class CapacityChart {
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"};

    private CapacityChart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CapacityChart OUT.svg [--title T] [--note N] [--max-p99-ms X] [--max-loss-pct X]"
                    + " RAMP-OUTPUT...");
            System.exit(64);
        }
        String title = "Capacity ramp";
        String note = "";
        double maxP99 = 20;
        double maxLoss = 0.5;
        List<Path> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--title" -> title = args[++i];
                case "--note" -> note = args[++i];
                case "--max-p99-ms" -> maxP99 = Double.parseDouble(args[++i]);
                case "--max-loss-pct" -> maxLoss = Double.parseDouble(args[++i]);
                default -> inputs.add(Path.of(args[i]));
            }
        }
        Map<String, List<RampStep>> series = RampSeries.read(inputs);
        if (series.isEmpty()) {
            System.err.println("CapacityChart: no ramp steps in " + inputs);
            System.exit(1);
        }
        Files.writeString(Path.of(args[0]), svg(series, title, note, maxP99, maxLoss));
    }

    static String svg(Map<String, List<RampStep>> series, String title, String note, double maxP99, double maxLoss) {
        int width = 2 * SvgPanel.WIDTH + 20;
        int height = 2 * SvgPanel.HEIGHT + 110;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, """
                <svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' font-family='sans-serif'>
                <style>
                .title{font-size:13px;font-weight:bold} .tick{font-size:10px;fill:#444} .axis{font-size:11px;fill:#222}
                .plot{fill:#fcfcfc;stroke:#999} .grid{stroke:#e4e4e4} .limit{stroke:#c00;stroke-dasharray:6,3}
                .limit-label{font-size:10px;fill:#c00;text-anchor:end} .legend{font-size:11px} .note{font-size:10px;fill:#555}
                </style>
                <rect width='100%%' height='100%%' fill='white'/>
                <text x='10' y='20' font-size='13' font-weight='bold'>%s</text>
                """, width, height, width, height, SvgPanel.escape(title)));
        List<RampStep> all = series.values().stream().flatMap(List::stream).toList();
        double xMax = all.stream().mapToDouble(RampStep::consumerStreams).max().orElse(1);
        String x = "delivered consumer streams";
        int top = 30;
        SvgPanel cpu = new SvgPanel(svg, 0, top, "SFU CPU, cores (dashed: load tool)", x, xMax,
                max(all, s -> Math.max(or0(s.cpuCores()), or0(s.toolCpuCores()))));
        SvgPanel perCore = new SvgPanel(svg, SvgPanel.WIDTH + 20, top, "consumer streams per SFU core", x, xMax,
                max(all, RampStep::streamsPerCore));
        SvgPanel p99 = new SvgPanel(svg, 0, top + SvgPanel.HEIGHT, "p99 added latency, ms (clipped at 3× the limit)",
                x, xMax, Math.min(3 * maxP99, Math.max(maxP99 * 1.1, max(all, RampStep::p99Ms))));
        SvgPanel loss = new SvgPanel(svg, SvgPanel.WIDTH + 20, top + SvgPanel.HEIGHT,
                "loss, % (clipped at 5× the limit)", x, xMax,
                Math.min(5 * maxLoss, Math.max(maxLoss * 1.2, max(all, RampStep::lossPct))));
        p99.limit(maxP99, "ramp limit " + SvgPanel.fmt(maxP99) + " ms");
        p99.limit(5, "target same member 5 ms");
        p99.limit(10, "target cross 10 ms");
        loss.limit(maxLoss, "limit " + SvgPanel.fmt(maxLoss) + " %");
        perCore.limit(1500, "target 1500");

        int i = 0;
        int legendY = top + 2 * SvgPanel.HEIGHT + 14;
        for (Map.Entry<String, List<RampStep>> e : series.entrySet()) {
            String color = COLORS[i % COLORS.length];
            List<RampStep> steps = e.getValue();
            cpu.series(steps, RampStep::cpuCores, color, false);
            cpu.series(steps, RampStep::toolCpuCores, color, true);
            perCore.series(steps, RampStep::streamsPerCore, color, false);
            p99.series(steps, RampStep::p99Ms, color, false);
            loss.series(steps, RampStep::lossPct, color, false);
            svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='14' height='4' fill='%s'/>"
                    + "<text x='%d' y='%d' class='legend'>%s: %s</text>%n", 12, legendY + 8 + 18 * i - 6, color, 32,
                    legendY + 8 + 18 * i, SvgPanel.escape(e.getKey()), SvgPanel.escape(capacity(steps))));
            i++;
        }
        int noteY = legendY + 8 + 18 * i + 6;
        svg.append(String.format(Locale.ROOT, "<text x='12' y='%d' class='note'>filled marker: step within the ramp"
                + " limits; hollow: over them (hover a marker for what was saturated)</text>%n", noteY));
        if (!note.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x='12' y='%d' class='note'>%s</text>%n", noteY + 14,
                    SvgPanel.escape(note)));
        }
        svg.append("</svg>\n");
        return svg.toString().replace(String.format(Locale.ROOT, "height='%d' viewBox='0 0 %d %d'", height, width,
                height), String.format(Locale.ROOT, "height='%d' viewBox='0 0 %d %d'", noteY + 24, width, noteY + 24));
    }

    /** "capacity N streams at C cores (S per core); ended by X" for the legend. */
    static String capacity(List<RampStep> steps) {
        RampStep best = null;
        for (RampStep s : steps) if (s.within()) best = s;
        RampStep last = steps.get(steps.size() - 1);
        String ended = last.within() ? "ramp ceiling reached within limits"
                : "ended at " + last.consumerStreams() + " streams (" + ("none".equals(last.bottleneck())
                ? "nothing saturated" : last.bottleneck() + " saturated") + ")";
        if (best == null) return "no step within the limits; " + ended;
        return String.format(Locale.ROOT, "capacity %d streams at %s SFU cores (%s per core); %s",
                best.consumerStreams(), best.cpuCores() == null ? "?" : SvgPanel.fmt(best.cpuCores()),
                best.streamsPerCore() == null ? "?" : Long.toString(Math.round(best.streamsPerCore())), ended);
    }

    private static double max(List<RampStep> steps, Function<RampStep, Double> f) {
        return steps.stream().map(f).filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
    }

    private static double or0(Double v) {
        return v == null ? 0 : v;
    }
}
