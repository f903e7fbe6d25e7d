package com.assetcollections.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside MVC (by the servlet container, or an exception a filter let through) get
 * the same JSON shape as the rest; a database that failed there is a 503, as in a handler.
 */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
            var unavailable = Unavailability.of(thrown);
            if (unavailable.isPresent()) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", unavailable.get().retryAfterSeconds())
                        .body(ApiError.of(unavailable.get().message()));
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String message = status.is5xxServerError()
                ? "internal error"
                : status.getReasonPhrase().toLowerCase();
        return ResponseEntity.status(status).body(ApiError.of(message));
    }
}
