package dev.sfu.media.dtls;

import static dev.sfu.media.dtls.DtlsRecordInspector.APPLICATION_DATA;
import static dev.sfu.media.dtls.DtlsRecordInspector.CHANGE_CIPHER_SPEC;
import static dev.sfu.media.dtls.DtlsRecordInspector.ENCRYPTED_ALERT;
import static dev.sfu.media.dtls.DtlsRecordInspector.HANDSHAKE;
import static dev.sfu.media.dtls.DtlsRecordInspector.MALFORMED;
import static dev.sfu.media.dtls.DtlsRecordInspector.PLAINTEXT_ALERT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DtlsRecordInspectorTest {
    /** A ClientHello fragment header (type 1, length 4, seq 0, offset 0, fragment length 4) and 4 body bytes. */
    private static final String CLIENT_HELLO_RECORD = "16 FEFF 0000 000000000000 0010"
            + "01 000004 0000 000000 000004 01020304";
    private static final String CCS_RECORD = "14 FEFD 0000 000000000001 0001 01";
    private static final String ENCRYPTED_FINISHED = "16 FEFD 0001 000000000000 0005 AABBCCDDEE";
    private static final String ENCRYPTED_ALERT_RECORD = "15 FEFD 0001 000000000002 0004 11223344";
    private static final String PLAIN_ALERT_RECORD = "15 FEFD 0000 000000000003 0002 0228";
    private static final String APP_DATA = "17 FEFD 0001 000000000004 0003 010203";

    @Test
    void classifiesSingleRecords() {
        assertEquals(HANDSHAKE, inspect(CLIENT_HELLO_RECORD));
        assertEquals(CHANGE_CIPHER_SPEC, inspect(CCS_RECORD));
        assertEquals(HANDSHAKE, inspect(ENCRYPTED_FINISHED));
        assertEquals(ENCRYPTED_ALERT, inspect(ENCRYPTED_ALERT_RECORD));
        assertEquals(PLAINTEXT_ALERT, inspect(PLAIN_ALERT_RECORD));
        assertEquals(APPLICATION_DATA, inspect(APP_DATA));
    }

    @Test
    void acceptsSeveralHandshakeFragmentsInOneRecord() {
        assertEquals(HANDSHAKE, inspect("16 FEFD 0000 000000000001 001A"
                + "0B 000002 0001 000000 000002 AAAA"      // Certificate (tiny)
                + "0E 000000 0002 000000 000000"));        // ServerHelloDone
        assertEquals(MALFORMED, inspect("16 FEFD 0000 000000000001 0014"
                + "0B 000002 0001 000000 000002 AAAA"
                + "0E 0000"));                              // second header cut short
    }

    @Test
    void combinesTheKindsOfSeveralRecordsInOneDatagram() {
        assertEquals(CHANGE_CIPHER_SPEC | HANDSHAKE, inspect(CCS_RECORD + ENCRYPTED_FINISHED));
        assertEquals(APPLICATION_DATA | ENCRYPTED_ALERT, inspect(APP_DATA + ENCRYPTED_ALERT_RECORD));
    }

    @Test
    void rejectsTruncatedInconsistentOrForeignDatagrams() {
        byte[] hello = hex(CLIENT_HELLO_RECORD);
        for (int length = 0; length < hello.length; length++) {
            assertEquals(MALFORMED, DtlsRecordInspector.inspect(Arrays.copyOf(hello, length), 0, length));
        }
        assertEquals(MALFORMED, inspect(CCS_RECORD + "14"));                     // trailing partial record
        assertEquals(MALFORMED, inspect("18 FEFD 0000 000000000000 0000"));      // heartbeat: not ours
        assertEquals(MALFORMED, inspect("16 0303 0000 000000000000 0000"));      // TLS, not DTLS
        assertEquals(MALFORMED, inspect("16 FEFF 0000 000000000000 000C 01 000004 0000 000000 000009"));
        assertEquals(MALFORMED, inspect("80 60 0001 00000001 00000002"));        // RTP
        assertEquals(MALFORMED, DtlsRecordInspector.inspect(null, 0, 0));
        assertEquals(MALFORMED, DtlsRecordInspector.inspect(hello, 10, hello.length));
    }

    @Test
    void respectsOffsetAndLength() {
        byte[] padded = hex("FFFF" + CCS_RECORD + "FFFF");
        assertEquals(CHANGE_CIPHER_SPEC, DtlsRecordInspector.inspect(padded, 2, padded.length - 4));
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            DtlsRecordInspector.inspect(bytes, 0, bytes.length);
        }
    }

    private static int inspect(String hex) {
        byte[] bytes = hex(hex);
        return DtlsRecordInspector.inspect(bytes, 0, bytes.length);
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }
}
