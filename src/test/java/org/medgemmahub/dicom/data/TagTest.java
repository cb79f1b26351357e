package org.medgemmahub.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagTest {
    @Test
    void writesATagAsGroupAndElementInUpperCaseHex() {
        assertThat(Tag.toString(Tag.SERIES_INSTANCE_UID)).isEqualTo("(0020,000E)");
        assertThat(Tag.toString(Tag.SEQUENCE_DELIMITATION_ITEM)).isEqualTo("(FFFE,E0DD)");
        assertThat(Tag.toString(0x7FE00010)).isEqualTo("(7FE0,0010)");
        assertThat(Tag.toString(0)).isEqualTo("(0000,0000)");
    }
}
