package jp.refund.staff;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** AUDITOR: the security events, a page at a time (newest first), as JSON, and exported as CSV. */
@Controller
class SecurityEventPages {

    static final int PAGE = 100;
    private final SecurityEvents events;

    SecurityEventPages(SecurityEvents events) {
        this.events = events;
    }

    @GetMapping("/audit/events")
    String page(@RequestParam(required = false) Long before, Model model) {
        List<SecurityEvents.Entry> entries = events.page(before, PAGE);
        model.addAttribute("entries", entries);
        model.addAttribute("next", entries.size() == PAGE ? entries.get(entries.size() - 1).id() : null);
        return "events";
    }

    @GetMapping(value = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<SecurityEvents.Entry> api(@RequestParam(required = false) Long before) {
        return events.page(before, PAGE);
    }

    @GetMapping("/audit/events.csv")
    ResponseEntity<String> csv() {
        StringBuilder csv = new StringBuilder("occurred_at,event,username,client,outcome,detail\n");
        Long before = null;
        for (List<SecurityEvents.Entry> page = events.page(null, 1000); !page.isEmpty(); page = events.page(before, 1000)) {
            for (SecurityEvents.Entry e : page) {
                csv.append(CsvCells.row(e.occurredAt(), e.event(), e.username(), e.client(), e.outcome(), e.detail()));
            }
            before = page.get(page.size() - 1).id();
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=security-events.csv")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.toString());
    }
}
