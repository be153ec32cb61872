package dev.sfu.cluster.registry;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** This process's recent CPU use in cores (0.5 = half a core), from the JVM's operating system MXBean. */
public final class ProcessCpuLoad {
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    public double coresUsed() {
        if (!(os instanceof com.sun.management.OperatingSystemMXBean jdkOs)) {
            return 0.0;
        }
        double share = jdkOs.getProcessCpuLoad(); // 0..1 of the whole machine, negative while unknown
        if (share < 0 || Double.isNaN(share)) {
            return 0.0;
        }
        return Math.round(share * os.getAvailableProcessors() * 1000.0) / 1000.0;
    }
}
