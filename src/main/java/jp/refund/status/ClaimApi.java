package jp.refund.status;

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
 * the same information as the pages, as JSON. 404 for an unknown claim number, 400 for a
 * malformed query (or none, or more than one parameter), 429 beyond the rate limit.
 */
@RestController
@RequestMapping("/api")
class ClaimApi {

    private final ClaimLookup lookup;
    private final LookupGuard guard;

    ClaimApi(ClaimLookup lookup, LookupGuard guard) {
        this.lookup = lookup;
        this.guard = guard;
    }

    @GetMapping("/claims/{claimNo}")
    ResponseEntity<?> claim(@PathVariable String claimNo, Principal user) {
        guard.admit(user.getName(), "claimNo", claimNo);
        try {
            return lookup.byClaimNo(claimNo).<ResponseEntity<?>>map(c -> {
                guard.log(user.getName(), "claimNo", claimNo, 1, "OK");
                return ResponseEntity.ok(c);
            }).orElseGet(() -> {
                guard.log(user.getName(), "claimNo", claimNo, 0, "NOT_FOUND");
                return error(HttpStatus.NOT_FOUND, "no claim " + claimNo);
            });
        } catch (ClaimLookup.BadQuery e) {
            guard.log(user.getName(), "claimNo", claimNo, 0, "BAD_REQUEST");
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @GetMapping("/claims")
    ResponseEntity<?> find(@RequestParam Map<String, String> params, Principal user) {
        if (params.size() != 1 || !List.of("applicationId", "memberId", "phone", "email")
                .contains(params.keySet().iterator().next())) {
            guard.log(user.getName(), "invalid", String.join(",", params.keySet()), 0, "BAD_REQUEST");
            return error(HttpStatus.BAD_REQUEST, "give exactly one of applicationId, memberId, phone, email");
        }
        Map.Entry<String, String> query = params.entrySet().iterator().next();
        guard.admit(user.getName(), query.getKey(), query.getValue());
        try {
            List<ClaimView> claims = lookup.find(query.getKey(), query.getValue());
            guard.log(user.getName(), query.getKey(), query.getValue(), claims.size(), claims.isEmpty() ? "NOT_FOUND" : "OK");
            return ResponseEntity.ok(Map.of("claims", claims, "count", claims.size()));
        } catch (ClaimLookup.BadQuery e) {
            guard.log(user.getName(), query.getKey(), query.getValue(), 0, "BAD_REQUEST");
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @ExceptionHandler(LookupGuard.TooManyLookups.class)
    ResponseEntity<?> tooMany(LookupGuard.TooManyLookups e) {
        return error(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", status.getReasonPhrase(),
                "message", message));
    }
}
