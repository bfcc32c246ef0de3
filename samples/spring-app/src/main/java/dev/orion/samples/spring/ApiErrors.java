package dev.orion.samples.spring;

import dev.orion.BudgetExceededException;
import dev.orion.OrionException;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.LlmException;
import dev.orion.llm.RateLimitedException;
import dev.orion.store.ConflictException;
import dev.orion.store.NotFoundException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns ORION's typed exceptions into HTTP answers with a JSON body {@code {"error": "..."}}: a resource the
 * tenant does not have is 404 (whether it exists for another tenant or not at all), a conflict (a review item
 * claimed by someone else, a lost claim) 409, a bad argument 400, an
 * LLM provider that failed 502, a rate limit or budget of the router 429, a capability the application was built without 503.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "no " + e.resourceType() + " " + e.resourceId());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, String>> conflict(ConflictException e) {
        return answer(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, LlmConfigurationException.class,
            MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({RateLimitedException.class, BudgetExceededException.class})
    ResponseEntity<Map<String, String>> tooMuch(OrionException e) {
        return answer(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    }

    @ExceptionHandler(LlmException.class)
    ResponseEntity<Map<String, String>> llmFailed(LlmException e) {
        LOG.warn("LLM call failed: {}", e.getMessage());
        return answer(HttpStatus.BAD_GATEWAY, e.getMessage());
    }

    @ExceptionHandler(OrionException.class)
    ResponseEntity<Map<String, String>> orionRefused(OrionException e) {
        return answer(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> unavailable(IllegalStateException e) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message == null ? status.getReasonPhrase() : message));
    }
}
