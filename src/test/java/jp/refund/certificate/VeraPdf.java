package jp.refund.certificate;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF (its own "greenfield" parser, not PDFBox) checking a PDF against PDF/A-2b
 * (ISO 19005-2, level B). Test code: what a counter or an archive would run on a certificate.
 */
public final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /**
     * The PDF/A-2b rules the document breaks, as {@code "<clause>-<test>: <what the rule says> (<n> time(s))"},
     * sorted by rule; empty when the document is compliant.
     */
    public static List<String> pdfA2bFailures(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, String> messages = new TreeMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    messages.putIfAbsent(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber(),
                            a.getMessage());
                }
            }
            Map<String, String> failed = new TreeMap<>();
            result.getFailedChecks().forEach((rule, count) -> {
                String id = rule.getClause() + "-" + rule.getTestNumber();
                failed.put(id, id + ": " + messages.getOrDefault(id, "") + " (" + count + " time(s))");
            });
            if (!result.isCompliant() && failed.isEmpty()) {
                failed.put("?", "not compliant, no failed rule reported");
            }
            return List.copyOf(failed.values());
        } catch (Exception e) {
            return List.of("not readable as PDF/A-2b: " + e);
        }
    }
}
