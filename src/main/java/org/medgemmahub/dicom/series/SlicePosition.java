package org.medgemmahub.dicom.series;

/**
 * Where a slice lies in its stack: Image Position (Patient) projected onto the slice normal (the cross product of
 * the row and column directions of Image Orientation (Patient)), so that oblique and sagittal stacks sort as well as
 * axial ones. Without an orientation the z coordinate is used.
 */
public final class SlicePosition {
    private SlicePosition() {
    }

    /** @return the position along the normal, or null when the position is missing or malformed */
    public static Double of(double[] imagePosition, double[] imageOrientation) {
        if (imagePosition == null || imagePosition.length != 3) return null;
        if (imageOrientation == null || imageOrientation.length != 6) return imagePosition[2];
        double[] row = {imageOrientation[0], imageOrientation[1], imageOrientation[2]};
        double[] column = {imageOrientation[3], imageOrientation[4], imageOrientation[5]};
        double[] normal = {
                row[1] * column[2] - row[2] * column[1],
                row[2] * column[0] - row[0] * column[2],
                row[0] * column[1] - row[1] * column[0]};
        return imagePosition[0] * normal[0] + imagePosition[1] * normal[1] + imagePosition[2] * normal[2];
    }
}
