package org.medgemmahub.support;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Seeded mutations of an HL7 v2 message for fuzz tests: bit flips, truncations, huge fields, wrong delimiters,
 * shuffled or repeated segments, and pure binary. Never produces the MLLP framing bytes 0x0B and 0x1C, which no
 * sender can put inside a message. The same seed always gives the same sequence, so a failure can be replayed.
 */
public final class Hl7Mutator {
    private final Random random;
    private final byte[] seed;

    public Hl7Mutator(long seed, String message) {
        this.random = new Random(seed);
        this.seed = message.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The next mutated message. */
    public byte[] next() {
        byte[] mutated = switch (random.nextInt(7)) {
            case 0 -> flipBits(seed.clone(), 1 + random.nextInt(16));
            case 1 -> java.util.Arrays.copyOf(seed, random.nextInt(seed.length));
            case 2 -> hugeField(2_000 + random.nextInt(random.nextBoolean() ? 2_000_000 : 20_000));
            case 3 -> wrongDelimiters();
            case 4 -> shuffleSegments();
            case 5 -> binary(random.nextInt(4096));
            default -> flipBits(wrongDelimiters(), 1 + random.nextInt(4));
        };
        for (int i = 0; i < mutated.length; i++) {
            if (mutated[i] == 0x0b || mutated[i] == 0x1c) mutated[i] = '?';
        }
        return mutated;
    }

    private byte[] flipBits(byte[] bytes, int flips) {
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            int at = random.nextInt(bytes.length);
            bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private byte[] hugeField(int length) {
        String text = new String(seed, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("OBX|");
        at = at < 0 ? text.length() : at + 4;
        return (text.substring(0, at) + "A".repeat(length) + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] wrongDelimiters() {
        String text = new String(seed, StandardCharsets.ISO_8859_1);
        char[] delimiters = {'|', '^', '~', '\\', '&', '\r'};
        char from = delimiters[random.nextInt(delimiters.length)];
        char to = (char) (32 + random.nextInt(95));
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] shuffleSegments() {
        String[] segments = new String(seed, StandardCharsets.ISO_8859_1).split("\r");
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(segments.length * 2);
        for (int i = 0; i < count; i++) out.append(segments[random.nextInt(segments.length)]).append('\r');
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] binary(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
