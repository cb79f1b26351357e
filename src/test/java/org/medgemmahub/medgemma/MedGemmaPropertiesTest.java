package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MedGemmaPropertiesTest {

    @Test
    void acceptsAVertexEndpointResourceUrl() {
        MedGemmaProperties properties = MedGemmaFixtures.defaults("vertex",
                "https://europe-west4-aiplatform.googleapis.com" + MedGemmaFixtures.VERTEX_ENDPOINT);

        assertThat(properties.wireApi()).isEqualTo("vertex");
    }

    @Test
    void normalisesAllowedFormatsAndTakesJpgAsJpeg() {
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("openai", "http://127.0.0.1:1");
        settings.allowedFormats = Set.of(" JPG", "Png");

        assertThat(settings.build().allowedFormats()).containsExactlyInAnyOrder("jpeg", "png");
    }

    @Test
    void keepsTokensOutOfItsTextForm() {
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("vertex",
                "https://europe-west4-aiplatform.googleapis.com" + MedGemmaFixtures.VERTEX_ENDPOINT);
        settings.token = "hf_secret";
        settings.vertexToken = "ya29.secret";

        assertThat(settings.build().toString()).doesNotContain("secret").contains("***");
    }

    @Nested
    class Rejections {
        @Test
        void refusesAnUnknownApi() {
            assertThatThrownBy(() -> MedGemmaFixtures.defaults("ollama", "http://127.0.0.1:1"))
                    .hasMessageContaining("medgemma.api must be one of");
        }

        @Test
        void refusesAVertexBaseUrlThatIsNoEndpointResource() {
            assertThatThrownBy(() -> MedGemmaFixtures.defaults("vertex", "https://europe-west4-aiplatform.googleapis.com"))
                    .hasMessageContaining("medgemma.base-url for vertex must be the endpoint resource URL");
        }

        @Test
        void refusesAnUnknownImageFormat() {
            MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("openai", "http://127.0.0.1:1");
            settings.allowedFormats = Set.of("jpeg", "tiff");

            assertThatThrownBy(settings::build).hasMessageContaining("medgemma.allowed-formats may only name");
        }

        @Test
        void refusesAnImageTokenLimitAboveTheCap() {
            MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("openai", "http://127.0.0.1:1");
            settings.imageMaxTokens = 5000;

            assertThatThrownBy(settings::build).hasMessageContaining("medgemma.image-max-tokens");
        }

        @Test
        void refusesAnUnknownTgiRoute() {
            MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("tgi", "http://127.0.0.1:1");
            settings.tgiRoute = "/v1/completions";

            assertThatThrownBy(settings::build).hasMessageContaining("medgemma.tgi-route");
        }
    }
}
