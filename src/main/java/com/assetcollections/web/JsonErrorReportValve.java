package com.assetcollections.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error responses — for requests it refuses before the application sees them (a
 * raw space or non-ASCII byte in the request line, an encoded NUL in the path, oversized headers)
 * — in the API's JSON error shape instead of Tomcat's HTML page. Errors the application answers
 * itself already have a body and are left alone.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"message\":\"" + message(status) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to tell
        }
    }

    /** Plain ASCII words only, so the text needs no JSON escaping. */
    static String message(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return status >= 500 ? "internal error" : "request refused (HTTP " + status + ")";
        }
        if (known == HttpStatus.INTERNAL_SERVER_ERROR) {
            return "internal error";
        }
        if (known == HttpStatus.BAD_REQUEST) {
            return "malformed request: the request line, path or headers could not be read;"
                    + " percent-encode the path and query string as UTF-8";
        }
        return known.getReasonPhrase().toLowerCase(Locale.ROOT);
    }
}
