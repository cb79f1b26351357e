package org.medgemmahub.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.DataSetBytes;
import org.medgemmahub.dicom.DicomSamples;

class DicomFileTest {

    @Test
    void readsTheIdentifiersAndGeometryOfACtSlice() throws Exception {
        DicomFile file = DicomFile.read(DicomSamples.named("ct-slice-2.dcm"));
        DicomAttributes ds = file.dataSet();

        assertThat(file.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(file.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(file.sopInstanceUid()).isEqualTo("1.2.826.0.1.3680043.10.1413.3.1.2");
        assertThat(file.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID)).isEqualTo(file.sopInstanceUid());
        assertThat(ds.getString(Tag.STUDY_INSTANCE_UID)).isEqualTo("1.2.826.0.1.3680043.10.1413.1.1");
        assertThat(ds.getString(Tag.SERIES_INSTANCE_UID)).isEqualTo("1.2.826.0.1.3680043.10.1413.2.1");
        assertThat(ds.getString(Tag.MODALITY)).isEqualTo("CT");
        assertThat(ds.getString(Tag.PATIENT_ID)).isEqualTo("SAMPLE001");
        assertThat(ds.getString(Tag.ISSUER_OF_PATIENT_ID)).isEqualTo("MEDGEMMA-HUB-SAMPLES");
        assertThat(ds.getString(Tag.ACCESSION_NUMBER)).isEqualTo("ACC0001");
        assertThat(ds.getString(Tag.BODY_PART_EXAMINED)).isEqualTo("CHEST");
        assertThat(ds.getInt(Tag.INSTANCE_NUMBER)).isEqualTo(2);
        assertThat(ds.getDoubles(Tag.IMAGE_POSITION_PATIENT)).containsExactly(-175.0, -175.0, -25.0);
        assertThat(ds.getDoubles(Tag.IMAGE_ORIENTATION_PATIENT)).containsExactly(1, 0, 0, 0, 1, 0);
        assertThat(ds.getStrings(Tag.WINDOW_WIDTH)).containsExactly("400", "1500");
        assertThat(ds.pixelData().orElseThrow().value()).hasSize(256 * 256 * 2);
    }

    @Test
    void readsImplicitVrSamplesToo() throws Exception {
        DicomFile file = DicomFile.read(DicomSamples.named("mr-t1-16bit.dcm"));

        assertThat(file.transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(file.dataSet().getInt(Tag.BITS_STORED)).isEqualTo(16);
        assertThat(file.dataSet().getString(Tag.MODALITY)).isEqualTo("MR");
    }

    @Test
    void headerReadStopsBeforePixelData() throws Exception {
        DicomFile header = DicomFile.readHeader(DicomSamples.named("us-multiframe-rgb.dcm"));

        assertThat(header.dataSet().getInt(Tag.NUMBER_OF_FRAMES)).isEqualTo(6);
        assertThat(header.dataSet().pixelData()).isEmpty();
    }

    @Test
    void readsAPart10Stream() throws Exception {
        byte[] dataSet = DataSetBytes.explicitLittle().text(Tag.MODALITY, "CS", "DX").toBytes();
        DicomFile file = DicomFile.read(new ByteArrayInputStream(DataSetBytes.part10("1.2.840.10008.1.2.1", dataSet)));

        assertThat(file.dataSet().getString(Tag.MODALITY)).isEqualTo("DX");
        assertThat(file.fileMeta().getString(Tag.TRANSFER_SYNTAX_UID)).isEqualTo("1.2.840.10008.1.2.1");
    }

    @Nested
    @Timeout(10)
    class Failures {
        @TempDir
        Path dir;

        @Test
        void truncatedFileIsAParseErrorNamingPixelData() throws Exception {
            byte[] whole = Files.readAllBytes(DicomSamples.named("ct-slice-1.dcm"));
            Path cut = dir.resolve("cut.dcm");
            Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

            assertThatThrownBy(() -> DicomFile.read(cut)).isInstanceOf(DicomParseException.class)
                    .hasMessageContaining("truncated").hasMessageContaining("(7FE0,0010)");
        }

        @Test
        void fileCutInsideTheHeaderIsAParseError() throws Exception {
            byte[] whole = Files.readAllBytes(DicomSamples.named("ct-slice-1.dcm"));
            Path cut = dir.resolve("cut.dcm");
            Files.write(cut, Arrays.copyOf(whole, 500));

            assertThatThrownBy(() -> DicomFile.read(cut)).isInstanceOf(DicomParseException.class)
                    .hasMessageContaining("truncated");
        }

        @Test
        void fileWithoutDicmPrefixIsRefused() throws Exception {
            Path text = dir.resolve("not.dcm");
            Files.writeString(text, "hello ".repeat(40));

            assertThatThrownBy(() -> DicomFile.read(text)).isInstanceOf(DicomParseException.class)
                    .hasMessageContaining("not a DICOM Part 10 file");
        }

        @Test
        void emptyFileIsRefused() throws Exception {
            Path empty = Files.createFile(dir.resolve("empty.dcm"));

            assertThatThrownBy(() -> DicomFile.read(empty)).isInstanceOf(DicomParseException.class)
                    .hasMessageContaining("truncated");
        }

        @Test
        void transferSyntaxTheHubCannotDecodeIsNamed() {
            byte[] file = DataSetBytes.part10("1.2.840.10008.1.2.4.80", new byte[0]);

            assertThatThrownBy(() -> DicomFile.read(new ByteArrayInputStream(file)))
                    .isInstanceOf(DicomParseException.class).hasMessageContaining("1.2.840.10008.1.2.4.80");
        }
    }
}
