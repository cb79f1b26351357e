package org.medgemmahub.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.ExternalTool;
import org.medgemmahub.dicom.Psnr;
import org.medgemmahub.dicom.SyntaxVariant;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.Tag;
import org.medgemmahub.dicom.data.TransferSyntax;
import org.medgemmahub.support.Peers;

/**
 * The hub's model JPEG against DCMTK's dcmj2pnm for every sample in every accepted transfer syntax, with the same
 * window on both sides (the file's first window, its first VOI LUT, or the hub's robust min-max passed to dcmj2pnm);
 * CT in single-window grayscale mode. DCMTK's free tools do not read JPEG 2000, so those variants are decompressed by
 * GDCM (gdcmconv --raw) first and dcmj2pnm renders that. PSNR >= 40 dB, >= 35 dB for lossy sources.
 */
class DicomRenderingIT {
    private static final RenderOptions GRAYSCALE = RenderOptions.of(CtRendering.GRAYSCALE);
    private static final ConcurrentLinkedQueue<String> TABLE = new ConcurrentLinkedQueue<>();

    @TempDir
    static Path work;

    private final DicomImageRenderer renderer = new DicomImageRenderer();

    @BeforeAll
    static void requirePeers() {
        Peers.requireTools("dcmj2pnm", "dcmconv", "dcmcjpeg", "dcmcrle", "gdcmconv");
    }

    @AfterAll
    static void printTable() {
        System.out.printf("%n%-34s %-20s %9s %7s%n", "sample", "transfer syntax", "PSNR dB", "needed");
        TABLE.stream().sorted().forEach(System.out::println);
    }

    @Test
    void variantsCoverEveryAcceptedTransferSyntax() {
        EnumSet<TransferSyntax> covered = EnumSet.noneOf(TransferSyntax.class);
        Arrays.stream(SyntaxVariant.values()).map(SyntaxVariant::syntax).forEach(covered::add);
        assertThat(covered).containsExactlyInAnyOrder(TransferSyntax.values());
    }

    @TestFactory
    Stream<DynamicTest> hubJpegMatchesDcmj2pnmForEverySampleAndSyntax() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path sample : DicomSamples.all()) {
            String name = sample.getFileName().toString().replace(".dcm", "");
            tests.add(DynamicTest.dynamicTest(name + " as generated", () -> compare(sample, sample, null)));
            if (isCompressed(sample)) continue;
            for (SyntaxVariant variant : SyntaxVariant.values()) {
                if (!applies(variant, sample)) continue;
                tests.add(DynamicTest.dynamicTest(name + " " + variant, () -> compare(sample,
                        variant.make(sample, work.resolve(name + "." + variant + ".dcm")), variant)));
            }
        }
        return tests.stream();
    }

    private void compare(Path original, Path file, SyntaxVariant variant) throws Exception {
        DicomFile dicom = DicomFile.read(file);
        if (variant != null) assertThat(dicom.transferSyntax()).isEqualTo(variant.syntax());
        BufferedImage hub = ImageIO.read(new ByteArrayInputStream(renderer.renderJpeg(dicom, GRAYSCALE)));

        Path referenceSource = variant != null && variant.madeWithGdcm()
                ? decodedByGdcm(file) : file; // DCMTK's free tools do not read JPEG 2000
        DicomFile referenceDicom = DicomFile.read(referenceSource);
        List<String> command = new ArrayList<>(List.of("dcmj2pnm", "+on"));
        int frames = referenceDicom.dataSet().getInt(Tag.NUMBER_OF_FRAMES, 1);
        if (frames > 1) command.addAll(List.of("+F", Integer.toString(frames / 2 + 1)));
        // GDCM rewrites Window Center/Width as UN when it decompresses, so pass the hub's window explicitly there
        command.addAll(variant != null && variant.madeWithGdcm() && referenceDicom.dataSet().contains(Tag.WINDOW_CENTER)
                ? explicitWindow(dicom) : windowArguments(referenceDicom));
        Path png = work.resolve(file.getFileName() + ".reference.png");
        command.addAll(List.of(referenceSource.toString(), png.toString()));
        ExternalTool.run(command);
        BufferedImage reference = ImageIO.read(png.toFile());

        boolean lossy = (variant != null && variant.lossy()) || dicom.transferSyntax() == TransferSyntax.JPEG_BASELINE;
        double needed = lossy ? 35 : 40;
        double psnr = Psnr.of(reference, hub);
        TABLE.add(String.format("%-34s %-20s %9.2f %7.0f%s", original.getFileName(),
                variant == null ? dicom.transferSyntax().name() : variant.name(), Math.min(psnr, 99.99), needed,
                psnr >= needed ? "" : "  FAIL"));
        assertThat(psnr).as("PSNR of %s against dcmj2pnm", file.getFileName()).isGreaterThanOrEqualTo(needed);
    }

    /** The same window for dcmj2pnm as the hub uses: first file window, first VOI LUT, else the hub's fallback. */
    private List<String> windowArguments(DicomFile dicom) throws DicomRenderException {
        String photometric = dicom.dataSet().getString(Tag.PHOTOMETRIC_INTERPRETATION);
        if (photometric == null || !photometric.startsWith("MONOCHROME")) return List.of();
        if (dicom.dataSet().contains(Tag.WINDOW_CENTER)) return List.of("+Wi", "1");
        if (dicom.dataSet().contains(Tag.VOI_LUT_SEQUENCE)) return List.of("+Wl", "1");
        return explicitWindow(dicom);
    }

    private List<String> explicitWindow(DicomFile dicom) throws DicomRenderException {
        Optional<VoiWindow> window = renderer.effectiveWindow(dicom, GRAYSCALE);
        assertThat(window).as("hub window for %s", dicom.sopInstanceUid()).isPresent();
        return List.of("+Ww", Double.toString(window.get().center()), Double.toString(window.get().width()));
    }

    /** GDCM's own decompression (OpenJPEG) of a JPEG 2000 file, to Explicit VR Little Endian. */
    private static Path decodedByGdcm(Path file) throws Exception {
        Path raw = work.resolve(file.getFileName() + ".gdcm-raw.dcm");
        ExternalTool.run("gdcmconv", "--raw", file.toString(), raw.toString());
        return raw;
    }

    private static boolean applies(SyntaxVariant variant, Path sample) throws Exception {
        DicomFile header = DicomFile.readHeader(sample);
        if (variant.syntax() == TransferSyntax.JPEG_BASELINE) {
            boolean colour = header.dataSet().getInt(Tag.SAMPLES_PER_PIXEL, 1) == 3;
            if (variant == SyntaxVariant.JPEG_BASELINE_RGB && !colour) return false;
            return header.dataSet().getInt(Tag.BITS_ALLOCATED, 16) == 8; // baseline JPEG is 8-bit only
        }
        boolean lossless = EnumSet.of(SyntaxVariant.JPEG_LOSSLESS_SV1, SyntaxVariant.JPEG_LOSSLESS_SV6, SyntaxVariant.RLE)
                .contains(variant);
        // PS3.5 8.2.1 / 8.2.2: YBR_FULL_422 is not allowed with lossless JPEG or RLE (the tools refuse it too)
        return !(lossless && "YBR_FULL_422".equals(header.dataSet().getString(Tag.PHOTOMETRIC_INTERPRETATION)));
    }

    private static boolean isCompressed(Path sample) throws Exception {
        return DicomFile.readHeader(sample).transferSyntax().encapsulated();
    }

    static {
        assertThat(Files.isDirectory(DicomSamples.FOLDER)).as("dicom-samples folder").isTrue();
    }
}
