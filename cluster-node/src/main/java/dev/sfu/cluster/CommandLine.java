package dev.sfu.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code --flag value} (or {@code --flag=value}) arguments into configuration overrides. Flags win over
 * environment variables and application.conf.
 */
public final class CommandLine {

    /** A flag, the configuration key it sets, its environment variable, and whether it is a port. */
    public record Flag(String name, String configKey, String envVar, boolean port) {
    }

    public static final List<Flag> FLAGS = List.of(
            new Flag("--id", "sfu.node.id", "SFU_ID", false),
            new Flag("--hostname", "sfu.node.hostname", "SFU_HOSTNAME", false),
            new Flag("--http-port", "sfu.http.port", "SFU_HTTP_PORT", true),
            new Flag("--remoting-port", "sfu.remoting.port", "SFU_REMOTING_PORT", true),
            new Flag("--management-port", "sfu.management.port", "SFU_MANAGEMENT_PORT", true),
            new Flag("--media-port", "sfu.media.port", "SFU_MEDIA_PORT", true),
            new Flag("--media-bind-host", "sfu.media.bind-host", "SFU_MEDIA_BIND_HOST", false),
            new Flag("--announced-ip", "sfu.media.announced-ip", "SFU_ANNOUNCED_IP", false),
            new Flag("--seed-nodes", "sfu.cluster.seed-nodes", "SFU_SEED_NODES", false));

    private CommandLine() {
    }

    /** @throws IllegalArgumentException naming the offending argument */
    public static Map<String, String> parse(String... args) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(flag(name) == null ? "unknown argument: " + arg : "missing value for " + arg);
            }
            Flag flag = flag(name);
            if (flag == null) {
                throw new IllegalArgumentException("unknown argument: " + name);
            }
            if (flag.port()) {
                parsePort(flag.name(), value);
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException("empty value for " + name);
            }
            overrides.put(flag.configKey(), value);
        }
        return overrides;
    }

    static int parsePort(String what, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(what + ": '" + value + "' is not a port number (1-65535)");
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("usage: java -jar sfu-node.jar [flags]\n");
        for (Flag flag : FLAGS) {
            text.append(String.format("  %-18s %-26s env %s%n", flag.name() + " <v>", flag.configKey(), flag.envVar()));
        }
        return text.toString();
    }

    private static Flag flag(String name) {
        return FLAGS.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
}
