package org.law12348.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by the PostgreSQL server processes between two readings. Wall-clock
 * figures depend on whatever else the two cores are doing; CPU time per ticket compares two variants
 * of the product fairly even on a shared machine.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final long jvmNanos;
    private final double postgresSeconds;

    private CpuMeter(long jvmNanos, double postgresSeconds) {
        this.jvmNanos = jvmNanos;
        this.postgresSeconds = postgresSeconds;
    }

    static CpuMeter read() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuMeter(os.getProcessCpuTime(), postgresSeconds());
    }

    /** "JVM / PostgreSQL" milliseconds of CPU per unit of work since this reading. */
    String perUnitSinceThen(long units) {
        CpuMeter now = read();
        double jvm = (now.jvmNanos - jvmNanos) / 1e6 / units;
        double pg = (now.postgresSeconds - postgresSeconds) * 1000 / units;
        return String.format("%.2f / %.2f", jvm, pg);
    }

    /** utime + stime of every process named postgres (its backends included); 0 where /proc is absent. */
    private static double postgresSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToDouble(CpuMeter::postgresTicks).sum() / TICKS_PER_SECOND;
        } catch (IOException e) {
            return 0;
        }
    }

    private static double postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int nameEnd = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, nameEnd).startsWith("postgres")) {
                return 0;
            }
            // fields after the name: state(3) ... utime(14) stime(15), counted from 1 with pid
            String[] fields = stat.substring(nameEnd + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
