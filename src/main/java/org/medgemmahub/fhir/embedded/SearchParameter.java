package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.param.ParameterUtil;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A search parameter of the embedded server: its name, what it documents, and how one occurrence in a query becomes a
 * {@link Criterion}. Alternatives separated by commas are ORed; repeated occurrences are ANDed by the caller.
 */
sealed interface SearchParameter {
    String name();

    String description();

    SearchParamType type();

    /**
     * @param qualifier    what followed the name in the query key (":identifier", ".identifier", ":Patient"), or ""
     * @param alternatives the comma-separated values of one occurrence, still escaped
     */
    Criterion criterion(String qualifier, List<String> alternatives);

    /** A test on one stored resource; the resolver looks up stored resources that references point to. */
    @FunctionalInterface
    interface Criterion {
        boolean matches(Resource resource, Resolver resolver);
    }

    @FunctionalInterface
    interface Resolver {
        Optional<Resource> resolve(String type, String id);
    }

    /** identifier, code, status, _tag, _id: {@code system|code}, {@code |code} (no system), {@code code} or {@code system|}. */
    record TokenParameter(String name, String description, Function<Resource, List<Coding>> codings) implements SearchParameter {
        @Override
        public SearchParamType type() {
            return SearchParamType.TOKEN;
        }

        @Override
        public Criterion criterion(String qualifier, List<String> alternatives) {
            if (!qualifier.isEmpty())
                throw unsupported(name, qualifier);
            List<TokenValue> tokens = alternatives.stream().map(TokenValue::parse).toList();
            return (resource, resolver) -> codings.apply(resource).stream()
                    .anyMatch(coding -> tokens.stream().anyMatch(token -> token.matches(coding.getSystem(), coding.getCode())));
        }

        /** The resource's business identifiers as system/code pairs. */
        static List<Coding> identifiers(Resource resource) {
            Property property = resource.getNamedProperty("identifier");
            if (property == null)
                return List.of();
            return property.getValues().stream().map(Identifier.class::cast)
                    .map(identifier -> new Coding(identifier.getSystem(), identifier.getValue(), null))
                    .toList();
        }
    }

