package dev.sfu.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfu.media.dtls.DtlsRole;
import org.junit.jupiter.api.Test;

class DtlsRolesTest {
    @Test
    void weTakeTheOppositeRole() {
        assertEquals(DtlsRole.SERVER, DtlsRoles.localRoleFor("client"));
        assertEquals(DtlsRole.CLIENT, DtlsRoles.localRoleFor("server"));
        assertEquals(DtlsRole.SERVER, DtlsRoles.localRoleFor("auto"));
    }

    @Test
    void invalidRolesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DtlsRoles.localRoleFor(null));
        assertThrows(IllegalArgumentException.class, () -> DtlsRoles.localRoleFor("actpass"));
    }
}
