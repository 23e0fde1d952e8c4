package jp.refund.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** FINANCE: the nights run and their files. AUDITOR: the lookup log, to view and to export. */
@Controller
class StaffPages {

    record NightFiles(LocalDate runDate, OffsetDateTime completedAt, List<String> files) {
    }

    private final JdbcTemplate jdbc;
    private final LookupGuard guard;
    private final StatusSettings settings;

    StaffPages(JdbcTemplate jdbc, LookupGuard guard, StatusSettings settings) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.settings = settings;
    }

    List<NightFiles> nights() {
        return jdbc.query("SELECT run_date, completed_at FROM night ORDER BY run_date DESC", (rs, i) -> {
            LocalDate d = rs.getObject(1, LocalDate.class);
            return new NightFiles(d, rs.getObject(2, OffsetDateTime.class), files(d));
        });
    }

    /** The files of a night as its manifest lists them. */
    private List<String> files(LocalDate runDate) {
        Path manifest = Path.of(settings.outputDir()).resolve(runDate.toString()).resolve("MANIFEST.sha256");
        if (!Files.exists(manifest)) {
            return List.of();
        }
        try {
            List<String> files = new ArrayList<>();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String file = line.length() > 66 ? line.substring(66) : line;
                if (!file.startsWith("certificates/P")) { // thousands of PDFs: the mailing list stands for them
                    files.add(file);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/finance/nights")
    String nights(Model model) {
        model.addAttribute("nights", nights());
        return "nights";
    }

    @GetMapping(value = "/api/nights", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<NightFiles> nightsApi() {
        return nights();
    }

    @GetMapping("/audit/lookups")
    String lookups(Model model) {
        model.addAttribute("entries", guard.entries(500));
        return "lookups";
    }

    @GetMapping(value = "/api/lookups", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<LookupGuard.LogEntry> lookupsApi() {
        return guard.entries(500);
    }

    @GetMapping("/audit/lookups.csv")
    ResponseEntity<String> lookupsCsv() {
        StringBuilder csv = new StringBuilder("looked_at,username,query_kind,query_value,results,outcome\n");
        for (LookupGuard.LogEntry e : guard.entries(100_000)) {
            csv.append(e.lookedAt()).append(',').append(quote(e.username())).append(',').append(e.kind()).append(',')
                    .append(quote(e.query())).append(',').append(e.results()).append(',').append(e.outcome()).append('\n');
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=lookup-log.csv")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.toString());
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        return s.matches("[^,\"\\n\\r]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @ExceptionHandler(LookupGuard.TooManyLookups.class)
    ResponseEntity<String> tooMany(LookupGuard.TooManyLookups e) {
        return ResponseEntity.status(429).body(e.getMessage());
    }
}
