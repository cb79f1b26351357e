package org.medgemmahub.dicom.series;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medgemmahub.dicom.DicomProperties;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.IndexedDicomFile;
import org.medgemmahub.dicom.image.DicomImageRenderer;
import org.medgemmahub.dicom.image.DicomRenderException;
import org.medgemmahub.dicom.image.IndexedFrames;
import org.medgemmahub.dicom.image.RenderOptions;
import org.medgemmahub.pipeline.CodedConcept;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.ImageTasks;
import org.medgemmahub.pipeline.RequestIds;
import org.medgemmahub.pipeline.SourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a stable series into one inference request: its representative image rendered to the model's JPEG, the
 * image-findings prompt for its modality, and the study it came from (the Observation's derivedFrom). The request id
 * derives from the Series Instance UID, so a series re-sent later maps to the same request.
 */
@Component("dicomRequestMapper")
public class DicomRequestMapper {
    private static final Logger log = LoggerFactory.getLogger(DicomRequestMapper.class);

    private final DicomImageRenderer renderer;
    private final DicomProperties properties;

    public DicomRequestMapper(DicomImageRenderer renderer, DicomProperties properties) {
        this.renderer = renderer;
        this.properties = properties;
    }

    /** @param series the instances of the stable series */
    public InferenceRequest toRequest(List<SeriesInstance> series) throws IOException, DicomRenderException {
        RepresentativeImage.Choice choice = RepresentativeImage.choose(series);
        SeriesInstance chosen = choice.instance();
        // only the chosen frame is read from the spool file: memory stays bounded by one frame for any object size
        DicomFile frame = IndexedFrames.frame(IndexedDicomFile.read(Path.of(chosen.spoolFile())), choice.frame());
        byte[] jpeg = renderer.renderJpeg(frame, RenderOptions.of(properties.ctRendering()).withFrame(0));
        Map<String, String> trace = new LinkedHashMap<>();
        trace.put("seriesInstanceUid", chosen.seriesInstanceUid());
        trace.put("sopInstanceUid", chosen.sopInstanceUid());
        trace.put("frame", String.valueOf(choice.frame()));
        trace.put("instancesInSeries", String.valueOf(series.size()));
        InferenceRequest request = new InferenceRequest(
                RequestIds.of(SourceKind.DICOM, chosen.seriesInstanceUid()), SourceKind.DICOM, chosen.studyInstanceUid(),
                chosen.callingAeTitle(), chosen.patientIdentifiers(), chosen.accessionNumber(),
                chosen.studyDescription() == null ? null : new CodedConcept(null, null, chosen.studyDescription()),
                chosen.modality(), ImageTasks.forModality(chosen.modality(), chosen.bodyPart()),
                null, Base64.getEncoder().encodeToString(jpeg), Instant.now(), trace);
        log.info("DICOM series {} stable with {} instance(s): instance {} frame {} rendered ({} bytes JPEG) as request {}",
                chosen.seriesInstanceUid(), series.size(), chosen.sopInstanceUid(), choice.frame(), jpeg.length, request.id());
        return request;
    }
}
