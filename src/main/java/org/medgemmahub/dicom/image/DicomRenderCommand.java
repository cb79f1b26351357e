package org.medgemmahub.dicom.image;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.medgemmahub.HubCommand;
import org.medgemmahub.dicom.data.DicomFile;

/**
 * {@code dicom-render <file.dcm> <out.jpg>}: writes exactly the JPEG the model would get for a DICOM file, so an
 * engineer can see what MedGemma sees. Honours {@code HUB_DICOM_CT_RENDERING}; {@code --ct-rendering},
 * {@code --window C/W} and {@code --frame N} (1-based) override.
 */
public class DicomRenderCommand implements HubCommand {
    private final UnaryOperator<String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public DicomRenderCommand() {
        this(System::getenv, System.out, System.err);
    }

    DicomRenderCommand(UnaryOperator<String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    @Override
    public String usage() {
        return "<file.dcm> <out.jpg> [--ct-rendering three-window|grayscale] [--window C/W] [--frame N]: "
                + "write the JPEG the model gets (CT mode from HUB_DICOM_CT_RENDERING)";
    }

    @Override
    public int run(String... args) {
        Path input = null;
        Path output = null;
        RenderOptions options;
        try {
            options = RenderOptions.of(CtRendering.parse(environment.apply(RenderOptions.CT_RENDERING_ENV)));
        } catch (IllegalArgumentException e) {
            err.println("dicom-render: " + RenderOptions.CT_RENDERING_ENV + ": " + e.getMessage());
            return 2;
        }
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--ct-rendering" -> options = new RenderOptions(CtRendering.parse(value(args, ++i)),
                            options.frameIndex(), options.windowOverride());
                    case "--window" -> options = options.withWindow(VoiWindow.parse(value(args, ++i)));
                    case "--frame" -> options = options.withFrame(Integer.parseInt(value(args, ++i)) - 1);
                    default -> {
                        if (args[i].startsWith("--")) throw new IllegalArgumentException("unknown option " + args[i]);
                        if (input == null) input = Path.of(args[i]);
                        else if (output == null) output = Path.of(args[i]);
                        else throw new IllegalArgumentException("too many arguments");
                    }
                }
            }
            if (input == null || output == null) throw new IllegalArgumentException("input and output files needed");
        } catch (IllegalArgumentException e) {
            err.println("dicom-render: " + e.getMessage());
            err.println("usage: dicom-render " + usage());
            return 2;
        }
        try {
            byte[] jpeg = new DicomImageRenderer().renderJpeg(DicomFile.read(input), options);
            Files.write(output, jpeg);
            out.printf("%s: %d bytes (CT rendering %s%s)%n", output, jpeg.length, options.ctRendering().setting(),
                    options.windowOverride() == null ? "" : ", window " + options.windowOverride());
            return 0;
        } catch (IOException | DicomRenderException e) {
            err.println("dicom-render: " + input + ": " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) throw new IllegalArgumentException(args[index - 1] + " needs a value");
        return args[index];
    }
}
