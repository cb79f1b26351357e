/**
 * The hub's DICOM Storage SCP, exposed as the Camel {@code dicom} component (see ARCHITECTURE.md and STACK.md:
 * dcm4che is not available here, so the hub carries a compact DICOM layer). Filled by the DICOM work; the HL7
 * flow does not depend on it.
 */
package org.medgemmahub.dicom;
