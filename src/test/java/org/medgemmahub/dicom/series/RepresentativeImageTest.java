package org.medgemmahub.dicom.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepresentativeImageTest {

    @Test
    void takesASingleImageAsItIs() {
        SeriesInstance only = instance("1", null, null, 1);

        assertThat(RepresentativeImage.choose(List.of(only))).isEqualTo(new RepresentativeImage.Choice(only, 0));
    }

    @Test
    void takesTheMiddleSliceOfAStackByPositionWhateverTheArrivalOrder() {
        List<SeriesInstance> stack = List.of(
                instance("a", 5, 40.0, 1), instance("b", 1, 0.0, 1), instance("c", 3, 20.0, 1),
                instance("d", 2, 10.0, 1), instance("e", 4, 30.0, 1));

        assertThat(RepresentativeImage.choose(stack).instance().sopInstanceUid()).isEqualTo("c");
    }

    @Test
    void prefersPositionOverAnInstanceNumberThatDisagrees() {
        List<SeriesInstance> stack = List.of(
                instance("top", 1, 90.0, 1), instance("bottom", 2, -90.0, 1), instance("centre", 3, 0.0, 1));

        assertThat(RepresentativeImage.choose(stack).instance().sopInstanceUid()).isEqualTo("centre");
    }

    @Test
    void fallsBackToInstanceNumberWhenAnyPositionIsMissing() {
        List<SeriesInstance> stack = List.of(instance("x", 3, null, 1), instance("y", 1, 5.0, 1), instance("z", 2, 7.0, 1));

        assertThat(RepresentativeImage.choose(stack).instance().sopInstanceUid()).isEqualTo("z");
    }

    @Test
    void takesTheMiddleFrameOfAMultiFrameObject() {
        SeriesInstance cine = instance("cine", 1, null, 31);

        assertThat(RepresentativeImage.choose(List.of(cine)).frame()).isEqualTo(15);
    }

    @Test
    void countsAResentInstanceOnce() {
        List<SeriesInstance> stack = List.of(instance("p", 1, 0.0, 1), instance("q", 2, 10.0, 1),
                instance("q", 2, 10.0, 1), instance("q", 2, 10.0, 1), instance("r", 3, 20.0, 1));

        assertThat(RepresentativeImage.choose(stack).instance().sopInstanceUid()).isEqualTo("q");
    }

    @Test
    void refusesAnEmptySeries() {
        assertThatThrownBy(() -> RepresentativeImage.choose(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void projectsPositionsOntoTheSliceNormal() {
        double[] sagittal = {0, 1, 0, 0, 0, -1};

        assertThat(SlicePosition.of(new double[] {12.5, -30, 80}, sagittal)).isEqualTo(-12.5);
        assertThat(SlicePosition.of(new double[] {1, 2, 3}, null)).isEqualTo(3.0);
        assertThat(SlicePosition.of(new double[] {1, 2}, sagittal)).isNull();
    }

    private static SeriesInstance instance(String sop, Integer number, Double position, int frames) {
        return new SeriesInstance(sop, "1.2.840.10008.5.1.4.1.1.2", "1.2.3", "1.2.3.4", "CT", number, position, frames,
                "/spool/" + sop + ".dcm", List.of(), null, null, null, "PACS", Instant.parse("2026-12-03T10:00:00Z"));
    }
}
