package org.medgemmahub.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncapsulatedPixelDataTest {
    private static final byte[] JPEG_A = {(byte) 0xFF, (byte) 0xD8, 1};
    private static final byte[] JPEG_A_TAIL = {2, 3};
    private static final byte[] JPEG_B = {(byte) 0xFF, (byte) 0xD8, 4};
    private static final byte[] J2K = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51};

    private static byte[] offsets(int... values) {
        byte[] table = new byte[4 * values.length];
        for (int i = 0; i < values.length; i++) {
            for (int b = 0; b < 4; b++) table[4 * i + b] = (byte) (values[i] >>> (8 * b));
        }
        return table;
    }

    @Test
    void concatenatesAllFragmentsOfASingleFrame() throws Exception {
        var data = new EncapsulatedPixelData(new byte[0], List.of(JPEG_A, JPEG_A_TAIL));

        assertThat(data.frames(1)).singleElement().isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
    }

    @Test
    void groupsFragmentsByTheBasicOffsetTable() throws Exception {
        // fragment items are 8 header bytes + value: frame 2 starts after (8 + 3) + (8 + 2) = 21 bytes
        var data = new EncapsulatedPixelData(offsets(0, 21), List.of(JPEG_A, JPEG_A_TAIL, JPEG_B));

        List<byte[]> frames = data.frames(2);

        assertThat(frames.get(0)).containsExactly(0xFF, 0xD8, 1, 2, 3);
        assertThat(frames.get(1)).isEqualTo(JPEG_B);
    }

    @Test
    void takesOneFragmentPerFrameWhenTheCountsMatch() throws Exception {
        var data = new EncapsulatedPixelData(new byte[0], List.of(JPEG_A, JPEG_B));

        assertThat(data.frames(2)).containsExactly(JPEG_A, JPEG_B);
    }

    @Test
    void startsAFrameAtEachJpegOrJpeg2000StartMarkerWithoutAnOffsetTable() throws Exception {
        var data = new EncapsulatedPixelData(new byte[0], List.of(JPEG_A, JPEG_A_TAIL, J2K));

        List<byte[]> frames = data.frames(2);

        assertThat(frames.get(0)).containsExactly(0xFF, 0xD8, 1, 2, 3);
        assertThat(frames.get(1)).isEqualTo(J2K);
    }

    @Test
    void fragmentsThatCannotMakeTheFramesAreAnError() {
        var data = new EncapsulatedPixelData(new byte[0], List.of(JPEG_A, JPEG_A_TAIL, JPEG_A_TAIL));

        assertThatThrownBy(() -> data.frames(2)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("cannot split 3 Pixel Data fragments into 2 frames");
        assertThatThrownBy(() -> new EncapsulatedPixelData(new byte[0], List.of()).frames(1))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("no fragments");
    }
}
