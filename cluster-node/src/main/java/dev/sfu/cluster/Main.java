package dev.sfu.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Map;

/**
 * Starts one SFU member: {@code java -jar sfu-node.jar [--id sfu2 --http-port 3002 ...]}. Runs until the member
 * is stopped (SIGTERM: it leaves the cluster gracefully) or downed. Exits 1 if it cannot start, 64 on bad flags.
 */
public final class Main {
    static final int EXIT_CANNOT_START = 1;
    static final int EXIT_USAGE = 64;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Starts the member and blocks until it has stopped; returns the exit code. */
    static int run(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(CommandLine.usage());
            return 0;
        }
        Config config;
        NodeSettings settings;
        try {
            Map<String, String> overrides = CommandLine.parse(args);
            config = NodeConfig.load(overrides);
            settings = NodeSettings.from(config);
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("sfu-node: " + e.getMessage());
            System.err.print(CommandLine.usage());
            return EXIT_USAGE;
        }
        // Logback reads the node id for its pattern when the first logger is created, so set it before that.
        System.setProperty("sfu.log.node", settings.id());
        Logger log = LoggerFactory.getLogger(Main.class);

        SfuNode node;
        try {
            PortCheck.requireFree(settings);
            node = SfuNode.start(config);
        } catch (StartupException e) {
            log.error("{} cannot start: {}", settings.id(), e.getMessage());
            return EXIT_CANNOT_START;
        }
        log.info("{} joining the cluster through seed nodes {}", settings.id(),
                config.getStringList("pekko.cluster.seed-nodes"));
        node.system().getWhenTerminated().toCompletableFuture().join();
        log.info("{} stopped", settings.id());
        return 0;
    }
}
