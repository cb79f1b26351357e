package org.medgemmahub.medgemma;

/**
 * The model client as the application wires it, for tests in other packages (the REST API) that run without Spring:
 * backend chosen by {@code api}, guard, templates, interactive tasks, status check, image input.
 */
public final class MedGemmaTestClients {
    public final InteractiveTasks tasks;
    public final ModelStatusCheck statusCheck;
    public final ModelImageInput imageInput;
    public final ModelCallGuard guard;

    private MedGemmaTestClients(MedGemmaProperties properties) {
        ModelBackendConfiguration configuration = new ModelBackendConfiguration();
        ModelHttpClient http = configuration.modelHttpClient(properties);
        VertexTokenSource tokens = configuration.vertexTokenSource(properties);
        ModelBackend backend = configuration.modelBackend(properties, http, tokens);
        PromptTemplates templates = new PromptTemplates("", properties);
        this.guard = new ModelCallGuard(backend, properties);
        this.tasks = new InteractiveTasks(templates, new ModelTaskRunner(guard, templates));
        this.statusCheck = new ModelStatusCheck(properties, http, tokens);
        this.imageInput = new ModelImageInput(properties);
    }

    /** Application defaults pointed at {@code baseUrl}, speaking {@code api}. */
    public static MedGemmaTestClients of(String api, String baseUrl) {
        return new MedGemmaTestClients(MedGemmaFixtures.defaults(api, baseUrl));
    }
}
