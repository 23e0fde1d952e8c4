package jp.refund.status;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The support agent's pages: the search form, the results, one claim — through the same {@link LookupFlow} as the API. */
@Controller
class ClaimPages {

    private final LookupFlow flow;

    ClaimPages(LookupFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/")
    String search(Model model) {
        model.addAttribute("kinds", ClaimLookup.KINDS);
        model.addAttribute("kind", "claimNo");
        return "search";
    }

    @GetMapping("/claims")
    String find(@RequestParam(defaultValue = "claimNo") String kind, @RequestParam(defaultValue = "") String q,
                Principal user, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("kinds", ClaimLookup.KINDS);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q.length() > LookupFlow.MAX_QUERY ? q.substring(0, LookupFlow.MAX_QUERY) : q);
        try {
            List<ClaimView> claims = flow.find(user.getName(), request.getRemoteAddr(), kind, q);
            if (claims.size() == 1) {
                return "redirect:/claims/" + claims.get(0).claimNo();
            }
            model.addAttribute("claims", claims);
        } catch (ClaimLookup.BadQuery e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
        }
        return "search";
    }

    @GetMapping("/claims/{claimNo}")
    String claim(@PathVariable String claimNo, Principal user, HttpServletRequest request, Model model) {
        try {
            List<ClaimView> claims = flow.find(user.getName(), request.getRemoteAddr(), "claimNo", claimNo);
            if (claims.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no claim");
            }
            model.addAttribute("claim", claims.get(0));
            return "claim";
        } catch (ClaimLookup.BadQuery e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
