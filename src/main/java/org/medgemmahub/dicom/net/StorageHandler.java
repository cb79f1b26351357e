package org.medgemmahub.dicom.net;

/** What the SCP does with an instance once it is durably spooled; its answer becomes the C-STORE-RSP status. */
@FunctionalInterface
public interface StorageHandler {
    /**
     * Hands the spooled instance on. Returns the DIMSE status for the SCU: a success or warning status keeps the spool
     * file (handed off), a failure status removes it (the SCU still owns the instance). A thrown exception is answered
     * 0xA700 (out of resources).
     */
    int stored(ReceivedInstance instance) throws Exception;
}
