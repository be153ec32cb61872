package dev.sfu.media.transport;

/** The local ICE credentials a transport advertises; we are always ICE-lite. */
public record IceParameters(String usernameFragment, String password, boolean iceLite) {
}