    /**
     * subject, patient, target, derived-from, device. Plain values ({@code Patient/123}, {@code 123}, {@code :Patient} with an
     * id) match literal references; {@code :identifier} matches a logical reference's identifier; the chain {@code .identifier}
     * (optionally {@code :Type.identifier}) matches a logical reference's identifier or a literal reference to a stored resource
     * carrying that identifier. A non-null {@code targetType} (patient) only accepts references to that type.
     */
    record ReferenceParameter(String name, String description, Function<Resource, List<Reference>> references,
                              String targetType) implements SearchParameter {
        private static final String IDENTIFIER = "identifier";

        @Override
        public SearchParamType type() {
            return SearchParamType.REFERENCE;
        }

        @Override
        public Criterion criterion(String qualifier, List<String> alternatives) {
            Target target = target(qualifier);
            if (target.byIdentifier()) {
                List<TokenValue> tokens = alternatives.stream().map(TokenValue::parse).toList();
                return (resource, resolver) -> references.apply(resource).stream().anyMatch(reference -> tokens.stream()
                        .anyMatch(token -> identifies(reference, token, target.type(), target.chained(), resolver)));
            }
            List<IdType> ids = alternatives.stream().map(value -> new IdType(ParameterUtil.unescape(value))).toList();
            return (resource, resolver) -> references.apply(resource).stream()
                    .anyMatch(reference -> ids.stream().anyMatch(id -> pointsTo(reference, id, target.type())));
        }

        /**
         * What the qualifier asks for: the type referred to (from {@code :Type} or the parameter's own target, may be null),
         * whether values are identifiers ({@code :identifier}, {@code .identifier}) and whether literal references are
         * resolved to check the identifier (the chain).
         */
        private record Target(String type, boolean byIdentifier, boolean chained) {}

        private Target target(String qualifier) {
            String modifier = qualifier;
            boolean chained = false;
            int dot = qualifier.indexOf('.');
            if (dot >= 0) {
                String chain = qualifier.substring(dot + 1);
                if (!IDENTIFIER.equals(chain))
                    throw new InvalidRequestException("FHIR-EMB-UNSUPPORTED-CHAIN: " + name + " can only be chained with .identifier, not ."
                            + chain);
                modifier = qualifier.substring(0, dot);
                chained = true;
            }
            if (modifier.isEmpty())
                return new Target(targetType, chained, chained);
            if (!chained && modifier.equals(":" + IDENTIFIER))
                return new Target(targetType, true, false);
            if (modifier.length() > 1 && Character.isUpperCase(modifier.charAt(1)))
                return new Target(restrictedType(modifier.substring(1)), chained, chained);
            throw unsupported(name, qualifier);
        }

        private String restrictedType(String type) {
            if (targetType != null && !type.equals(targetType))
                throw new InvalidRequestException("FHIR-EMB-BAD-PARAM-VALUE: " + name + " only refers to " + targetType);
            return type;
        }

        private static boolean pointsTo(Reference reference, IdType target, String wantedType) {
            IdType literal = literal(reference);
            if (literal == null || !literal.getIdPart().equals(target.getIdPart()))
                return false;
            String type = target.hasResourceType() ? target.getResourceType() : wantedType;
            return type == null || type.equals(literal.getResourceType());
        }

        private static boolean identifies(Reference reference, TokenValue token, String wantedType,
                                          boolean resolveLiteral, Resolver resolver) {
            IdType literal = literal(reference);
            String type = literal != null && literal.hasResourceType() ? literal.getResourceType() : declaredType(reference);
            if (wantedType != null && type != null && !wantedType.equals(type))
                return false;
            if (reference.hasIdentifier() && token.matches(reference.getIdentifier().getSystem(), reference.getIdentifier().getValue()))
                return true;
            if (!resolveLiteral || literal == null || !literal.hasResourceType() || literal.hasBaseUrl())
                return false;
            return resolver.resolve(literal.getResourceType(), literal.getIdPart())
                    .map(TokenParameter::identifiers).orElse(List.of()).stream()
                    .anyMatch(identifier -> token.matches(identifier.getSystem(), identifier.getCode()));
        }

        private static IdType literal(Reference reference) {
            if (!reference.hasReference() || reference.getReference().startsWith("#"))
                return null;
            IdType id = new IdType(reference.getReference());
            return id.hasIdPart() ? id : null;
        }

        private static String declaredType(Reference reference) {
            if (!reference.hasType())
                return null;
            String type = reference.getType();
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }

    /** _lastUpdated: a date, dateTime or instant with an optional prefix eq, ne, gt, ge, lt or le, compared at its precision. */
    record DateParameter(String name, String description, Function<Resource, Date> value) implements SearchParameter {
        private static final Set<String> PREFIXES = Set.of("eq", "ne", "gt", "ge", "lt", "le");

        @Override
        public SearchParamType type() {
            return SearchParamType.DATE;
        }

        @Override
        public Criterion criterion(String qualifier, List<String> alternatives) {
            if (!qualifier.isEmpty())
                throw unsupported(name, qualifier);
            List<DateBound> bounds = alternatives.stream().map(this::bound).toList();
            return (resource, resolver) -> {
                Date instant = value.apply(resource);
                return instant != null && bounds.stream().anyMatch(bound -> bound.matches(instant.getTime()));
            };
        }

        private DateBound bound(String raw) {
            String prefix = "eq";
            String text = ParameterUtil.unescape(raw).replace(' ', '+'); // a '+' of a zone offset the client did not encode
            if (text.length() > 2 && Character.isLetter(text.charAt(0)) && Character.isDigit(text.charAt(2))) {
                prefix = text.substring(0, 2);
                text = text.substring(2);
                if (!PREFIXES.contains(prefix))
                    throw new InvalidRequestException("FHIR-EMB-BAD-PARAM-VALUE: " + name + " supports the prefixes " + PREFIXES
                            + ", not " + prefix);
            }
            try {
                DateTimeType parsed = new DateTimeType(text);
                TemporalPrecisionEnum precision = parsed.getPrecision();
                Date start = parsed.getValue();
                return new DateBound(prefix, start.getTime(), precision.add(start, 1).getTime());
            } catch (DataFormatException | IllegalArgumentException e) {
                throw new InvalidRequestException("FHIR-EMB-BAD-PARAM-VALUE: " + name + " value '" + text + "' is not a FHIR date");
            }
        }

        /** The range [start, end) a value covers at its precision, and how an instant must relate to it. */
        private record DateBound(String prefix, long start, long end) {
            boolean matches(long instant) {
                return switch (prefix) {
                    case "gt" -> instant >= end;
                    case "ge" -> instant >= start;
                    case "lt" -> instant < start;
                    case "le" -> instant < end;
                    case "ne" -> instant < start || instant >= end;
                    default -> instant >= start && instant < end;
                };
            }
        }
    }

    /** One token alternative; a null system matches any system, an empty one only codings without a system. */
    record TokenValue(String system, String code) {
        static TokenValue parse(String raw) {
            int bar = ParameterUtil.nonEscapedIndexOf(raw, '|');
            if (bar < 0)
                return new TokenValue(null, ParameterUtil.unescape(raw));
            String code = ParameterUtil.unescape(raw.substring(bar + 1));
            return new TokenValue(ParameterUtil.unescape(raw.substring(0, bar)), code.isEmpty() ? null : code);
        }

        boolean matches(String candidateSystem, String candidateCode) {
            if (system != null && !(system.isEmpty() ? candidateSystem == null || candidateSystem.isEmpty() : system.equals(candidateSystem)))
                return false;
            return code == null || code.equals(candidateCode);
        }
    }

    private static InvalidRequestException unsupported(String name, String qualifier) {
        return new InvalidRequestException("FHIR-EMB-UNSUPPORTED-MODIFIER: the embedded server does not support " + name + qualifier);
    }
}
