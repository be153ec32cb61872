package dev.sfu.media.ice;

/** ICE states as mediasoup reports them for a WebRtcTransport. */
public enum IceState {
    NEW("new"), CONNECTED("connected"), COMPLETED("completed"), DISCONNECTED("disconnected"), CLOSED("closed");

    private final String wireName;

    IceState(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name signaled to clients. */
    public String wireName() {
        return wireName;
    }
}
