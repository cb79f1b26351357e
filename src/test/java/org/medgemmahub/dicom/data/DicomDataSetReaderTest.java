package org.medgemmahub.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medgemmahub.dicom.DataSetBytes.UNDEFINED;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.medgemmahub.dicom.DataSetBytes;

class DicomDataSetReaderTest {

    private static DataSetBytes imageHeader(DataSetBytes bytes) {
        return bytes.text(Tag.SOP_INSTANCE_UID, "UI", "1.2.3.4\0").text(Tag.MODALITY, "CS", "CT")
                .us(Tag.ROWS, 2).us(Tag.COLUMNS, 2);
    }

    @Test
    void readsNestedSequencesAndItemsOfUndefinedLength() throws Exception {
        byte[] bytes = DataSetBytes.explicitLittle()
                .header(Tag.VOI_LUT_SEQUENCE, "SQ", UNDEFINED)
                .item(Tag.ITEM, UNDEFINED)
                .text(0x00283003, "LO", "FIRST ")
                .header(0x00081140, "SQ", UNDEFINED)
                .item(Tag.ITEM, UNDEFINED).text(Tag.SOP_INSTANCE_UID, "UI", "9.8\0")
                .item(Tag.ITEM_DELIMITATION_ITEM, 0)
                .item(Tag.SEQUENCE_DELIMITATION_ITEM, 0)
                .item(Tag.ITEM_DELIMITATION_ITEM, 0)
                .item(Tag.ITEM, 14).text(0x00283003, "LO", "SECOND")
                .item(Tag.SEQUENCE_DELIMITATION_ITEM, 0)
                .text(Tag.MODALITY, "CS", "MR")
                .toBytes();

        DicomAttributes attributes = DicomDataSetReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false);

