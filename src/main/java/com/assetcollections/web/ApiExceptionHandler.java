package com.assetcollections.web;

import com.assetcollections.auth.MissingScope;
import com.assetcollections.auth.NotAuthenticated;
import com.assetcollections.query.InvalidQuery;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where exceptions become the error shape of the API contract. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<ApiError> invalidQuery(InvalidQuery e) {
        return ResponseEntity.badRequest().body(ApiError.about(e.parameter(), e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> invalidBody(InvalidBody e) {
        return ResponseEntity.unprocessableContent().body(new ApiError(e.getMessage(), e.errors()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> malformedBody(MalformedBody e) {
        return ResponseEntity.badRequest().body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> payloadTooLarge(PayloadTooLarge e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> preconditionFailed(PreconditionFailed e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> conflict(Conflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> forbidden(Forbidden e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of(e.getMessage()));
    }

    /** A body Spring itself could not read (e.g. a handler that binds a JSON record). */
    @ExceptionHandler
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(ApiError.of("the request body is not a valid JSON object"));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ApiError.of("send the request body as application/json"));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> notAuthenticated(NotAuthenticated e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer")
                .body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> missingScope(MissingScope e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ApiError> noEndpoint(Exception e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("no such endpoint"));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        Set<HttpMethod> allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .allow(allowed.toArray(HttpMethod[]::new))
                .body(ApiError.of("method " + e.getMethod() + " is not allowed here; allowed: "
                        + allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "))));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> badPathValue(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(ApiError.of("malformed value for `" + e.getName() + "`"));
    }

    /** Tomcat refuses a query string it cannot decode (an empty name, a percent-escape that is not UTF-8). */
    @ExceptionHandler
    ResponseEntity<ApiError> malformedQueryString(InvalidParameterException e) {
        return ResponseEntity.badRequest()
                .body(ApiError.of("malformed query string: every parameter needs a name,"
                        + " and names and values must be percent-encoded UTF-8"));
    }

    /**
     * A write that lost a lock race the database could not settle (a PostgreSQL deadlock or
     * serialization failure, SQLite still busy after its timeout): nothing was written, and the
     * same request is expected to succeed when sent again.
     */
    @ExceptionHandler
    ResponseEntity<ApiError> concurrentWrite(ConcurrencyFailureException e) {
        log.warn("write clashed with a concurrent one: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(ApiError.of("the request clashed with a concurrent write and changed nothing; retry it"));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unexpected(Exception e) {
        var unavailable = Unavailability.of(e);
        if (unavailable.isPresent()) {
            log.warn("{}: {}", unavailable.get().logMessage(), e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", unavailable.get().retryAfterSeconds())
                    .body(ApiError.of(unavailable.get().message()));
        }
        log.error("unhandled error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of("internal error"));
    }
}
