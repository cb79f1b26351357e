package org.medgemmahub.dicom;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.medgemmahub.support.Peers;

/**
 * DCMTK as a test peer: runs its tools and makes test instances (a generated grayscale JPEG wrapped by img2dcm as
 * Secondary Capture, then converted to the other transfer syntaxes; JPEG 2000 by GDCM's gdcmconv). Nothing here comes from patients.
 */
public final class Dcmtk {
    private Dcmtk() {
    }

    /** Exit code and combined output of a finished tool. */
    public record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    public static void require() {
        Peers.requireTools("storescu", "echoscu", "storescp", "img2dcm", "dcmdjpeg", "dcmcrle", "dcmcjpeg", "dcmcjpls", "dcmconv",
                "dcmdump", "dump2dcm");
    }

    public static Result run(String... command) {
        return run(List.of(command));
    }

    public static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs and requires success. */
    public static String ok(String... command) {
        Result result = run(command);
        if (!result.succeeded()) throw new AssertionError(String.join(" ", command) + " failed (" + result.exitCode() + "):\n" + result.output());
        return result.output();
    }

    /** A new Secondary Capture instance (own Study/Series/SOP Instance UIDs) in JPEG Baseline. */
    public static Path jpegBaseline(Path dir, String name) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) image.getRaster().setSample(x, y, 0, (x * 4 + y * 2) & 0xFF);
        }
        Path jpeg = dir.resolve(name + ".jpg");
        ImageIO.write(image, "jpeg", jpeg.toFile());
        Path dicom = dir.resolve(name + ".dcm");
        ok("img2dcm", "-k", "PatientID=TEST-0001", "-k", "Modality=OT", jpeg.toString(), dicom.toString());
        Files.delete(jpeg);
        return dicom;
    }

    /** The same picture in the given syntax, as a new instance (new SOP Instance UID). */
    public static Path instance(Path dir, String name, Syntax syntax) throws IOException {
        if (syntax.command.contains("gdcmconv")) Peers.requireTools("gdcmconv");
        Path jpeg = jpegBaseline(dir, name + "-source");
        if (syntax == Syntax.JPEG_BASELINE) return Files.move(jpeg, dir.resolve(name + ".dcm"));
        Path explicit = dir.resolve(name + "-explicit.dcm");
        ok("dcmdjpeg", jpeg.toString(), explicit.toString());
        Files.delete(jpeg);
        Path target = dir.resolve(name + ".dcm");
        List<String> command = new ArrayList<>(syntax.command);
        command.add(explicit.toString());
        command.add(target.toString());
        ok(command.toArray(String[]::new));
        Files.delete(explicit);
        return target;
    }

    /** A Basic Text SR instance (no pixels: a non-image object the hub declines), written by dump2dcm. */
    public static Path structuredReport(Path dir) throws IOException {
        Path dump = Files.writeString(dir.resolve("sr.txt"), String.join("\n",
                "(0008,0016) UI [1.2.840.10008.5.1.4.1.1.88.11]", "(0008,0018) UI [1.2.826.0.1.3680043.10.999.88]",
                "(0008,0060) CS [SR]", "(0010,0020) LO [TEST-0001]", ""));
        Path report = dir.resolve("sr.dcm");
        ok("dump2dcm", "+te", dump.toString(), report.toString());
        return report;
    }

    /**
     * A storescu configuration file (-xf) whose profile {@code JpegLsOnly} proposes Secondary Capture in JPEG-LS
     * Lossless only, as a PACS would offer an instance it cannot or will not transcode.
     */
    public static Path jpegLsOnlyProfile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("jpegls-only.cfg"), String.join("\n",
                "[[TransferSyntaxes]]", "[JpegLs]", "TransferSyntax1 = 1.2.840.10008.1.2.4.80", "",
                "[[PresentationContexts]]", "[JpegLsOnly]", "PresentationContext1 = 1.2.840.10008.5.1.4.1.1.7\\JpegLs", "",
                "[[Profiles]]", "[JpegLsOnly]", "PresentationContexts = JpegLsOnly", ""));
    }

    /** The transfer syntax UID written in a file's meta information, read by dcmdump. */
    public static String transferSyntaxOf(Path file) {
        String dump = ok("dcmdump", "-Un", "+P", "0002,0010", file.toString());
        return dump.replaceAll("(?s).*\\[([0-9.]+)\\].*", "$1");
    }

    /** Transfer syntaxes test instances can be made in, with the DCMTK call converting Explicit VR LE to it. */
    public enum Syntax {
        JPEG_BASELINE("1.2.840.10008.1.2.4.50", "-xy", List.of()),
        EXPLICIT_LITTLE("1.2.840.10008.1.2.1", "-xe", List.of("dcmconv", "+te")),
        IMPLICIT_LITTLE("1.2.840.10008.1.2", "-xi", List.of("dcmconv", "+ti")),
        EXPLICIT_BIG("1.2.840.10008.1.2.2", "-xb", List.of("dcmconv", "+tb")),
        DEFLATED("1.2.840.10008.1.2.1.99", "-xd", List.of("dcmconv", "+td")),
        RLE("1.2.840.10008.1.2.5", "-xr", List.of("dcmcrle")),
        JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "-xs", List.of("dcmcjpeg")),
        JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "-xv", List.of("gdcmconv", "--j2k")),
        JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "-xt", List.of("dcmcjpls"));

        public final String uid;
        /** The storescu option that proposes this syntax first (followed by the uncompressed ones). */
        public final String storescuProposal;
        final List<String> command;

        Syntax(String uid, String storescuProposal, List<String> command) {
            this.uid = uid;
            this.storescuProposal = storescuProposal;
            this.command = command;
        }
    }
}
