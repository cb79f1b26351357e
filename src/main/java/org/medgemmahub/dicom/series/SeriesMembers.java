package org.medgemmahub.dicom.series;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.medgemmahub.pipeline.PipelineJson;
import org.springframework.stereotype.Component;

/**
 * Collects the instances of one series while it is still receiving, as a JSON array (the form the aggregation
 * repository persists, so a series being collected survives a restart). Used by the dicom-series route as a POJO
 * aggregation strategy.
 */
@Component("seriesMembers")
public class SeriesMembers {
    private static final JavaType LIST = PipelineJson.mapper().getTypeFactory()
            .constructCollectionType(List.class, SeriesInstance.class);

    /** Adds one instance (JSON) to the collected ones (a JSON array, or null for the first instance). */
    public String add(String collected, String instance) {
        List<SeriesInstance> members = collected == null ? new ArrayList<>() : new ArrayList<>(read(collected));
        SeriesInstance added = PipelineJson.read(instance, SeriesInstance.class);
        members.removeIf(member -> member.sopInstanceUid().equals(added.sopInstanceUid()));
        members.add(added);
        return PipelineJson.write(members);
    }

    public static List<SeriesInstance> read(String json) {
        try {
            return PipelineJson.mapper().readValue(json, LIST);
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid series member list: " + e.getMessage(), e);
        }
    }
}
