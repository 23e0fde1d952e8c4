package jp.refund.status;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import jp.refund.notice.ApplicantNotices;
import jp.refund.notice.Delivery;
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
    private final ApplicantNotices notices;

    ClaimPages(LookupFlow flow, ApplicantNotices notices) {
        this.flow = flow;
        this.notices = notices;
    }

    /** A notice on the claim page: where it went (masked), where it stands, and its text. */
    record NoticeLine(java.time.LocalDate runDate, String noticeId, String kind, String delivery, String recipient,
                      String state, String reply, String subject, String text) {
    }

    private List<NoticeLine> notices(String claimNo) {
        return notices.ofClaim(claimNo).stream().map(n -> new NoticeLine(n.runDate(), n.notice().noticeId(),
                n.notice().kind().name(), n.notice().delivery().name(), n.notice().delivery() == Delivery.EMAIL
                ? Masking.email(n.notice().recipient()) : Masking.postalLine(n.notice().recipient()), n.state(),
                n.reply(), n.subject(), n.text())).toList();
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
            model.addAttribute("notices", notices(claims.get(0).claimNo()));
            return "claim";
        } catch (ClaimLookup.BadQuery e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
