package org.medgemmahub.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.group.MDM_T02_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORM_O01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORM_O01_ORDER;
import ca.uhn.hl7v2.model.v251.group.ORM_O01_ORDER_DETAIL;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.model.v251.message.ORM_O01;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.PID;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The message types the hub takes, each knowing where its reports are in the v2.5.1 structure. */
enum SupportedMessageType {
    OBSERVATION_RESULT("ORU", "R01", ORU_R01.class) {
        @Override
        List<ReportSource> reports(Message message) throws HL7Exception {
            List<ReportSource> reports = new ArrayList<>();
            for (ORU_R01_PATIENT_RESULT result : ((ORU_R01) message).getPATIENT_RESULTAll()) {
                PID pid = result.getPATIENT().getPID();
                for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                    List<Segment> observations = new ArrayList<>();
                    for (ORU_R01_OBSERVATION observation : order.getOBSERVATIONAll()) {
                        observations.add(observation.getOBX());
                        observations.addAll(observation.getNTEAll());
                    }
                    if (order.getOBR().isEmpty() && observations.isEmpty()) continue;
                    reports.add(new ReportSource(pid, order.getOBR(), null, observations, order.getNTEAll()));
                }
            }
            return reports;
        }
    },
    GENERAL_ORDER("ORM", "O01", ORM_O01.class) {
        @Override
        List<ReportSource> reports(Message message) throws HL7Exception {
            ORM_O01 orm = (ORM_O01) message;
            PID pid = orm.getPATIENT().getPID();
            List<ReportSource> reports = new ArrayList<>();
            for (ORM_O01_ORDER order : orm.getORDERAll()) {
                ORM_O01_ORDER_DETAIL detail = order.getORDER_DETAIL();
                if (detail.getOBR().isEmpty()) continue; // an ORC-only order (status change) has nothing to report
                List<Segment> observations = new ArrayList<>();
                for (ORM_O01_OBSERVATION observation : detail.getOBSERVATIONAll()) {
                    observations.add(observation.getOBX());
                    observations.addAll(observation.getNTEAll());
                }
                reports.add(new ReportSource(pid, detail.getOBR(), null, observations, detail.getNTEAll()));
            }
            return reports;
        }
    },
    DOCUMENT("MDM", "T02", MDM_T02.class) {
        @Override
        List<ReportSource> reports(Message message) throws HL7Exception {
            MDM_T02 mdm = (MDM_T02) message;
            List<Segment> observations = new ArrayList<>();
            for (MDM_T02_OBSERVATION observation : mdm.getOBSERVATIONAll()) {
                observations.add(observation.getOBX());
                observations.addAll(observation.getNTEAll());
            }
            return List.of(new ReportSource(mdm.getPID(), null, mdm.getTXA(), observations, List.of()));
        }
    };

    private final String messageType;
    private final String triggerEvent;
    private final Class<? extends Message> structure;

    SupportedMessageType(String messageType, String triggerEvent, Class<? extends Message> structure) {
        this.messageType = messageType;
        this.triggerEvent = triggerEvent;
        this.structure = structure;
    }

    /** The reports in a message of this type, in message order. */
    abstract List<ReportSource> reports(Message message) throws HL7Exception;

    /**
     * The type for MSH-9; a missing trigger (MSH-9.2) is taken from the structure HAPI chose. The structure must match
     * too, so an MSH-9.3 that contradicts MSH-9.1 does not slip through.
     */
    static Optional<SupportedMessageType> of(String messageType, String triggerEvent, Message message) {
        return Arrays.stream(values())
                .filter(t -> t.messageType.equals(messageType))
                .filter(t -> triggerEvent == null || triggerEvent.isBlank() || t.triggerEvent.equals(triggerEvent))
                .filter(t -> t.structure.isInstance(message))
                .findFirst();
    }

    static boolean isSupportedMessageType(String messageType) {
        return Arrays.stream(values()).anyMatch(t -> t.messageType.equals(messageType));
    }

    /** MSH-9 as the hub names it, e.g. {@code ORU^R01}. */
    String code() {
        return messageType + "^" + triggerEvent;
    }
}
