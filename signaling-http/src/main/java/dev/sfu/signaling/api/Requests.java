package dev.sfu.signaling.api;

import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.transport.DtlsParameters;

import java.util.Map;

/** The JSON request bodies of the signaling API, field for field. */
public final class Requests {
    private Requests() {
    }

    /** {@code direction} is "send" or "recv"; {@code node} and {@code producerId} are optional placement hints. */
    public record CreateTransport(String room, String direction, String node, String producerId) {
    }

    public record ConnectTransport(String transportId, DtlsParameters dtlsParameters) {
    }

    public record Produce(String transportId, String kind, RtpParameters rtpParameters, Map<String, Object> appData) {
    }

    public record Consume(String transportId, String producerId, RtpCapabilities rtpCapabilities) {
    }

    public record ConsumerId(String consumerId) {
    }

    public record ProducerId(String producerId) {
    }

    public record TransportId(String transportId) {
    }

    /** A room named in a body: {@code POST /api/rooms}, {@code POST /api/close-room}. */
    public record Room(String room) {
    }

    /** {@code node} null means the member serving the request. */
    public record Drain(String node, boolean draining) {
    }
}
