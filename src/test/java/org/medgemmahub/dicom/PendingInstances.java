package org.medgemmahub.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.medgemmahub.dicom.net.InstanceSpool;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.dicom.net.ReceivedInstance;
import org.medgemmahub.dicom.net.SpoolWriter;

/** A sample left in a hub's spool as a stop between answering and queueing leaves it: stored, marked pending. */
public final class PendingInstances {
    private PendingInstances() {
    }

    /** @return the pending marker, which the hub removes once it has queued the instance */
    public static Path leave(Path dataDir, String sample, String callingAe) {
        try {
            Part10Input file = Part10Input.read(DicomSamples.named(sample));
            ReceivedInstance announced = new ReceivedInstance(file.sopClassUid(), file.sopInstanceUid(),
                    file.transferSyntaxUid(), callingAe, "MEDGEMMA", "127.0.0.1:4242", null);
            try (SpoolWriter writer = new InstanceSpool(dataDir.resolve("dicom/spool")).begin(announced);
                 InputStream dataSet = file.openDataSet()) {
                writer.write(dataSet.readAllBytes());
                writer.commit();
            }
            return dataDir.resolve("dicom/spool/incoming/" + callingAe + "/" + file.sopInstanceUid() + ".pending");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
