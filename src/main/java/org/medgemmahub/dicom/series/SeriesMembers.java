package org.medgemmahub.dicom.series;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.medgemmahub.pipeline.PipelineJson;
import org.springframework.stereotype.Component;

/**
 * The messages on hub.dicom.instances, added to their series in the {@link SeriesStore}: one instance (JSON object,
 * from dicom-inbound) or a whole series (JSON array: a dead-lettered series replayed, which is grouped again).
 */
@Component("seriesMembers")
public class SeriesMembers {
    private static final JavaType LIST = PipelineJson.mapper().getTypeFactory()
            .constructCollectionType(List.class, SeriesInstance.class);

    private final SeriesStore store;

    public SeriesMembers(SeriesStore store) {
        this.store = store;
    }

    public void add(String json) {
        for (SeriesInstance instance : read(json)) store.add(instance);
    }

    /** The instances in a message: one for an object, every element for an array. */
    public static List<SeriesInstance> read(String json) {
        try {
            if (json.stripLeading().startsWith("[")) return PipelineJson.mapper().readValue(json, LIST);
            return List.of(PipelineJson.mapper().readValue(json, SeriesInstance.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a DICOM instance or series: " + e.getMessage(), e);
        }
    }
}
