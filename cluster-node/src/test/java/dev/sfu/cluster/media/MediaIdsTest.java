package dev.sfu.cluster.media;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaIdsTest {

    @Test
    void newIdNamesItsHomeNodeEvenWhenTheNodeIdHasDashes() {
        String id = MediaIds.newId("sfu-eu-2");
        assertTrue(id.endsWith("@sfu-eu-2"), id);
        assertEquals(Optional.of("sfu-eu-2"), MediaIds.homeNode(id));
    }

    @Test
    void idsAreUnique() {
        assertNotEquals(MediaIds.newId("sfu1"), MediaIds.newId("sfu1"));
    }

    @Test
    void foreignOrMalformedIdsHaveNoHome() {
        assertEquals(Optional.empty(), MediaIds.homeNode(null));
        assertEquals(Optional.empty(), MediaIds.homeNode(""));
        assertEquals(Optional.empty(), MediaIds.homeNode("4f1c2a"));
        assertEquals(Optional.empty(), MediaIds.homeNode("@sfu1"));
        assertEquals(Optional.empty(), MediaIds.homeNode("abc@"));
        assertEquals(Optional.empty(), MediaIds.homeNode("abc@sfu 1"));
        assertEquals(Optional.empty(), MediaIds.homeNode("abc@-sfu1"));
    }

    @Test
    void nodeIdsMayNotHoldTheSeparatorOrOddCharacters() {
        assertTrue(MediaIds.isValidNodeId("sfu1"));
        assertTrue(MediaIds.isValidNodeId("node_3.eu-west"));
        assertFalse(MediaIds.isValidNodeId("sfu@1"));
        assertFalse(MediaIds.isValidNodeId(""));
        assertFalse(MediaIds.isValidNodeId(null));
        assertFalse(MediaIds.isValidNodeId("sfu/1"));
        assertFalse(MediaIds.isValidNodeId("x".repeat(64)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MediaIds.newId("a@b"));
        assertTrue(e.getMessage().contains("a@b"), e.getMessage());
    }
}
