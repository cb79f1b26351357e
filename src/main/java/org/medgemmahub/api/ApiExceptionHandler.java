package org.medgemmahub.api;

import java.util.Map;
import org.medgemmahub.medgemma.ImageInputException;
import org.medgemmahub.medgemma.ModelRequestRejectedException;
import org.medgemmahub.medgemma.ModelUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns every failure of the REST API into a JSON error with the right status and no stack trace: 400 bad input,
 * 413 too large, 415 wrong format, 502 the model server refused the call, 503 the model server is unavailable
 * (with Retry-After when known).
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiRequestException.class)
    ResponseEntity<Map<String, Object>> refused(ApiRequestException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(ImageInputException.class)
    ResponseEntity<Map<String, Object>> image(ImageInputException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(ModelUnavailableException.class)
    ResponseEntity<Map<String, Object>> unavailable(ModelUnavailableException e) {
        log.warn("interactive model call failed: {}", e.code());
        ResponseEntity<Map<String, Object>> answer = error(503, e.code(), e.getMessage());
        if (e.retryAfter() == null) return answer;
        return ResponseEntity.status(503).header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(answer.getBody());
    }

    @ExceptionHandler(ModelRequestRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(ModelRequestRejectedException e) {
        log.warn("interactive model call refused: {}", e.code());
        return error(e.status() == 0 ? 500 : 502, e.code(), e.getMessage());
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class})
    ResponseEntity<Map<String, Object>> tooLarge(Exception e) {
        return error(413, "IMAGE-TOO-LARGE", "the upload is larger than the API accepts");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(415, "API-MEDIA-TYPE", "unsupported content type " + e.getContentType());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return error(400, "API-BAD-JSON", "the request body is not the expected JSON");
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class,
            MultipartException.class})
    ResponseEntity<Map<String, Object>> missing(Exception e) {
        String detail = e instanceof MissingServletRequestPartException part ? "missing part '" + part.getRequestPartName() + "'"
                : e instanceof MissingServletRequestParameterException p ? "missing parameter '" + p.getParameterName() + "'"
                : "a multipart/form-data request with an 'image' part is required";
        return error(400, "API-MISSING", detail);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return error(405, "API-METHOD", "method " + e.getMethod() + " not allowed here");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("REST API internal error: {}", e.getClass().getName());
        return error(500, "API-INTERNAL", "internal error");
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String code, String message) {
        return ResponseEntity.status(HttpStatus.valueOf(status)).body(ApiErrors.body(code, message));
    }
}
