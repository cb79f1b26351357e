package org.medgemmahub.dicom.net;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A Part 10 file to be sent by C-STORE: what its File Meta Information says (SOP class and instance, transfer
 * syntax) and where its data set starts. Only the meta group is read here; the data set is sent as it is.
 */
public record Part10Input(Path file, String sopClassUid, String sopInstanceUid, String transferSyntaxUid, long dataSetOffset) {
    private static final int PREAMBLE = 128;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

    /** Reads the meta information; an {@link IOException} says why the file cannot be sent. */
    public static Part10Input read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 8192))) {
            byte[] prefix = in.readNBytes(PREAMBLE + 4);
            if (prefix.length < PREAMBLE + 4 || !"DICM".equals(new String(prefix, PREAMBLE, 4, StandardCharsets.US_ASCII))) {
                throw new IOException("not a DICOM Part 10 file (no DICM prefix)");
            }
            long offset = prefix.length;
            String sopClass = null;
            String sopInstance = null;
            String transferSyntax = null;
            while (true) {
                in.mark(8);
                byte[] header = new byte[8];
                if (in.read(header) < 8) break;
                int group = u16(header, 0);
                if (group != 0x0002) {
                    in.reset();
                    break;
                }
                int element = u16(header, 2);
                String vr = new String(header, 4, 2, StandardCharsets.US_ASCII);
                long length;
                int headerLength = 8;
                if (LONG_VRS.contains(vr)) {
                    byte[] longLength = in.readNBytes(4);
                    if (longLength.length < 4) throw new IOException("file meta information truncated");
                    length = (u16(longLength, 0) | (long) u16(longLength, 2) << 16);
                    headerLength = 12;
                } else {
                    length = u16(header, 6);
                }
                if (length > 1024) throw new IOException("file meta element (0002," + Integer.toHexString(element) + ") too long");
                byte[] value = in.readNBytes((int) length);
                if (value.length < length) throw new IOException("file meta information truncated");
                String text = new String(value, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
                switch (element) {
                    case 0x0002 -> sopClass = text;
                    case 0x0003 -> sopInstance = text;
                    case 0x0010 -> transferSyntax = text;
                    default -> { }
                }
                offset += headerLength + length;
            }
            if (sopClass == null || sopInstance == null || transferSyntax == null) {
                throw new IOException("file meta information lacks SOP class, SOP instance or transfer syntax UID");
            }
            return new Part10Input(file, sopClass, sopInstance, transferSyntax, offset);
        }
    }

    /** The data set bytes, from just after the meta information to the end of the file. */
    public InputStream openDataSet() throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(dataSetOffset);
        return in;
    }

    private static int u16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }
}
