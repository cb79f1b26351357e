/**
 * The hub's DICOM Storage SCP, exposed as the Camel {@code dicom} component (dcm4che is not available here, see
 * STACK.md, so the hub carries a compact DICOM layer: {@code net/} upper layer and DIMSE, {@code data/} Part 10 and
 * data sets, {@code image/} rendering; none of them imports Camel).
 *
 * <h2>URI</h2>
 * <pre>dicom:hostname:port[?options]</pre>
 * e.g. {@code dicom:0.0.0.0:{{hub.dicom.port}}?aeTitle={{hub.dicom.ae-title}}}. Consumer only; the Spring bean
 * {@code dicom} ({@link org.medgemmahub.dicom.DicomComponent}) takes its defaults from {@code hub.dicom.*}
 * ({@link org.medgemmahub.dicom.DicomProperties}), so a route names only what it changes.
 *
 * <h2>Options</h2>
 * <table>
 * <tr><th>option</th><th>default (hub.dicom.*)</th><th>meaning</th></tr>
 * <tr><td>aeTitle</td><td>MEDGEMMA (ae-title)</td><td>called AE title; another one is rejected (A-ASSOCIATE-RJ permanent,
 *     service user, reason 7)</td></tr>
 * <tr><td>allowedCallingAeTitles</td><td>empty (allowed-calling-ae-titles)</td><td>comma-separated; when set, other
 *     callers are rejected (reason 3)</td></tr>
 * <tr><td>maxPduLength</td><td>65536 (max-pdu-length)</td><td>largest P-DATA-TF received, announced in the AC</td></tr>
 * <tr><td>artimTimeout</td><td>30 s (artim-timeout)</td><td>milliseconds a connection has to send its A-ASSOCIATE-RQ</td></tr>
 * <tr><td>idleTimeout</td><td>60 s (idle-timeout)</td><td>milliseconds of silence before an association is aborted</td></tr>
 * <tr><td>spoolDir</td><td>${hub.data-dir}/dicom/spool (spool-dir)</td><td>where instances are written</td></tr>
 * <tr><td>maxAssociations</td><td>32 (max-associations)</td><td>associations at once; more get A-ASSOCIATE-RJ transient,
 *     presentation provider, local limit exceeded</td></tr>
 * <tr><td>tls</td><td>off (hub.dicom.tls.*)</td><td>a {@link org.medgemmahub.security.TlsSettings} bean: TLS from the
 *     first byte (PS3.15 secure transport), key store, trusted peers, client authentication, protocols; the handshake
 *     runs on the association's thread within the ARTIM timeout, and a failed one ends that connection only</td></tr>
 * <tr><td>spoolSync</td><td>os (spool-sync); the bare component: fsync</td><td>{@code fsync}: file and directory synced
 *     before the exchange and the answer (survives a power cut); {@code os}: page cache only (survives a hub crash)</td></tr>
 * <tr><td>maxInstanceSize</td><td>2GB (max-instance-size)</td><td>bytes of data set taken; past it the rest is drained
 *     and the instance answered 0xA700 without an exchange</td></tr>
 * </table>
 *
 * <h2>Negotiation</h2>
 * Verification and the image storage SOP classes of {@link org.medgemmahub.dicom.data.SopClasses}, each in the first
 * proposed transfer syntax of {@link org.medgemmahub.dicom.data.TransferSyntax} (the syntaxes the hub decodes). A context
 * offering none of them (JPEG-LS, MPEG, ...) is declined (result 4) so the PACS transcodes; other abstract syntaxes
 * (SR, presentation states, ...) are declined (result 3). A malformed PDU, a PDU out of order, the ARTIM or idle timeout
 * abort that association only (A-ABORT from the provider with the PS3.8 reason); the listener keeps serving.
 *
 * <h2>Exchange (one per stored instance, processed synchronously on the association's thread)</h2>
 * <ul>
 * <li>Body: the absolute path (String) of the Part 10 file in the spool: File Meta Information written by the hub
 *     (SOP class/instance, transfer syntax, the hub's implementation UID, the sender as Source AE), then the data set
 *     exactly as received.</li>
 * <li>Headers ({@link org.medgemmahub.dicom.DicomHeaders}): {@code DicomSopClassUid}, {@code DicomSopInstanceUid}
 *     (from the C-STORE-RQ), {@code DicomTransferSyntaxUid}, {@code DicomCallingAeTitle}, {@code DicomCalledAeTitle},
 *     {@code DicomRemoteAddress}, {@code DicomSpoolFile} (= body), {@code DicomRecovered} (true when re-sent from the
 *     spool at start-up). Study/Series UID, modality and patient are in the file, not in headers.</li>
 * </ul>
 *
 * <h2>Status mapping (C-STORE-RSP)</h2>
 * <ul>
 * <li>0x0000 Success: the exchange completed. The instance stays marked pending: the route (or what it hands the
 *     instance to) calls {@link org.medgemmahub.dicom.net.InstanceSpool#handedOff(java.nio.file.Path)} once it has
 *     queued it, which may be after the answer (the hub's routes: seda:dicom-queue).</li>
 * <li>The status of a {@link org.medgemmahub.dicom.DicomStatusException} anywhere in the failure's cause chain
 *     (e.g. 0xA900 data set does not match SOP class, 0xC000 cannot understand).</li>
 * <li>0xA700 Out of resources: any other failure of the exchange, or the spool cannot be written.</li>
 * <li>Answered by the SCP itself, without an exchange: 0x0122 when the command's SOP class differs from the
 *     presentation context's, 0xC000 for a SOP Instance UID that is not a UID, 0x0211 for other DIMSE operations.</li>
 * </ul>
 * Only a success (or warning) status keeps the spool file; after a failure status it is deleted (the SCU still owns
 * the instance and may resend).
 *
 * <h2>Spool layout</h2>
 * <pre>
 * spoolDir/tmp/&lt;random&gt;.part                                 being received (removed on failure and at start-up)
 * spoolDir/incoming/&lt;calling AE&gt;/&lt;SOP Instance UID&gt;.pending  answered (or about to be), not yet queued; created first
 * spoolDir/incoming/&lt;calling AE&gt;/&lt;SOP Instance UID&gt;.dcm      the Part 10 file, moved into place atomically
 * </pre>
 * In {@code fsync} mode the file's data is synced before the move and the directory once after it (covering file and
 * marker): two syncs per instance. The full contract is on {@link org.medgemmahub.dicom.net.InstanceSpool}.
 * The calling AE directory keeps letters, digits, '-', '_' and '.'; other characters become '_'. At start-up the
 * consumer sends every instance with a {@code .pending} marker through the route again ({@code DicomRecovered=true}).
 */
package org.medgemmahub.dicom;
