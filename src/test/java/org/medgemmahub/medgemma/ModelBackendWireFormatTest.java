package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.pipeline.ModelImages;
import org.medgemmahub.simulator.MedGemmaSimulator;
import org.medgemmahub.simulator.SimulatorSettings;
import org.medgemmahub.support.SimulatorControlClient;

/**
 * Each backend against the simulator over real HTTP: the request as the real server expects it, byte for byte in
 * its JSON (paths, fields, content-list order, Gemma template text), and the answer read back.
 */
class ModelBackendWireFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ModelPrompt TEXT = new ModelPrompt("You are careful.", "Report: right lower lobe consolidation.", null, 256, 0.0);

    private MedGemmaSimulator simulator;
    private SimulatorControlClient control;

    @BeforeEach
    void startSimulator() {
        simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral().withApiKey("sim-token"));
        simulator.start();
        control = new SimulatorControlClient(simulator.baseUrl());
    }

    @AfterEach
    void stopSimulator() {
        simulator.stop();
    }

    private MedGemmaFixtures.Settings settings(String api) {
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings(api, simulator.baseUrl());
        settings.token = "sim-token";
        return settings;
    }

    @Nested
    class Tgi {
        @Test
        void postsTheGemmaTemplateToTheCompatRouteWithGreedyDecodingAndTheScaleUpHeader() throws Exception {
            ModelReply reply = MedGemmaFixtures.backend(settings("tgi").build()).generate(TEXT);

            JsonNode sent = control.lastRequest();
            assertThat(sent.path("method").asText()).isEqualTo("POST");
            assertThat(sent.path("path").asText()).isEqualTo("/");
            assertThat(sent.path("contentType").asText()).isEqualTo("application/json");
            assertThat(sent.path("bearer").asBoolean()).isTrue();
            assertThat(sent.path("scaleUpTimeout").asText()).isEqualTo("60");
            assertThat(sent.path("body")).isEqualTo(JSON.readTree("""
                    {"inputs": "<start_of_turn>user\\nYou are careful.\\n\\nReport: right lower lobe consolidation.<end_of_turn>\\n<start_of_turn>model\\n",
                     "parameters": {"max_new_tokens": 256, "do_sample": false, "stop": ["<end_of_turn>"],
                                    "return_full_text": false, "details": true}}"""));
            assertThat(JSON.readTree(reply.text()).path("urgency").asText()).isEqualTo("urgent");
            assertThat(reply.truncated()).isFalse();
        }

        @Test
        void readsTheObjectAnswerOfTheGenerateRoute() throws Exception {
            MedGemmaFixtures.Settings settings = settings("tgi");
            settings.tgiRoute = "/generate";

            ModelReply reply = MedGemmaFixtures.backend(settings.build()).generate(TEXT);

            assertThat(control.lastRequest().path("path").asText()).isEqualTo("/generate");
            assertThat(JSON.readTree(reply.text()).path("impression").asText()).contains("consolidation");
        }

        @Test
        void worksWithTheHfDefaultContainerWhoseChatRouteIs404() throws Exception {
            control.change("{\"chatRoute404\": true}");

            ModelReply reply = MedGemmaFixtures.backend(settings("tgi").build()).generate(TEXT);

            assertThat(JSON.readTree(reply.text()).path("impression").asText()).contains("consolidation");
        }

        @Test
        void sendsSamplingTemperatureOnlyWithDoSample() throws Exception {
            MedGemmaFixtures.backend(settings("tgi").build()).generate(new ModelPrompt(null, "Question", null, 50, 0.7));

            JsonNode parameters = control.lastRequest().path("body").path("parameters");
            assertThat(parameters.path("do_sample").asBoolean()).isTrue();
            assertThat(parameters.path("temperature").asDouble()).isEqualTo(0.7);
            assertThat(parameters.has("top_p")).isFalse();
        }

        @Test
        void putsAnImageInlineAsMarkdownDataUriWhenTheServerIsAVisionTgi() throws Exception {
            MedGemmaFixtures.Settings settings = settings("tgi");
            settings.tgiImages = true;
            String jpeg = Base64.getEncoder().encodeToString(ModelImages.toModelJpeg(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)));

            MedGemmaFixtures.backend(settings.build()).generate(new ModelPrompt("Sys", "Describe", jpeg, 100, 0.0));

            assertThat(control.lastRequest().path("body").path("inputs").asText()).isEqualTo(
                    "<start_of_turn>user\nSys\n\n![](data:image/jpeg;base64," + jpeg + ")Describe<end_of_turn>\n<start_of_turn>model\n");
        }

        @Test
        void refusesAnImageTaskAsAConfigurationErrorWhenTheTgiServerIsTextOnly() throws Exception {
            ModelBackend tgi = MedGemmaFixtures.backend(settings("tgi").build());

            assertThatThrownBy(() -> tgi.generate(new ModelPrompt("Sys", "Describe", "AAAA", 100, 0.0)))
                    .isInstanceOf(ModelRequestRejectedException.class)
                    .hasMessageStartingWith("MODEL-CONFIG: image task on the tgi backend");
            assertThat(control.received()).isZero();
        }

        @Test
        void sendsNoScaleUpHeaderWhenItIsSetToZero() throws Exception {
            MedGemmaFixtures.Settings settings = settings("tgi");
            settings.scaleUpTimeout = java.time.Duration.ZERO;

            MedGemmaFixtures.backend(settings.build()).generate(TEXT);

            assertThat(control.lastRequest().path("scaleUpTimeout").isNull()).isTrue();
        }

        @Test
        void isHeldByAColdEndpointWhileItScalesUpInsteadOfGetting503() throws Exception {
            control.change("{\"coldStartSeconds\": 1}");

            ModelReply reply = MedGemmaFixtures.backend(settings("tgi").build()).generate(TEXT);

            assertThat(reply.text()).contains("consolidation");
            assertThat(control.failures(503)).isZero();
        }
    }

    @Nested
    class OpenAi {
        @Test
        void postsOneUserTurnWithTheImageBlockBeforeTheFoldedTextBlock() throws Exception {
            ModelBackend openAi = MedGemmaFixtures.backend(settings("openai").build());

            openAi.generate(new ModelPrompt("You are careful.", "Describe the image.", "/9j/AAAA", 300, 0.0));

            JsonNode sent = control.lastRequest();
            assertThat(sent.path("path").asText()).isEqualTo("/v1/chat/completions");
            assertThat(sent.path("bearer").asBoolean()).isTrue();
            assertThat(sent.path("scaleUpTimeout").isNull()).isTrue();
            assertThat(sent.path("body")).isEqualTo(JSON.readTree("""
                    {"model": "google/medgemma-4b-it",
                     "messages": [{"role": "user", "content": [
                         {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/AAAA"}},
                         {"type": "text", "text": "You are careful.\\n\\nDescribe the image."}]}],
                     "max_tokens": 300, "temperature": 0.0}"""));
        }

        @Test
        void recognisesFinishReasonLengthAsTruncated() throws Exception {
            control.change("{\"lengthLimit\": 5}");

            ModelReply reply = MedGemmaFixtures.backend(settings("openai").build()).generate(TEXT);

            assertThat(reply.truncated()).isTrue();
            assertThat(reply.modelId()).isEqualTo("google/medgemma-4b-it");
        }

        @Test
        void sendsOneImageUnder500KbForA4000By3000PngUpload() throws Exception {
            byte[] png = noisyPng(4000, 3000);
            assertThat(png.length).as("a PNG larger than what is sent, within max-image-size").isBetween(500 * 1024, 10 * 1024 * 1024);
            MedGemmaProperties properties = settings("openai").build();
            String jpeg = new ModelImageInput(properties).toModelJpegBase64(png);

            MedGemmaFixtures.backend(properties).generate(new ModelPrompt("Sys", "Describe", jpeg, 100, 0.0));

            JsonNode content = control.lastRequest().path("body").path("messages").get(0).path("content");
            assertThat(content.findValues("image_url")).hasSize(1);
            String url = content.get(0).path("image_url").path("url").asText();
            assertThat(url).startsWith("data:image/jpeg;base64,");
            byte[] sentJpeg = Base64.getDecoder().decode(url.substring("data:image/jpeg;base64,".length()));
            assertThat(sentJpeg.length).isLessThan(500 * 1024);
            BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(sentJpeg));
            assertThat(decoded.getWidth()).isEqualTo(896);
            assertThat(decoded.getHeight()).isEqualTo(672);
        }
    }

    @Nested
    class Vertex {
        @TempDir Path dir;

        private MedGemmaFixtures.Settings vertexSettings() {
            MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("vertex", simulator.baseUrl() + MedGemmaFixtures.VERTEX_ENDPOINT);
            settings.vertexToken = "sim-token";
            return settings;
        }

        @Test
        void postsChatCompletionsInstancesToPredictWithTheBearerToken() throws Exception {
            ModelReply reply = MedGemmaFixtures.backend(vertexSettings().build())
                    .generate(new ModelPrompt("You are careful.", "Describe the image.", "/9j/AAAA", 300, 0.0));

            JsonNode sent = control.lastRequest();
            assertThat(sent.path("path").asText()).isEqualTo(MedGemmaFixtures.VERTEX_ENDPOINT + ":predict");
            assertThat(sent.path("bearer").asBoolean()).isTrue();
            assertThat(sent.path("body")).isEqualTo(JSON.readTree("""
                    {"instances": [{"@requestFormat": "chatCompletions",
                      "messages": [{"role": "user", "content": [
                         {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/AAAA"}},
                         {"type": "text", "text": "You are careful.\\n\\nDescribe the image."}]}],
                      "max_tokens": 300, "temperature": 0.0}]}"""));
            assertThat(JSON.readTree(reply.text()).path("simulated").asBoolean()).isTrue();
        }

        @Test
        void unwrapsPredictionsGivenAsTheCompletionObjectItself() throws Exception {
            control.change("{\"vertexPredictionsAsList\": false}");

            ModelReply reply = MedGemmaFixtures.backend(vertexSettings().build()).generate(TEXT);

            assertThat(JSON.readTree(reply.text()).path("impression").asText()).contains("consolidation");
        }

        @Test
        void refreshesAnExpiredTokenFromItsFileAndTriesOnceMore() throws Exception {
            Path tokenFile = dir.resolve("vertex-token");
            Files.writeString(tokenFile, "expired-token\n");
            MedGemmaFixtures.Settings settings = vertexSettings();
            settings.vertexToken = null;
            settings.vertexTokenFile = tokenFile;
            ModelBackend vertex = MedGemmaFixtures.backend(settings.build());
            Files.writeString(tokenFile, "sim-token\n");

            ModelReply reply = vertex.generate(TEXT);

            assertThat(reply.text()).contains("consolidation");
            assertThat(control.received()).isEqualTo(2);
            assertThat(control.failures(401)).isEqualTo(1);
        }
    }

    static byte[] noisyPng(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grey = Math.min(255, (x * 200 / width) + (y * 40 / height) + random.nextInt(4));
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
