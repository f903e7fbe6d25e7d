package com.assetcollections.system;

import com.assetcollections.web.RequestsInFlight;
import java.lang.management.ManagementFactory;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's API is saturated: the machine's processors are nearly all busy and at
 * least as many requests are in flight as there are processors, so that requests are waiting for
 * the CPU. Background work asks this to give way to the API. Both must hold: many requests in
 * flight on an idle machine are waiting on something else (disk, the database), and a busy CPU
 * with few requests is background work itself, or another process.
 */
@Component
public class Saturation {

    /** The share of the machine's CPU time in use above which it counts as busy. */
    private static final double BUSY_CPU = 0.85;
    /** How long one reading of the CPU load stands for (a reading covers the time since the last). */
    private static final long SAMPLE_NANOS = 200_000_000L;

    private final RequestsInFlight requests;
    private final int processors = Runtime.getRuntime().availableProcessors();
    private final com.sun.management.OperatingSystemMXBean os =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
    private long sampledAt = System.nanoTime() - SAMPLE_NANOS;
    private double cpuLoad;

    Saturation(RequestsInFlight requests) {
        this.requests = requests;
    }

    public boolean saturated() {
        return requests.count() >= processors && cpuLoad() >= BUSY_CPU;
    }

    /** The machine's recent CPU load, 0 to 1 (0 when the platform cannot tell). */
    private synchronized double cpuLoad() {
        long now = System.nanoTime();
        if (now - sampledAt >= SAMPLE_NANOS) {
            sampledAt = now;
            cpuLoad = os == null ? 0 : Math.max(0, os.getCpuLoad());
        }
        return cpuLoad;
    }
}
