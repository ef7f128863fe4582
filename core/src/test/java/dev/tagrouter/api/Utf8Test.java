package dev.tagrouter.api;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8Test {

    @Test
    void agreesWithTheJdkDecoderOnValidAndBrokenBytes() {
        Random random = new Random(8);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = i % 2 == 0 ? randomBytes(random) : mutated(validText(random), random);
            assertEquals(jdkAccepts(bytes), Utf8.isWellFormed(bytes), () -> java.util.HexFormat.of().formatHex(bytes));
        }
    }

    @Test
    void refusesOverlongSurrogateAndOutOfRangeForms() {
        assertFalse(Utf8.isWellFormed(new byte[] {(byte) 0xC0, (byte) 0xAF})); // overlong '/'
        assertFalse(Utf8.isWellFormed(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}));
        assertFalse(Utf8.isWellFormed(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})); // U+D800
        assertFalse(Utf8.isWellFormed(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
        assertFalse(Utf8.isWellFormed(new byte[] {(byte) 0xE2, (byte) 0x82})); // cut short
        assertTrue(Utf8.isWellFormed("{\"q\": \"héllo ☃ 😀\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(8)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] validText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i >= 0; i--) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                case 2 -> 0x800 + random.nextInt(0xD800 - 0x800);
                default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
            };
            text.appendCodePoint(cp);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    // One byte changed, dropped or added: most of the time no longer UTF-8, sometimes still.
    private static byte[] mutated(byte[] bytes, Random random) {
        if (bytes.length == 0 || random.nextInt(4) == 0) {
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        return switch (random.nextInt(3)) {
            case 0 -> {
                bytes[at] = (byte) random.nextInt(256);
                yield bytes;
            }
            case 1 -> java.util.Arrays.copyOf(bytes, at);
            default -> {
                byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
                longer[bytes.length] = (byte) (0x80 + random.nextInt(0x80));
                yield longer;
            }
        };
    }
}
