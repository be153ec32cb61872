package dev.sfu.media.transport;

import dev.sfu.media.dtls.DtlsRole;

/** Our DTLS role from the role the remote side announced (RFC 8842 / mediasoup semantics). */
final class DtlsRoles {
    private DtlsRoles() {
    }

    /**
     * Remote "client" makes us the server and remote "server" the client. mediasoup-client always sends one of
     * those two; for "auto" we take the server role, as we announce "auto" ourselves and a browser answering an
     * offer defaults to the client (active) role.
     */
    static DtlsRole localRoleFor(String remoteRole) {
        if (remoteRole == null) {
            throw new IllegalArgumentException("dtlsParameters.role is missing");
        }
        return switch (remoteRole) {
            case "client", "auto" -> DtlsRole.SERVER;
            case "server" -> DtlsRole.CLIENT;
            default -> throw new IllegalArgumentException("invalid dtlsParameters.role: " + remoteRole);
        };
    }
}
