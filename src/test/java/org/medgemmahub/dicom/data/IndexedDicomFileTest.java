package org.medgemmahub.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.DicomSamples;

/** A Part 10 file read without its pixels: the same header as a full read, Pixel Data located, frames read alone. */
class IndexedDicomFileTest {
    @TempDir Path files;

    @Test
    void readsEveryElementButPixelDataAndLocatesItsValue() throws Exception {
        Path sample = DicomSamples.named("us-multiframe-rgb.dcm");
        DicomFile whole = DicomFile.read(sample);

        IndexedDicomFile indexed = IndexedDicomFile.read(sample);

        assertThat(indexed.dataSet().elements().keySet())
                .containsExactlyElementsOf(whole.dataSet().elements().keySet().stream().filter(t -> t != Tag.PIXEL_DATA).toList());
        byte[] pixels = whole.dataSet().pixelData().orElseThrow().value();
        assertThat(indexed.pixelData().isEncapsulated()).isFalse();
        assertThat(indexed.pixelData().valueLength()).isEqualTo(pixels.length);
        int frameBytes = pixels.length / 6;
        assertThat(indexed.nativeFrame(4, frameBytes)).isEqualTo(Arrays.copyOfRange(pixels, 4 * frameBytes, 5 * frameBytes));
    }

    @Test
    void makesASingleFrameObjectOfOneFrame() throws Exception {
        IndexedDicomFile indexed = IndexedDicomFile.read(DicomSamples.named("us-multiframe-rgb.dcm"));

        DicomFile view = indexed.singleFrame(2, new byte[] {1, 2, 3});

        assertThat(view.dataSet().getInt(Tag.NUMBER_OF_FRAMES)).isEqualTo(1);
        assertThat(view.dataSet().pixelData().orElseThrow().value()).containsExactly(1, 2, 3);
        assertThat(view.sopInstanceUid()).isEqualTo(indexed.header().sopInstanceUid());
    }

    @Test
    void refusesAFileThatEndsInsidePixelData() throws Exception {
        byte[] whole = Files.readAllBytes(DicomSamples.named("mr-t1-16bit.dcm"));
        Path truncated = files.resolve("truncated.dcm");
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 1000));

        assertThatThrownBy(() -> IndexedDicomFile.read(truncated)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("truncated: Pixel Data (7FE0,0010)");
    }

    @Test
    void refusesANativeFrameOutsidePixelData() throws Exception {
        IndexedDicomFile indexed = IndexedDicomFile.read(DicomSamples.named("mr-t1-16bit.dcm"));

        assertThatThrownBy(() -> indexed.nativeFrame(1, indexed.pixelData().valueLength())).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("lies outside Pixel Data");
    }
}
