package org.medgemmahub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a call to {@code /api/**} through only with the configured key, as {@code X-API-Key: <key>} or
 * {@code Authorization: Bearer <key>} (compared in constant time). Without a configured key every call is refused.
 * The answer is a JSON 401; neither the key nor what was sent is logged.
 */
class ApiKeyFilter extends OncePerRequestFilter {
    static final String API_KEY_HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final byte[] key;

    ApiKeyFilter(ApiProperties properties) {
        this.key = properties.key() == null ? null : properties.key().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (key == null) {
            refuse(request, response, "API-NO-KEY", "the REST API is disabled until an API key is configured (HUB_API_KEY)");
            return;
        }
        String presented = presentedKey(request);
        if (presented == null) {
            refuse(request, response, "API-AUTH", "credentials required: send X-API-Key or Authorization: Bearer");
            return;
        }
        if (!MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
            refuse(request, response, "API-AUTH", "invalid API key");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) return apiKey.strip();
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String code, String message)
            throws IOException {
        log.warn("REST call {} {} refused: {}", request.getMethod(), request.getRequestURI(), code);
        ApiErrors.write(response, 401, code, message);
        response.setHeader("WWW-Authenticate", "Bearer");
    }
}
