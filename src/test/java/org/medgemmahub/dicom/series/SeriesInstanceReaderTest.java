package org.medgemmahub.dicom.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.DicomStatus;
import org.medgemmahub.dicom.DicomStatusException;
import org.medgemmahub.dicom.data.Part10FileWriter;
import org.medgemmahub.dicom.net.Part10Input;

/** What the hub reads of an instance before it answers the C-STORE, and what it refuses with 0xC000. */
class SeriesInstanceReaderTest {
    private static final byte[] PIXEL_DATA_TAG = {(byte) 0xE0, 0x7F, 0x10, 0x00};

    @TempDir Path files;
    private final SeriesInstanceReader reader = new SeriesInstanceReader();

    @Test
    void describesAValidInstanceForSeriesGrouping() throws IOException {
        Path file = withDataSet(dataSetOf("sc-gray-8bit-no-window.dcm"));

        SeriesInstance instance = reader.describe(file.toString(), "MODALITY1");

        assertThat(instance.sopInstanceUid()).isEqualTo(Part10Input.read(DicomSamples.named("sc-gray-8bit-no-window.dcm")).sopInstanceUid());
        assertThat(instance.seriesInstanceUid()).isNotBlank();
    }

    /** Found by DicomFileFuzzRouteTest (kind pixel-data-shortened): it was answered 0x0000 and failed only when rendered. */
    @Test
    void refusesWithCannotUnderstandAWellFormedPixelDataElementHoldingFewerBytesThanRowsAndColumnsNeed() throws IOException {
        byte[] dataSet = dataSetOf("sc-gray-8bit-no-window.dcm");
        int header = lastIndexOf(dataSet, PIXEL_DATA_TAG);
        int lengthOffset = header + 8; // explicit VR: tag, "OB"/"OW", two reserved bytes, then the 32-bit length
        int length = ByteBuffer.wrap(dataSet, lengthOffset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] shortened = Arrays.copyOf(dataSet, lengthOffset + 4 + length / 2);
        ByteBuffer.wrap(shortened, lengthOffset, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(length / 2);
        Path file = withDataSet(shortened);

        assertThatThrownBy(() -> reader.describe(file.toString(), "MODALITY1"))
                .isInstanceOfSatisfying(DicomStatusException.class, e -> assertThat(e.status()).isEqualTo(DicomStatus.CANNOT_UNDERSTAND))
                .hasMessageStartingWith("DICOM-UNRENDERABLE: Pixel Data holds " + length / 2 + " bytes");
    }

    private static byte[] dataSetOf(String sample) throws IOException {
        try (InputStream in = Part10Input.read(DicomSamples.named(sample)).openDataSet()) {
            return in.readAllBytes();
        }
    }

    private Path withDataSet(byte[] dataSet) throws IOException {
        Part10Input sample = Part10Input.read(DicomSamples.named("sc-gray-8bit-no-window.dcm"));
        Path file = files.resolve("instance.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            Part10FileWriter.write(out, sample.sopClassUid(), sample.sopInstanceUid(), sample.transferSyntaxUid(), "TEST",
                    new java.io.ByteArrayInputStream(dataSet));
        }
        return file;
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        for (int i = data.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) return i;
        }
        throw new IllegalStateException("Pixel Data tag not found");
    }
}
