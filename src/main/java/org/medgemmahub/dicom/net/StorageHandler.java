package org.medgemmahub.dicom.net;

/** What the SCP does with an instance once it is durably spooled; its answer becomes the C-STORE-RSP status. */
@FunctionalInterface
public interface StorageHandler {
    /**
     * Decides on the spooled instance. Returns the DIMSE status for the SCU: a success or warning status keeps the
     * spool file, still marked pending, a failure status removes it (the SCU still owns the instance). A thrown
     * exception is answered 0xA700 (out of resources). The handler's side queues the instance (now or after the answer)
     * and then calls {@link InstanceSpool#handedOff(java.nio.file.Path)}; until then a restart hands it off again.
     */
    int stored(ReceivedInstance instance) throws Exception;
}
