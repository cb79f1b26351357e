package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;

/**
 * Completes HAPI's generated capability statement: says what this server is, and lists the search parameters of the
 * {@link SearchParameterCatalog} (HAPI cannot see them, because the search methods take the raw request parameters).
 * Public with a public hook because HAPI calls it reflectively.
 */
@Interceptor
public final class CapabilityStatementCustomizer {
    static final String TITLE = "MedGemma Hub embedded FHIR server";
    static final String DESCRIPTION = "The FHIR R4 server embedded in MedGemma Hub, used when no external FHIR server is configured."
            + " A single-machine convenience for trying the hub from one command, not a clinical FHIR server.";

    private final SearchParameterCatalog catalog;

    CapabilityStatementCustomizer(SearchParameterCatalog catalog) {
        this.catalog = catalog;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void describe(IBaseConformance generated) {
        CapabilityStatement statement = (CapabilityStatement) generated;
        statement.setTitle(TITLE).setDescription(DESCRIPTION).setPublisher("MedGemma Hub");
        for (CapabilityStatementRestComponent rest : statement.getRest())
            rest.getResource().forEach(this::describe);
    }

    private void describe(CapabilityStatementRestResourceComponent resource) {
        if (catalog.parameters(resource.getType()).isEmpty())
            return; // HAPI's own OperationDefinition reader
        resource.setVersioning(ResourceVersionPolicy.VERSIONED).setReadHistory(true).setUpdateCreate(true).setConditionalCreate(true);
        resource.getSearchParam().clear();
        catalog.parameters(resource.getType()).values().forEach(parameter -> resource.addSearchParam()
                .setName(parameter.name())
                .setType(parameter.type())
                .setDocumentation(parameter.description()));
    }
}
