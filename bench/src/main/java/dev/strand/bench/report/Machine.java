package dev.strand.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured on, from {@code /proc}, and the JDK that ran it.
 *
 * @param cpus      logical CPUs
 * @param cpuModel  the first CPU's model name
 * @param memoryMib total memory
 * @param kernel    the Linux release
 * @param jdk       vendor and version of the JDK the JVM servers and the load client ran on
 */
public record Machine(int cpus, String cpuModel, long memoryMib, String kernel, String jdk) {

    /** Describes this machine. */
    public static Machine describe() throws IOException {
        List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        var cpus = (int) cpuinfo.stream().filter(line -> line.startsWith("processor")).count();
        var model = cpuinfo.stream().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        var memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                .findFirst().map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).orElse(0L);
        var kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        var jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
        return new Machine(cpus, model, memory, kernel, jdk);
    }
}
