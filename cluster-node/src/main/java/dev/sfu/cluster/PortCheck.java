package dev.sfu.cluster;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks before startup that every port of a member is free, so that a taken port stops startup with a message
 * naming it instead of a half-started member. (The binds themselves report a taken port too; this just says it
 * before anything else has started.)
 */
public final class PortCheck {
    private PortCheck() {
    }

    public static void requireFree(NodeSettings settings) throws StartupException {
        requireFreeTcp("HTTP", settings.hostname(), settings.httpPort());
        requireFreeTcp("remoting", settings.hostname(), settings.remotingPort());
        requireFreeTcp("management", settings.hostname(), settings.managementPort());
        requireFreeUdp("media", settings.mediaBindHost(), settings.mediaPort());
    }

    public static void requireFreeTcp(String what, String host, int port) throws StartupException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw inUse(what, "TCP", host, port, e);
        }
    }

    public static void requireFreeUdp(String what, String host, int port) throws StartupException {
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw inUse(what, "UDP", host, port, e);
        }
    }

    static StartupException inUse(String what, String protocol, String host, int port, Throwable cause) {
        return new StartupException(what + " port " + port + " (" + protocol + ") on " + host
                + " is not available: " + cause.getMessage() + ". Is another member running? Choose another port.",
                cause);
    }
}
