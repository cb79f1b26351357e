package org.medgemmahub.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medgemmahub.dicom.data.TransferSyntax;

/**
 * A copy of a sample in another transfer syntax, made by the tools DICOM users have: DCMTK's dcmconv (with undefined
 * lengths for sequences and items), dcmcjpeg and dcmcrle, and GDCM's gdcmconv for JPEG 2000.
 */
public enum SyntaxVariant {
    IMPLICIT_LE(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, false, "dcmconv", "-e", "+ti"),
    EXPLICIT_LE(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false, "dcmconv", "-e", "+te"),
    EXPLICIT_BE(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, false, "dcmconv", "-e", "+tb"),
    DEFLATED(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, false, "dcmconv", "-e", "+td"),
    JPEG_LOSSLESS_SV6(TransferSyntax.JPEG_LOSSLESS, false, "dcmcjpeg", "+el", "+sv", "6"),
    JPEG_LOSSLESS_SV1(TransferSyntax.JPEG_LOSSLESS_SV1, false, "dcmcjpeg", "+e1"),
    RLE(TransferSyntax.RLE_LOSSLESS, false, "dcmcrle"),
    JPEG_BASELINE(TransferSyntax.JPEG_BASELINE, true, "dcmcjpeg", "+eb", "+q", "95"),
    /** Colour kept as RGB inside the JPEG (photometric RGB), instead of DCMTK's default YBR_FULL_422. */
    JPEG_BASELINE_RGB(TransferSyntax.JPEG_BASELINE, true, "dcmcjpeg", "+eb", "+cr", "+q", "95"),
    JPEG_2000_LOSSLESS(TransferSyntax.JPEG_2000_LOSSLESS, false, "gdcmconv", "--j2k"),
    JPEG_2000_LOSSY(TransferSyntax.JPEG_2000, true, "gdcmconv", "--j2k", "--lossy", "-q", "60");

    private final TransferSyntax syntax;
    private final boolean lossy;
    private final List<String> command;

    SyntaxVariant(TransferSyntax syntax, boolean lossy, String... command) {
        this.syntax = syntax;
        this.lossy = lossy;
        this.command = List.of(command);
    }

    public TransferSyntax syntax() {
        return syntax;
    }

    public boolean lossy() {
        return lossy;
    }

    /** True when the variant is made with GDCM (JPEG 2000), which DCMTK's free dcmj2pnm cannot read. */
    public boolean madeWithGdcm() {
        return command.get(0).equals("gdcmconv");
    }

    public String tool() {
        return command.get(0);
    }

    /** Writes the variant of {@code source} to {@code target}. */
    public Path make(Path source, Path target) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(command);
        line.add(source.toString());
        line.add(target.toString());
        ExternalTool.run(line);
        return target;
    }
}
