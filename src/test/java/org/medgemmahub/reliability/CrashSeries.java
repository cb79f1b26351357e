package org.medgemmahub.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.medgemmahub.dicom.DataSetBytes;
import org.medgemmahub.dicom.data.Part10FileWriter;
import org.medgemmahub.dicom.data.TransferSyntax;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.pipeline.RequestIds;
import org.medgemmahub.pipeline.SourceKind;

/**
 * CT series for crash tests: each series its own patient, study and series, its slices small 12-bit CT images along
 * the z axis, written as Part 10 files with UIDs unique to this run. The hub groups a series into one request, so
 * each series maps to exactly one Observation, identified by the request id derived from its Series Instance UID.
 */
final class CrashSeries {
    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final int SIZE = 64;

    record Series(String seriesUid, String patientId, List<Part10Input> instances) {
        String requestId() {
            return RequestIds.of(SourceKind.DICOM, seriesUid);
        }
    }

    private CrashSeries() {
    }

    /** {@code instances} slices in series of {@code seriesSize} (the last one may be shorter), written under {@code folder}. */
    static List<Series> burst(Path folder, int round, int instances, int seriesSize, Random pixels) throws IOException {
        Files.createDirectories(folder);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Series> series = new ArrayList<>();
        for (int first = 0, s = 0; first < instances; first += seriesSize, s++) {
            String studyUid = uid();
            String seriesUid = uid();
            String patientId = "CD" + run + round + "x" + s;
            List<Part10Input> slices = new ArrayList<>();
            for (int n = 1; n <= Math.min(seriesSize, instances - first); n++) {
                String sopInstanceUid = uid();
                byte[] dataSet = ctSlice(sopInstanceUid, studyUid, seriesUid, patientId, "AD" + run + round + "x" + s, n, pixels);
                Path file = folder.resolve("r" + round + "-s" + s + "-i" + n + ".dcm");
                try (OutputStream out = Files.newOutputStream(file)) {
                    Part10FileWriter.write(out, CT_IMAGE_STORAGE, sopInstanceUid, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                            "CRASHTEST", new ByteArrayInputStream(dataSet));
                }
                slices.add(Part10Input.read(file));
            }
            series.add(new Series(seriesUid, patientId, List.copyOf(slices)));
        }
        return series;
    }

    /** Series Instance UID to the number of instances in it. */
    static Map<String, Integer> sizes(List<Series> series) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        series.forEach(one -> sizes.put(one.seriesUid(), one.instances().size()));
        return sizes;
    }

    static int instanceCount(List<Series> series) {
        return series.stream().mapToInt(s -> s.instances().size()).sum();
    }

    /** A UID under the 2.25 root (a UUID as a decimal number): unique to this run without a registered root. */
    private static String uid() {
        UUID uuid = UUID.randomUUID();
        BigInteger value = new BigInteger(1, ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
        return "2.25." + value;
    }

    /** One CT Image Storage data set in Explicit VR Little Endian, elements in tag order. */
    private static byte[] ctSlice(String sopInstanceUid, String studyUid, String seriesUid, String patientId, String accession,
                                  int instanceNumber, Random pixels) {
        return DataSetBytes.explicitLittle()
                .text(0x00080016, "UI", uidValue(CT_IMAGE_STORAGE))
                .text(0x00080018, "UI", uidValue(sopInstanceUid))
                .text(0x00080050, "SH", even(accession))
                .text(0x00080060, "CS", "CT")
                .text(0x00081030, "LO", even("CT CHEST"))
                .text(0x00100020, "LO", even(patientId))
                .text(0x00180015, "CS", "CHEST ")
                .text(0x0020000D, "UI", uidValue(studyUid))
                .text(0x0020000E, "UI", uidValue(seriesUid))
                .text(0x00200013, "IS", even(String.valueOf(instanceNumber)))
                .text(0x00200032, "DS", even("-160\\-160\\" + (instanceNumber * 5)))
                .text(0x00200037, "DS", "1\\0\\0\\0\\1\\0 ")
                .us(0x00280002, 1)
                .text(0x00280004, "CS", "MONOCHROME2 ")
                .us(0x00280010, SIZE)
                .us(0x00280011, SIZE)
                .us(0x00280100, 16)
                .us(0x00280101, 12)
                .us(0x00280102, 11)
                .us(0x00280103, 0)
                .text(0x00281050, "DS", "40")
                .text(0x00281051, "DS", "400 ")
                .text(0x00281052, "DS", "-1024 ")
                .text(0x00281053, "DS", "1 ")
                .element(0x7FE00010, "OW", pixelData(pixels))
                .toBytes();
    }

    /** A bright disc (soft tissue) on air with some noise: renderable, not uniform. */
    private static byte[] pixelData(Random random) {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE * SIZE * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int dx = x - SIZE / 2;
                int dy = y - SIZE / 2;
                int base = dx * dx + dy * dy < SIZE * SIZE / 8 ? 1064 : 24;
                buffer.putShort((short) (base + random.nextInt(40)));
            }
        }
        return buffer.array();
    }

    private static String uidValue(String uid) {
        return uid.length() % 2 == 0 ? uid : uid + "\0";
    }

    private static String even(String text) {
        return text.length() % 2 == 0 ? text : text + " ";
    }
}
