package dev.sfu.bench.load;

/**
 * How close to saturation the parts were during a step's window.
 *
 * @param toolLoopCores       cores used by the load tool's busiest thread (receive loops, publisher loop, pacer)
 * @param sfuMediaThreadCores cores used by the busiest SFU media thread among the members measured
 * @param machineBusyPercent  all cores of the machine, busy percentage (anyone's work)
 * @param loadAverage         1-minute load average at the end of the window
 */
record Saturation(double toolLoopCores, double sfuMediaThreadCores, double machineBusyPercent, double loadAverage) {

    Bottleneck bottleneck() {
        return Bottleneck.of(toolLoopCores, sfuMediaThreadCores, machineBusyPercent);
    }
}
