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
 * {@code /api/admin/**} takes the admin key only (403 for the API key); the admin key also opens the rest of the API.
 * The answer is a JSON 401; neither the key nor what was sent is logged.
 */
class ApiKeyFilter extends OncePerRequestFilter {
    static final String API_KEY_HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    static final String ADMIN_PATH = "/api/admin/";

    private final byte[] key;
    private final byte[] adminKey;

    ApiKeyFilter(ApiProperties properties) {
        this.key = bytes(properties.key());
        this.adminKey = bytes(properties.adminKey());
    }

    private static byte[] bytes(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admin = request.getRequestURI().startsWith(request.getContextPath() + ADMIN_PATH);
        if (admin ? adminKey == null : key == null && adminKey == null) {
            refuse(request, response, "API-NO-KEY", admin
                    ? "the admin endpoints are disabled until an admin key is configured (HUB_API_ADMIN_KEY)"
                    : "the REST API is disabled until an API key is configured (HUB_API_KEY)");
            return;
        }
        String presented = presentedKey(request);
        if (presented == null) {
            refuse(request, response, "API-AUTH", "credentials required: send X-API-Key or Authorization: Bearer");
            return;
        }
        byte[] sent = presented.getBytes(StandardCharsets.UTF_8);
        boolean isAdmin = adminKey != null && MessageDigest.isEqual(adminKey, sent);
        boolean isUser = key != null && MessageDigest.isEqual(key, sent);
        if (!isAdmin && !isUser) {
            refuse(request, response, "API-AUTH", "invalid API key");
            return;
        }
        if (admin && !isAdmin) {
            log.warn("REST call {} {} refused: API-FORBIDDEN", request.getMethod(), request.getRequestURI());
            ApiErrors.write(response, 403, "API-FORBIDDEN", "the admin endpoints need the admin key (HUB_API_ADMIN_KEY)");
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