        assertThat(attributes.getSequence(Tag.VOI_LUT_SEQUENCE)).hasSize(2);
        DicomAttributes first = attributes.getSequence(Tag.VOI_LUT_SEQUENCE).get(0);
        assertThat(first.getString(0x00283003)).isEqualTo("FIRST");
        assertThat(first.getSequence(0x00081140).get(0).getString(Tag.SOP_INSTANCE_UID)).isEqualTo("9.8");
        assertThat(attributes.getSequence(Tag.VOI_LUT_SEQUENCE).get(1).getString(0x00283003)).isEqualTo("SECOND");
        assertThat(attributes.getString(Tag.MODALITY)).isEqualTo("MR");
    }

    @Test
    void readsImplicitVrWithBinaryValuesFromTheDictionaryAndUnknownSequences() throws Exception {
        byte[] bytes = imageHeader(DataSetBytes.implicitLittle())
                .header(0x00091010, "", UNDEFINED) // private, undefined length: a sequence
                .item(Tag.ITEM, UNDEFINED).text(Tag.MODALITY, "", "US").item(Tag.ITEM_DELIMITATION_ITEM, 0)
                .item(Tag.SEQUENCE_DELIMITATION_ITEM, 0)
                .text(Tag.IMAGE_POSITION_PATIENT, "", "-175\\-175.5\\40 ")
                .toBytes();

        DicomAttributes attributes = DicomDataSetReader.read(bytes, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, false);

        assertThat(attributes.getInt(Tag.ROWS)).isEqualTo(2);
        assertThat(attributes.getString(Tag.COLUMNS)).isEqualTo("2");
        assertThat(attributes.getDoubles(Tag.IMAGE_POSITION_PATIENT)).containsExactly(-175, -175.5, 40);
        assertThat(attributes.getSequence(0x00091010).get(0).getString(Tag.MODALITY)).isEqualTo("US");
    }

    @Test
    void keepsOddLengthValuesAndTrimsPadding() throws Exception {
        byte[] bytes = DataSetBytes.explicitLittle()
                .text(Tag.PATIENT_ID, "LO", " ABC")
                .text(Tag.WINDOW_CENTER, "DS", "40\\-600")
                .text(Tag.STUDY_DESCRIPTION, "LO", "")
                .toBytes();

        DicomAttributes attributes = DicomDataSetReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false);

        assertThat(attributes.getString(Tag.PATIENT_ID)).isEqualTo("ABC");
        assertThat(attributes.getStrings(Tag.WINDOW_CENTER)).containsExactly("40", "-600");
        assertThat(attributes.getString(Tag.STUDY_DESCRIPTION)).isNull();
        assertThat(attributes.getString(Tag.SERIES_DESCRIPTION)).isNull();
        assertThat(attributes.contains(Tag.STUDY_DESCRIPTION)).isTrue();
    }

    @Test
    void readsBigEndianNumbersAndSwapsPixelDataWordsToLittleEndian() throws Exception {
        byte[] bytes = imageHeader(DataSetBytes.explicitBig())
                .element(Tag.PIXEL_DATA, "OW", new byte[] {0x01, 0x02, 0x03, 0x04})
                .toBytes();

        DicomAttributes attributes = DicomDataSetReader.read(bytes, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, false);

        assertThat(attributes.getInt(Tag.ROWS)).isEqualTo(2);
        assertThat(attributes.pixelData().orElseThrow().value()).containsExactly(0x02, 0x01, 0x04, 0x03);
    }

    @Test
    void inflatesDeflatedDataSets() throws Exception {
        byte[] plain = imageHeader(DataSetBytes.explicitLittle()).toBytes();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(9, true))) {
            out.write(plain);
        }

        DicomAttributes attributes = DicomDataSetReader.read(deflated.toByteArray(),
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, false);

        assertThat(attributes.getString(Tag.MODALITY)).isEqualTo("CT");
        assertThat(attributes.getInt(Tag.COLUMNS)).isEqualTo(2);
    }

    @Test
    void readsUndefinedLengthUnAsImplicitVrItems() throws Exception {
        byte[] bytes = DataSetBytes.explicitLittle()
                .header(0x00091010, "UN", UNDEFINED)
                .raw(DataSetBytes.implicitLittle().item(Tag.ITEM, UNDEFINED).us(Tag.ROWS, 7)
                        .item(Tag.ITEM_DELIMITATION_ITEM, 0).item(Tag.SEQUENCE_DELIMITATION_ITEM, 0).toBytes())
                .text(Tag.MODALITY, "CS", "CT")
                .toBytes();

        DicomAttributes attributes = DicomDataSetReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false);

        assertThat(attributes.getSequence(0x00091010).get(0).getInt(Tag.ROWS)).isEqualTo(7);
        assertThat(attributes.getString(Tag.MODALITY)).isEqualTo("CT");
    }

    @Test
    void stopsBeforePixelDataWhenAskedAndLeavesItUnread() throws Exception {
        byte[] bytes = imageHeader(DataSetBytes.explicitLittle())
                .header(Tag.PIXEL_DATA, "OW", 1_000_000) // never read, so its length does not matter
                .toBytes();

        DicomAttributes attributes = DicomDataSetReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, true);

        assertThat(attributes.getString(Tag.MODALITY)).isEqualTo("CT");
        assertThat(attributes.pixelData()).isEmpty();
    }

    @Test
    void readsEncapsulatedPixelDataFragments() throws Exception {
        byte[] bytes = imageHeader(DataSetBytes.explicitLittle())
                .header(Tag.PIXEL_DATA, "OB", UNDEFINED)
                .item(Tag.ITEM, 0)
                .item(Tag.ITEM, 4).raw(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2})
                .item(Tag.ITEM, 2).raw(new byte[] {3, 4})
                .item(Tag.SEQUENCE_DELIMITATION_ITEM, 0)
                .toBytes();

        DicomElement pixelData = DicomDataSetReader.read(bytes, TransferSyntax.JPEG_BASELINE, false).pixelData()
                .orElseThrow();

        assertThat(pixelData.encapsulated().fragments()).hasSize(2);
        assertThat(pixelData.encapsulated().frames(1).get(0)).containsExactly(0xFF, 0xD8, 1, 2, 3, 4);
    }

    @Nested
    @Timeout(10)
    class Failures {

        @Test
        void truncatedValueNamesTheElementAndOffset() {
            byte[] bytes = DataSetBytes.explicitLittle().header(Tag.PATIENT_ID, "LO", 20).raw(new byte[5]).toBytes();

            assertThatThrownBy(() -> DicomDataSetReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false))
                    .isInstanceOf(DicomParseException.class)
                    .hasMessageContaining("truncated").hasMessageContaining("(0010,0020)").hasMessageContaining("offset 8");
        }

        @Test
        void pixelDataShorterThanDeclaredFailsWithoutAllocatingTheDeclaredLength() {
            byte[] bytes = imageHeader(DataSetBytes.explicitLittle())
                    .header(Tag.PIXEL_DATA, "OW", 400_000_000).raw(new byte[3_000_000]).toBytes();

            assertThatThrownBy(() -> DicomDataSetReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false))
                    .isInstanceOf(DicomParseException.class)
                    .hasMessageContaining("(7FE0,0010)").hasMessageContaining("declares 400000000 bytes");
        }

        @Test
        void valueLongerThanTheLimitIsRefusedBeforeReading() {
            byte[] bytes = DataSetBytes.explicitLittle().header(Tag.PIXEL_DATA, "OW", 0x7FFFFFF0).toBytes();
            ReadLimits limits = new ReadLimits(1 << 20, 1 << 30, 8);

            assertThatThrownBy(() -> DicomDataSetReader.read(new ByteArrayInputStream(bytes),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false, limits))
                    .isInstanceOf(DicomParseException.class).hasMessageContaining("more than the limit");
        }

        @Test
        void itemThatOverrunsItsDeclaredLengthIsAnError() {
            byte[] bytes = DataSetBytes.explicitLittle()
                    .header(Tag.VOI_LUT_SEQUENCE, "SQ", 16)
                    .item(Tag.ITEM, 8).text(Tag.PATIENT_ID, "LO", "ABCDEF")
                    .toBytes();

            assertThatThrownBy(() -> DicomDataSetReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false))
                    .isInstanceOf(DicomParseException.class).hasMessageContaining("overruns");
        }

        @Test
        void sequenceWithoutItemsIsAnError() {
            byte[] bytes = DataSetBytes.explicitLittle()
                    .header(Tag.VOI_LUT_SEQUENCE, "SQ", UNDEFINED).text(Tag.PATIENT_ID, "LO", "AB").toBytes();

            assertThatThrownBy(() -> DicomDataSetReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false))
                    .isInstanceOf(DicomParseException.class).hasMessageContaining("expected an item");
        }

        @Test
        void wrongTransferSyntaxShowsAsAnInvalidVr() {
            byte[] bytes = imageHeader(DataSetBytes.implicitLittle()).toBytes();

            assertThatThrownBy(() -> DicomDataSetReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false))
                    .isInstanceOf(DicomParseException.class).hasMessageContaining("invalid VR");
        }

        @Test
        void deeplyNestedSequencesStopAtTheDepthLimit() {
            DataSetBytes bytes = DataSetBytes.explicitLittle();
            for (int i = 0; i < 40; i++) bytes.header(Tag.VOI_LUT_SEQUENCE, "SQ", UNDEFINED).item(Tag.ITEM, UNDEFINED);

            assertThatThrownBy(() -> DicomDataSetReader.read(bytes.toBytes(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    false)).isInstanceOf(DicomParseException.class).hasMessageContaining("nested deeper");
        }

        @Test
        void corruptDeflateStreamIsAParseError() {
            byte[] garbage = {0x77, 0x11, (byte) 0xFF, (byte) 0xFF, 0x00, 0x13};
            InputStream in = new ByteArrayInputStream(garbage);

            assertThatThrownBy(() -> DicomDataSetReader.read(in, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, false))
                    .isInstanceOf(DicomParseException.class);
        }
    }
}
