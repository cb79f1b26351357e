package org.medgemmahub.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HuffmanTableTest {
    /** One code of each length 1 to 16 (canonical codes 0, 10, 110, ...): short, look-up and long codes alike. */
    private static final int[] VALUES = {4, 0, 16, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15};

    private static HuffmanTable oneCodePerLength() {
        int[] counts = new int[16];
        Arrays.fill(counts, 1);
        return new HuffmanTable(counts, VALUES);
    }

    @Test
    void decodesDifferencesOfEveryCategoryWhateverTheCodeLength() throws Exception {
        List<Integer> differences = new ArrayList<>();
        BitWriter out = new BitWriter();
        for (int i = 0; i < VALUES.length; i++) {
            int length = i + 1;
            int category = VALUES[i];
            List<Integer> ofCategory = category == 0 ? List.of(0) : category == 16 ? List.of(32768)
                    : List.of(1 << (category - 1), -(1 << (category - 1)), (1 << category) - 1, -((1 << category) - 1));
            for (int difference : ofCategory) {
                out.write((1 << length) - 2, length);
                if (category > 0 && category < 16) {
                    out.write(difference > 0 ? difference : difference + (1 << category) - 1, category);
                }
                differences.add(difference);
            }
        }
        JpegBitReader bits = new JpegBitReader(out.finish(), 0);
        HuffmanTable table = oneCodePerLength();

        List<Integer> decoded = new ArrayList<>();
        for (int i = 0; i < differences.size(); i++) decoded.add(table.difference(bits));

        assertThat(decoded).containsExactlyElementsOf(differences);
    }

    @Test
    void anUnassignedCodeIsAnError() throws Exception {
        BitWriter out = new BitWriter();
        out.write(0xFFFF, 16); // all ones: no code of this table
        JpegBitReader bits = new JpegBitReader(out.finish(), 0);

        assertThatThrownBy(() -> oneCodePerLength().difference(bits)).isInstanceOf(DicomRenderException.class)
                .hasMessageContaining("invalid Huffman code");
    }

    /** MSB-first bits with FF00 stuffing, padded with ones and closed by EOI, as an entropy-coded segment. */
    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                current = current << 1 | (value >>> i & 1);
                if (++used == 8) flush();
            }
        }

        byte[] finish() {
            while (used != 0) write(1, 1);
            bytes.write(0xFF);
            bytes.write(0xD9);
            return bytes.toByteArray();
        }

        private void flush() {
            bytes.write(current);
            if (current == 0xFF) bytes.write(0);
            current = 0;
            used = 0;
        }
    }
}
