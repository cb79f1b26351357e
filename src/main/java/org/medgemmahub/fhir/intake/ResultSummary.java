package org.medgemmahub.fhir.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/** One line per result Observation for the prompt: {@code name: value unit [flags] (reference range)}, components indented. */
final class ResultSummary {
    private ResultSummary() {
    }

    static String of(Observation observation) {
        StringBuilder line = new StringBuilder(name(observation.getCode()));
        String value = value(observation.getValue());
        if (!value.isEmpty()) line.append(": ").append(value);
        else if (observation.hasDataAbsentReason()) line.append(": (").append(name(observation.getDataAbsentReason())).append(')');
        String flags = observation.getInterpretation().stream().map(ResultSummary::flag).filter(f -> !f.isEmpty())
                .collect(Collectors.joining(", "));
        if (!flags.isEmpty()) line.append(" [").append(flags).append(']');
        if (observation.hasReferenceRange() && observation.getReferenceRangeFirstRep().hasText())
            line.append(" (reference ").append(observation.getReferenceRangeFirstRep().getText()).append(')');
        else if (observation.hasReferenceRange() && (observation.getReferenceRangeFirstRep().hasLow() || observation.getReferenceRangeFirstRep().hasHigh()))
            line.append(" (reference ").append(quantity(observation.getReferenceRangeFirstRep().getLow())).append(" - ")
                    .append(quantity(observation.getReferenceRangeFirstRep().getHigh())).append(')');
        if (observation.hasNote()) line.append(" - ").append(observation.getNoteFirstRep().getText());
        List<String> lines = new ArrayList<>(List.of(line.toString().strip()));
        for (Observation.ObservationComponentComponent component : observation.getComponent()) {
            String componentValue = value(component.getValue());
            lines.add("  " + name(component.getCode()) + (componentValue.isEmpty() ? "" : ": " + componentValue));
        }
        return String.join("\n", lines);
    }

    static String name(CodeableConcept concept) {
        if (concept.hasText()) return concept.getText();
        for (Coding coding : concept.getCoding()) if (coding.hasDisplay()) return coding.getDisplay();
        for (Coding coding : concept.getCoding()) if (coding.hasCode()) return coding.getCode();
        return "(unnamed)";
    }

    private static String flag(CodeableConcept interpretation) {
        for (Coding coding : interpretation.getCoding()) if (coding.hasCode()) return coding.getCode();
        return interpretation.hasText() ? interpretation.getText() : "";
    }

    private static String value(Type value) {
        if (value == null || value.isEmpty()) return "";
        if (value instanceof Quantity quantity) return quantity(quantity);
        if (value instanceof CodeableConcept concept) return name(concept);
        if (value.isPrimitive()) return value.primitiveValue();
        if (value instanceof org.hl7.fhir.r4.model.Range range) return quantity(range.getLow()) + " - " + quantity(range.getHigh());
        if (value instanceof org.hl7.fhir.r4.model.Ratio ratio) return quantity(ratio.getNumerator()) + " / " + quantity(ratio.getDenominator());
        return "";
    }

    private static String quantity(Quantity quantity) {
        if (quantity == null || !quantity.hasValue()) return "";
        String comparator = quantity.hasComparator() ? quantity.getComparator().toCode() : "";
        String unit = quantity.hasUnit() ? " " + quantity.getUnit() : quantity.hasCode() ? " " + quantity.getCode() : "";
        return comparator + quantity.getValue().toPlainString() + unit;
    }
}
