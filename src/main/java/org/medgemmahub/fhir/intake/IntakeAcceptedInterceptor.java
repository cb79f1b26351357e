package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Writer;

/**
 * Answers an accepted intake request 202 Accepted with a Location of its status resource (set by {@link IntakeAnswer}). The
 * Location is set when the body writer is created, after HAPI has set its own headers (it would name the response bundle).
 */
@Interceptor
public final class IntakeAcceptedInterceptor {
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean accepted(RequestDetails request, ResponseDetails response) {
        if (request.getUserData().get(IntakeAnswer.LOCATION) != null) response.setResponseCode(HttpServletResponse.SC_ACCEPTED);
        return true;
    }

    @Hook(Pointcut.SERVER_OUTGOING_WRITER_CREATED)
    public Writer location(Writer writer, RequestDetails request, ServletRequestDetails servlet) {
        Object location = request.getUserData().get(IntakeAnswer.LOCATION);
        if (location != null && servlet != null && servlet.getServletResponse() != null) {
            servlet.getServletResponse().setHeader("Location", location.toString());
            servlet.getServletResponse().setHeader("Content-Location", null);
        }
        return writer;
    }
}
