package jp.refund.status;

import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The support agent's pages: the search form, the results, one claim. */
@Controller
class ClaimPages {

    private final ClaimLookup lookup;
    private final LookupGuard guard;

    ClaimPages(ClaimLookup lookup, LookupGuard guard) {
        this.lookup = lookup;
        this.guard = guard;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String search(Model model) {
        model.addAttribute("kinds", ClaimLookup.KINDS);
        model.addAttribute("kind", "claimNo");
        return "search";
    }

    @GetMapping("/claims")
    String find(@RequestParam(defaultValue = "claimNo") String kind, @RequestParam(defaultValue = "") String q,
                Principal user, Model model) {
        model.addAttribute("kinds", ClaimLookup.KINDS);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        guard.admit(user.getName(), kind, q);
        try {
            List<ClaimView> claims = lookup.find(kind, q);
            guard.log(user.getName(), kind, q, claims.size(), claims.isEmpty() ? "NOT_FOUND" : "OK");
            if (claims.size() == 1) {
                return "redirect:/claims/" + claims.get(0).claimNo();
            }
            model.addAttribute("claims", claims);
        } catch (ClaimLookup.BadQuery e) {
            guard.log(user.getName(), kind, q, 0, "BAD_REQUEST");
            model.addAttribute("error", e.getMessage());
        }
        return "search";
    }

    @GetMapping("/claims/{claimNo}")
    String claim(@PathVariable String claimNo, Principal user, Model model) {
        guard.admit(user.getName(), "claimNo", claimNo);
        try {
            ClaimView claim = lookup.byClaimNo(claimNo).orElse(null);
            guard.log(user.getName(), "claimNo", claimNo, claim == null ? 0 : 1, claim == null ? "NOT_FOUND" : "OK");
            if (claim == null) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no claim " + claimNo);
            }
            model.addAttribute("claim", claim);
            return "claim";
        } catch (ClaimLookup.BadQuery e) {
            guard.log(user.getName(), "claimNo", claimNo, 0, "BAD_REQUEST");
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
