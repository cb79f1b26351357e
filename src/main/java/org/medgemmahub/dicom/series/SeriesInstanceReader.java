package org.medgemmahub.dicom.series;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.medgemmahub.dicom.DicomStatus;
import org.medgemmahub.dicom.DicomStatusException;
import org.medgemmahub.dicom.data.DicomAttributes;
import org.medgemmahub.dicom.data.DicomParseException;
import org.medgemmahub.dicom.data.IndexedDicomFile;
import org.medgemmahub.dicom.data.Tag;
import org.medgemmahub.dicom.image.DicomRenderException;
import org.medgemmahub.dicom.image.IndexedFrames;
import org.medgemmahub.pipeline.PatientIdentifier;
import org.springframework.stereotype.Component;

/**
 * Reads a spooled instance before the hub answers the C-STORE, cheaply: every element is parsed except the bytes of
 * Pixel Data, which are skipped (a seek) and only located ({@link IndexedDicomFile}), so a truncated file or a Pixel
 * Data element shorter than declared is refused now, with a failure status, not discovered after success was
 * answered; the pixel layout is checked against the image module without reading or decoding it
 * ({@link IndexedFrames#requireRenderable}); and what series grouping needs is kept as a {@link SeriesInstance}.
 * Memory is bounded by the header, whatever the size of the pixels.
 */
@Component("seriesInstanceReader")
public class SeriesInstanceReader {

    /** @return what series grouping needs of the instance (sent on as JSON, the body of the hub.dicom.instances message) */
    public SeriesInstance describe(String spoolFile, String callingAeTitle) {
        IndexedDicomFile file = parse(spoolFile);
        DicomAttributes data = file.dataSet();
        String studyUid = required(data, Tag.STUDY_INSTANCE_UID, "DICOM-NO-STUDY-UID", "Study Instance UID (0020,000D)");
        String seriesUid = required(data, Tag.SERIES_INSTANCE_UID, "DICOM-NO-SERIES-UID", "Series Instance UID (0020,000E)");
        String patientId = required(data, Tag.PATIENT_ID, "DICOM-NO-PATIENT-ID", "Patient ID (0010,0020)");
        if (file.pixelData() == null) {
            throw new DicomStatusException(DicomStatus.CANNOT_UNDERSTAND,
                    "DICOM-NO-PIXEL-DATA: the instance has no Pixel Data (7FE0,0010) to render");
        }
        requireRenderablePixels(file);
        SeriesInstance instance = new SeriesInstance(file.header().sopInstanceUid(), file.header().sopClassUid(), studyUid, seriesUid,
                data.getString(Tag.MODALITY), data.getInt(Tag.INSTANCE_NUMBER),
                SlicePosition.of(data.getDoubles(Tag.IMAGE_POSITION_PATIENT), data.getDoubles(Tag.IMAGE_ORIENTATION_PATIENT)),
                data.getInt(Tag.NUMBER_OF_FRAMES, 1), spoolFile,
                List.of(new PatientIdentifier(patientId, data.getString(Tag.ISSUER_OF_PATIENT_ID), "MR")),
                data.getString(Tag.ACCESSION_NUMBER), data.getString(Tag.BODY_PART_EXAMINED),
                data.getString(Tag.STUDY_DESCRIPTION), callingAeTitle, Instant.now());
        return instance;
    }

    private static IndexedDicomFile parse(String spoolFile) {
        try {
            return IndexedDicomFile.read(Path.of(spoolFile));
        } catch (DicomParseException e) {
            throw new DicomStatusException(DicomStatus.CANNOT_UNDERSTAND, "DICOM-UNREADABLE: " + e.getMessage());
        } catch (IOException e) {
            throw new DicomStatusException(DicomStatus.OUT_OF_RESOURCES, "DICOM-SPOOL-READ: " + e.getMessage());
        }
    }

    private static void requireRenderablePixels(IndexedDicomFile file) {
        try {
            IndexedFrames.requireRenderable(file);
        } catch (DicomRenderException e) {
            throw new DicomStatusException(DicomStatus.CANNOT_UNDERSTAND, "DICOM-UNRENDERABLE: " + e.getMessage());
        }
    }

    private static String required(DicomAttributes data, int tag, String code, String name) {
        String value = data.getString(tag);
        if (value == null || value.isBlank()) {
            throw new DicomStatusException(DicomStatus.CANNOT_UNDERSTAND, code + ": the instance has no " + name);
        }
        return value;
    }
}
