package jp.refund.status;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/claims/{claimNo}} and {@code GET /api/claims?applicationId=|memberId=|phone=|email=}:
 * the same information as the pages, as JSON, through the same {@link LookupFlow}. 404 for an
 * unknown claim number, 400 for a malformed or over-long query (or none, or more than one
 * parameter), 429 beyond the rate limit or the daily cap.
 */
@RestController
@RequestMapping("/api")
class ClaimApi {

    private static final List<String> PARAMETERS = List.of("applicationId", "memberId", "phone", "email");
    private final LookupFlow flow;

    ClaimApi(LookupFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/claims/{claimNo}")
    ResponseEntity<?> claim(@PathVariable String claimNo, Principal user, HttpServletRequest request) {
        List<ClaimView> claims = flow.find(user.getName(), request.getRemoteAddr(), "claimNo", claimNo);
        return claims.isEmpty() ? error(HttpStatus.NOT_FOUND, "no claim " + claimNo) : ResponseEntity.ok(claims.get(0));
    }

    @GetMapping("/claims")
    ResponseEntity<?> find(@RequestParam Map<String, String> params, Principal user, HttpServletRequest request) {
        String kind = params.size() == 1 && PARAMETERS.contains(params.keySet().iterator().next())
                ? params.keySet().iterator().next() : String.join(",", params.keySet());
        if (!PARAMETERS.contains(kind)) {
            try {
                flow.find(user.getName(), request.getRemoteAddr(), kind.isEmpty() ? "(none)" : kind, null);
            } catch (ClaimLookup.BadQuery e) {
                return error(HttpStatus.BAD_REQUEST, "give exactly one of applicationId, memberId, phone, email");
            }
        }
        List<ClaimView> claims = flow.find(user.getName(), request.getRemoteAddr(), kind, params.get(kind));
        return ResponseEntity.ok(Map.of("claims", claims, "count", claims.size()));
    }

    @ExceptionHandler(ClaimLookup.BadQuery.class)
    ResponseEntity<?> badQuery(ClaimLookup.BadQuery e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(LookupLog.TooManyLookups.class)
    ResponseEntity<?> tooMany(LookupLog.TooManyLookups e) {
        return error(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", status.getReasonPhrase(),
                "message", message));
    }
}
