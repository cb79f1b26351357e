package org.medgemmahub.dicom.series;

import java.time.Instant;
import java.util.List;
import org.medgemmahub.pipeline.PatientIdentifier;

/**
 * What the series grouping needs to know of one stored instance, read from its spooled header (never its pixels).
 *
 * @param sopInstanceUid    the instance
 * @param sopClassUid       its storage SOP class
 * @param studyInstanceUid  the study it belongs to (becomes the Observation's derivedFrom)
 * @param seriesInstanceUid the series it belongs to (the grouping key)
 * @param modality          CT, MR, CR, DX, US, ... or null
 * @param instanceNumber    (0020,0013), or null
 * @param slicePosition     position along the slice normal from Image Position/Orientation (Patient), or null
 * @param frames            number of frames (1 for single-frame objects)
 * @param spoolFile         the Part 10 file in the spool
 * @param patientIdentifiers patient id with its issuer; never names
 * @param accessionNumber   (0008,0050), or null
 * @param bodyPart          (0018,0015), or null
 * @param studyDescription  (0008,1030), or null
 * @param callingAeTitle    the AE title that sent it
 * @param receivedAt        when the hub stored it
 */
public record SeriesInstance(
        String sopInstanceUid,
        String sopClassUid,
        String studyInstanceUid,
        String seriesInstanceUid,
        String modality,
        Integer instanceNumber,
        Double slicePosition,
        int frames,
        String spoolFile,
        List<PatientIdentifier> patientIdentifiers,
        String accessionNumber,
        String bodyPart,
        String studyDescription,
        String callingAeTitle,
        Instant receivedAt) {

    public SeriesInstance {
        if (sopInstanceUid == null || sopInstanceUid.isBlank()) throw new IllegalArgumentException("SOP Instance UID is required");
        if (seriesInstanceUid == null || seriesInstanceUid.isBlank()) throw new IllegalArgumentException("Series Instance UID is required");
        if (studyInstanceUid == null || studyInstanceUid.isBlank()) throw new IllegalArgumentException("Study Instance UID is required");
        patientIdentifiers = patientIdentifiers == null ? List.of() : List.copyOf(patientIdentifiers);
        frames = Math.max(1, frames);
    }
}
