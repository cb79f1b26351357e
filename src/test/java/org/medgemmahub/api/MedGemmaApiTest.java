package org.medgemmahub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medgemmahub.dicom.DicomPropertiesTest;
import org.medgemmahub.dicom.image.DicomImageRenderer;
import org.medgemmahub.medgemma.MedGemmaTestClients;
import org.medgemmahub.simulator.MedGemmaSimulator;
import org.medgemmahub.simulator.SimulatorSettings;
import org.medgemmahub.support.SimulatorControlClient;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The REST API in front of the model client, the client talking to the simulator over HTTP. */
class MedGemmaApiTest {
    static final String KEY = "test-api-key";

    private MedGemmaSimulator simulator;
    private SimulatorControlClient control;
    private MockMvc api;

    @BeforeEach
    void startSimulatorAndApi() {
        simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral());
        simulator.start();
        control = new SimulatorControlClient(simulator.baseUrl());
        api = apiWithKey(KEY);
    }

    private MockMvc apiWithKey(String key) {
        MedGemmaTestClients clients = MedGemmaTestClients.of("openai", simulator.baseUrl());
        MedGemmaApiController controller = new MedGemmaApiController(clients.tasks, clients.statusCheck, clients.imageInput,
                List.of(new DicomUploadDecoder(new DicomImageRenderer(), DicomPropertiesTest.properties("MEDGEMMA", 16384, 32, java.time.Duration.ofSeconds(60)))), clients.guard);
        return MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new ApiExceptionHandler())
                .addFilter(new ApiKeyFilter(new ApiProperties(key)), "/api/*")
                .build();
    }

    @AfterEach
    void stopSimulator() {
        simulator.stop();
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Nested
    class Success {
        @Test
        void answersAFreeQuestionWithTheSeedShape() throws Exception {
            api.perform(post("/api/medgemma/text").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"message\": \"What is a pleural effusion?\", \"conversation_id\": \"c-1\", \"max_tokens\": 9999}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.success").value(true))
                    .andExpect(jsonPath("$.response", startsWith("Simulated answer")))
                    .andExpect(jsonPath("$.model").value("google/medgemma-4b-it"))
                    .andExpect(jsonPath("$.conversation_id").value("c-1"))
                    .andExpect(jsonPath("$.template").value("free-question"))
                    .andExpect(jsonPath("$.template_version").value("1.0.0"));
            assertThat(control.lastRequest().path("body").path("max_tokens").asInt()).as("capped").isEqualTo(1024);
        }

        @Test
        void describesAnUploadedImageWithParsedFindings() throws Exception {
            api.perform(multipart("/api/medgemma/image").file(new MockMultipartFile("image", "cxr.png", "image/png", png(1200, 1000)))
                            .param("query", "Is there a pneumothorax?").param("modality", "DX")
                            .header("Authorization", "Bearer " + KEY))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.success").value(true))
                    .andExpect(jsonPath("$.findings.urgency").value("critical"))
                    .andExpect(jsonPath("$.template").value("image-findings-chest-xray"))
                    .andExpect(jsonPath("$.response", containsString("pneumothorax")));
            assertThat(control.lastRequest().path("body").path("messages").get(0).path("content").get(0).path("type").asText())
                    .isEqualTo("image_url");
        }

        @Test
        void rendersAnUploadedDicomFileAndSendsOneJpegImage() throws Exception {
            byte[] dicom = java.nio.file.Files.readAllBytes(org.medgemmahub.dicom.DicomSamples.named("cr-chest-monochrome1.dcm"));

            api.perform(multipart("/api/medgemma/image").file(new MockMultipartFile("image", "cr.dcm", "application/dicom", dicom))
                            .param("query", "Describe this chest X-ray").param("modality", "CR").header("X-API-Key", KEY))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.success").value(true))
                    .andExpect(jsonPath("$.template").value("image-findings-chest-xray"));
            String url = control.lastRequest().path("body").path("messages").get(0).path("content").get(0)
                    .path("image_url").path("url").asText();
            assertThat(url).startsWith("data:image/jpeg;base64,/9j/");
        }

        @Test
        void reportsTheModelServerReachableWithItsModelId() throws Exception {
            api.perform(get("/api/medgemma/status").header("X-API-Key", KEY))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.available").value(true))
                    .andExpect(jsonPath("$.endpoint").value(simulator.baseUrl()))
                    .andExpect(jsonPath("$.model").value(SimulatorSettings.DEFAULT_MODEL_ID))
                    .andExpect(jsonPath("$.state").value("reachable"));
        }

        @Test
        void reportsAColdModelServerAsNotAvailable() throws Exception {
            control.change("{\"coldStartSeconds\": 60}");

            api.perform(get("/api/medgemma/status").header("X-API-Key", KEY))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.available").value(false))
                    .andExpect(jsonPath("$.state").value("cold"));
        }

        @Test
        void givesMedicalContextForASymptom() throws Exception {
            api.perform(post("/api/medgemma/context").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"symptom\": \"Chest pain\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.success").value(true))
                    .andExpect(jsonPath("$.symptom").value("Chest pain"))
                    .andExpect(jsonPath("$.context", startsWith("Simulated medical context for chest pain")));
        }
    }

    @Nested
    class Refusals {
        @Test
        void answers401WithoutCredentials() throws Exception {
            api.perform(get("/api/medgemma/status"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Bearer"))
                    .andExpect(jsonPath("$.success").value(false))
                    .andExpect(jsonPath("$.code").value("API-AUTH"));
            assertThat(control.received()).isZero();
        }

        @Test
        void answers401ForAWrongKey() throws Exception {
            api.perform(post("/api/medgemma/text").header("Authorization", "Bearer nope").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"message\": \"hi\"}"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.error").value("invalid API key"));
        }

        @Test
        void refusesEveryCallWhileNoKeyIsConfigured() throws Exception {
            apiWithKey(null).perform(get("/api/medgemma/status").header("X-API-Key", ""))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("API-NO-KEY"));
        }

        @Test
        void answers400ForAMissingMessage() throws Exception {
            api.perform(post("/api/medgemma/text").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("'message' is required"));
        }

        @Test
        void answers400ForAMissingSymptomAndForBrokenJson() throws Exception {
            api.perform(post("/api/medgemma/context").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON).content("{\"symptom\": \" \"}"))
                    .andExpect(status().isBadRequest());
            api.perform(post("/api/medgemma/context").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON).content("{\"symptom\": "))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("API-BAD-JSON"))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
        }

        @Test
        void answers400ForAnImageRequestWithoutTheImagePart() throws Exception {
            api.perform(multipart("/api/medgemma/image").param("query", "q").header("X-API-Key", KEY))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("API-MISSING"));
        }

        @Test
        void answers413ForAnImageOverMaxImageSize() throws Exception {
            byte[] big = new byte[10 * 1024 * 1024 + 1];
            big[0] = (byte) 0x89;
            api.perform(multipart("/api/medgemma/image").file(new MockMultipartFile("image", "big.png", "image/png", big))
                            .header("X-API-Key", KEY))
                    .andExpect(status().isPayloadTooLarge())
                    .andExpect(jsonPath("$.code").value("IMAGE-TOO-LARGE"));
            assertThat(control.received()).isZero();
        }

        @Test
        void answers415ForAFileThatIsNoAcceptedImage() throws Exception {
            api.perform(multipart("/api/medgemma/image").file(new MockMultipartFile("image", "x.tiff", "image/tiff", "II*\0tiff".getBytes()))
                            .header("X-API-Key", KEY))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.code").value("IMAGE-FORMAT"));
        }

        @Test
        void answers415WithTheReasonForADicomFileThatCannotBeRendered() throws Exception {
            byte[] dicom = new byte[256];
            System.arraycopy("DICM".getBytes(), 0, dicom, 128, 4);
            api.perform(multipart("/api/medgemma/image").file(new MockMultipartFile("image", "ct.dcm", "application/dicom", dicom))
                            .header("X-API-Key", KEY))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.code").value("API-DICOM"))
                    .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("the DICOM file cannot be rendered")));
        }

        @Test
        void answers415ForAJsonEndpointCalledWithAnotherContentType() throws Exception {
            api.perform(post("/api/medgemma/text").header("X-API-Key", KEY).contentType(MediaType.TEXT_PLAIN).content("hi"))
                    .andExpect(status().isUnsupportedMediaType());
        }

        @Test
        void answers503WhenTheModelServerIsUnavailable() throws Exception {
            control.change("{\"failNext\": {\"status\": 503, \"count\": 1, \"retryAfterSeconds\": 5}}");

            api.perform(post("/api/medgemma/text").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"message\": \"hi\"}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.code").value("MODEL-503"));
        }

        @Test
        void answers502WhenTheModelServerRefusesTheCall() throws Exception {
            control.change("{\"chatRoute404\": true}");

            api.perform(post("/api/medgemma/context").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"symptom\": \"cough\"}"))
                    .andExpect(status().isBadGateway())
                    .andExpect(jsonPath("$.code").value("MODEL-404"));
        }
    }
}
