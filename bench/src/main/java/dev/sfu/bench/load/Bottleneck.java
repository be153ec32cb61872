package dev.sfu.bench.load;

/**
 * What most likely limited a step, from how busy the single-threaded loops and the machine were. The SFU forwards
 * on one media thread per member and the tool receives on a few event loops, so a loop near one core is saturated
 * even when the process total looks modest; and on a small machine shared by the SFU and the tool, all cores busy
 * means neither got what it asked for.
 */
enum Bottleneck {
    /** The load tool's busiest receive loop (or its publisher loop) was near a full core: it, not the SFU, was measured. */
    LOAD_TOOL,
    /** An SFU member's media thread was near a full core. */
    SFU,
    /** All cores were busy (SFU, tool and anything else on the machine): both were starved of CPU. */
    MACHINE,
    /** Nothing was saturated. */
    NONE;

    /** A loop this busy (cores) counts as saturated: above it, queueing delay grows fast. */
    static final double SATURATED_LOOP_CORES = 0.85;
    /** All cores this busy (percent) counts as a saturated machine. */
    static final double SATURATED_MACHINE_PERCENT = 90;

    static Bottleneck of(double toolLoopCores, double sfuMediaThreadCores, double machineBusyPercent) {
        if (toolLoopCores >= SATURATED_LOOP_CORES && toolLoopCores >= sfuMediaThreadCores) return LOAD_TOOL;
        if (sfuMediaThreadCores >= SATURATED_LOOP_CORES) return SFU;
        if (toolLoopCores >= SATURATED_LOOP_CORES) return LOAD_TOOL;
        if (machineBusyPercent >= SATURATED_MACHINE_PERCENT) return MACHINE;
        return NONE;
    }

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
