package dev.sfu.bench.chart;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One chart panel: axes with round ticks, a line per scenario, and optional horizontal limit lines. Writes plain
 * SVG elements into a shared builder; coordinates are those of the whole picture.
 */
final class SvgPanel {
    static final int WIDTH = 440;
    static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 14;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    private final StringBuilder svg;
    private final int x0;
    private final int y0;
    private final double xMax;
    private final double yMax;

    /** A panel at ({@code x0}, {@code y0}) showing 0..{@code xMax} by 0..{@code yMax} (both rounded up). */
    SvgPanel(StringBuilder svg, int x0, int y0, String title, String xLabel, double xMax, double yMax) {
        this.svg = svg;
        this.x0 = x0;
        this.y0 = y0;
        this.xMax = niceCeiling(xMax);
        this.yMax = niceCeiling(yMax);
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' class='title'>%s</text>%n", x0 + LEFT, y0 + 16,
                escape(title)));
        axes(xLabel);
    }

    /** A line through the steps that have both values; filled markers within the limits, hollow ones past them. */
    void series(List<RampStep> steps, Function<RampStep, Double> y, String color, boolean dashed) {
        StringBuilder path = new StringBuilder();
        for (RampStep s : steps) {
            Double v = y.apply(s);
            if (v == null) continue;
            path.append(path.isEmpty() ? "M" : " L").append(fmt(px(s.consumerStreams()))).append(',').append(fmt(py(v)));
        }
        if (path.isEmpty()) return;
        svg.append(String.format(Locale.ROOT, "<path d='%s' fill='none' stroke='%s' stroke-width='2'%s/>%n", path,
                color, dashed ? " stroke-dasharray='5,4'" : ""));
        for (RampStep s : steps) {
            Double v = y.apply(s);
            if (v == null) continue;
            svg.append(String.format(Locale.ROOT,
                    "<circle cx='%s' cy='%s' r='3.5' fill='%s' stroke='%s' stroke-width='1.5'><title>%s: %d streams,"
                            + " %s (%s%s)</title></circle>%n", fmt(px(s.consumerStreams())), fmt(py(v)),
                    s.within() && !dashed ? color : "white", color, escape(s.scenario()), s.consumerStreams(),
                    fmt(v), s.within() ? "within limits" : "over limits", "none".equals(s.bottleneck()) ? ""
                            : ", " + s.bottleneck() + " saturated"));
        }
    }

    /** A dashed horizontal line at {@code y}, labelled, when it is inside the panel and not squashed on the axis. */
    void limit(double y, String label) {
        if (y > yMax || y < yMax / 40) return;
        svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%s' y2='%s' class='limit'/>"
                        + "<text x='%d' y='%s' class='limit-label'>%s</text>%n", x0 + LEFT, x0 + WIDTH - RIGHT,
                fmt(py(y)), fmt(py(y)), x0 + WIDTH - RIGHT - 4, fmt(py(y) - 4), escape(label)));
    }

    private void axes(String xLabel) {
        int left = x0 + LEFT;
        int right = x0 + WIDTH - RIGHT;
        int top = y0 + TOP;
        int bottom = y0 + HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' class='plot'/>%n", left, top,
                right - left, bottom - top));
        for (double t : ticks(xMax)) {
            svg.append(String.format(Locale.ROOT, "<line x1='%s' x2='%s' y1='%d' y2='%d' class='grid'/>"
                    + "<text x='%s' y='%d' class='tick' text-anchor='middle'>%s</text>%n", fmt(px(t)), fmt(px(t)), top,
                    bottom, fmt(px(t)), bottom + 14, label(t)));
        }
        for (double t : ticks(yMax)) {
            svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%s' y2='%s' class='grid'/>"
                    + "<text x='%d' y='%s' class='tick' text-anchor='end'>%s</text>%n", left, right, fmt(py(t)),
                    fmt(py(t)), left - 5, fmt(py(t) + 4), label(t)));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' class='axis' text-anchor='middle'>%s</text>%n",
                (left + right) / 2, bottom + 32, escape(xLabel)));
    }

    private double px(double x) {
        return x0 + LEFT + (WIDTH - LEFT - RIGHT) * x / xMax;
    }

    private double py(double y) {
        double top = y0 + TOP;
        double bottom = y0 + HEIGHT - BOTTOM;
        return bottom - (bottom - top) * Math.min(y, yMax) / yMax;
    }

    /** {@code v} rounded up to a multiple of a round step (1, 2 or 5 times a power of ten, about a fifth of v). */
    static double niceCeiling(double v) {
        if (!(v > 0)) return 1;
        double step = niceStep(v / 5);
        return Math.ceil(v / step - 1e-9) * step;
    }

    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    private static double[] ticks(double max) {
        double step = niceStep(max / 5);
        int n = (int) Math.round(max / step);
        double[] ticks = new double[n + 1];
        for (int i = 0; i <= n; i++) ticks[i] = i * step;
        return ticks;
    }

    private static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : fmt(v);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
