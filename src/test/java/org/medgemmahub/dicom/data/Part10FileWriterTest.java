package org.medgemmahub.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.net.Part10Input;

class Part10FileWriterTest {
    static final String SC = "1.2.840.10008.5.1.4.1.1.7";

    @Test
    void writesPreambleDicmAndAGroupLengthThatCoversTheWholeMetaGroup() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] dataSet = {8, 0, 0x16, 0, 'U', 'I', 2, 0, '1', 0};

        Part10FileWriter.write(out, SC, "1.2.3", "1.2.840.10008.1.2.1", "CT01", new ByteArrayInputStream(dataSet));
        byte[] file = out.toByteArray();

        assertThat(java.util.Arrays.copyOf(file, 128)).containsOnly(0);
        assertThat(new String(file, 128, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
        ByteBuffer meta = ByteBuffer.wrap(file, 132, 12).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(meta.getShort()).isEqualTo((short) 2);
        assertThat(meta.getShort()).isEqualTo((short) 0);
        assertThat(meta.get()).isEqualTo((byte) 'U');
        assertThat(meta.get()).isEqualTo((byte) 'L');
        assertThat(meta.getShort()).isEqualTo((short) 4);
        int groupLength = meta.getInt();
        assertThat(file.length).isEqualTo(144 + groupLength + dataSet.length);
        assertThat(java.util.Arrays.copyOfRange(file, 144 + groupLength, file.length)).isEqualTo(dataSet);
        assertThat(new String(file, StandardCharsets.US_ASCII)).contains(Part10FileWriter.IMPLEMENTATION_CLASS_UID)
                .contains(Part10FileWriter.IMPLEMENTATION_VERSION_NAME).contains("CT01");
    }

    @Test
    void padsOddUidsWithNulSoTheMetaReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("odd.dcm");
        try (var out = Files.newOutputStream(file)) {
            Part10FileWriter.write(out, SC, "1.2.345", "1.2.840.10008.1.2", null, new ByteArrayInputStream(new byte[0]));
        }

        Part10Input read = Part10Input.read(file);

        assertThat(read.sopClassUid()).isEqualTo(SC);
        assertThat(read.sopInstanceUid()).isEqualTo("1.2.345");
        assertThat(read.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2");
        assertThat(read.dataSetOffset()).isEqualTo(Files.size(file));
    }
}
