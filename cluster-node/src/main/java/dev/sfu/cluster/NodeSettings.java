package dev.sfu.cluster;

import com.typesafe.config.Config;

import java.time.Duration;

/** The {@code sfu.*} settings of one member, read once from the resolved configuration. */
public record NodeSettings(String id, String hostname, int httpPort, int remotingPort, int managementPort,
                           String mediaBindHost, int mediaPort, String announcedIp, Duration askTimeout,
                           Duration startupTimeout, Duration registryPublishInterval, Duration registryStaleAfter) {

    public static NodeSettings from(Config config) {
        Config sfu = config.getConfig("sfu");
        return new NodeSettings(
                sfu.getString("node.id"),
                sfu.getString("node.hostname"),
                sfu.getInt("http.port"),
                sfu.getInt("remoting.port"),
                sfu.getInt("management.port"),
                sfu.getString("media.bind-host"),
                sfu.getInt("media.port"),
                sfu.getString("media.announced-ip"),
                sfu.getDuration("ask-timeout"),
                sfu.getDuration("startup-timeout"),
                sfu.getDuration("registry.publish-interval"),
                sfu.getDuration("registry.stale-after"));
    }

    public String httpUrl() {
        return "http://" + hostname + ":" + httpPort;
    }

    public String managementUrl() {
        return "http://" + hostname + ":" + managementPort;
    }

    public String remotingAddress() {
        return "pekko://" + NodeConfig.SYSTEM_NAME + "@" + hostname + ":" + remotingPort;
    }

    public String mediaAddress() {
        return announcedIp + ":" + mediaPort;
    }
}
