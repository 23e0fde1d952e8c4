package jp.refund.notice;

import java.util.Optional;
import java.util.Set;
import jp.refund.claim.ClaimReason;
import jp.refund.claim.DecisionSettings;
import jp.refund.shared.Window;
import org.springframework.stereotype.Component;

/**
 * The incident's rule for whom a notice may reach, in this one place (SPEC section 9):
 * <ul>
 *   <li>only contact data of the ID registry ({@link RegisteredContact}); an application's
 *       e-mail, phone or address is never an argument here, so it cannot become a recipient;</li>
 *   <li>a member whose e-mail or phone changed during the incident window may have the attacker's
 *       e-mail on file: the notice is a {@link Delivery#LETTER} to the registered postal address;</li>
 *   <li>a claim with no identified member (unknown member, identity not found or ambiguous) gets
 *       nothing: there is nobody we know to tell.</li>
 * </ul>
 */
@Component
public class Recipients {

    /** Reasons that say the claim's member was never identified, whatever member id it carries. */
    static final Set<String> UNIDENTIFIED = Set.of(ClaimReason.UNKNOWN_MEMBER.name(),
            ClaimReason.IDENTITY_NOT_FOUND.name(), ClaimReason.IDENTITY_AMBIGUOUS.name());

    private final Window incidentWindow;

    @org.springframework.beans.factory.annotation.Autowired
    Recipients(DecisionSettings settings) {
        this(settings.incidentWindow());
    }

    /** The rule for this incident window (tests). */
    Recipients(Window incidentWindow) {
        this.incidentWindow = incidentWindow;
    }

    /**
     * Where a notice about a claim goes: {@code registered} is the claim's member as the registry
     * held it on the night (null: no such member), {@code claimReasons} the claim's reason codes.
     */
    Optional<Recipient> of(RegisteredContact registered, String claimReasons) {
        return ofIdentified(registered == null ? null : ofMember(registered), claimReasons);
    }

    /** Where a member's notices go: the registered e-mail, or a letter after a contact change in the incident. */
    Recipient ofMember(RegisteredContact registered) {
        if (incidentWindow.contains(registered.contactChangedAt())) {
            return new Recipient(Delivery.LETTER, postalLine(registered));
        }
        return new Recipient(Delivery.EMAIL, registered.email().strip());
    }

    /**
     * A claim's notices go to its member's recipient ({@link #ofMember}; null: the registry had no
     * such member that night) unless the claim's reasons say that member was never identified.
     */
    Optional<Recipient> ofIdentified(Recipient member, String claimReasons) {
        if (member == null || unidentified(claimReasons)) {
            return Optional.empty();
        }
        return Optional.of(member);
    }

    private static boolean unidentified(String reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return false;
        }
        for (String code : reasons.split(";")) {
            if (UNIDENTIFIED.contains(code)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 〒123-4567 東京都千代田区丸の内1-1}: the registered postal code and address. */
    static String postalLine(RegisteredContact registered) {
        String digits = registered.postalCode().replaceAll("[^0-9]", "");
        String code = digits.length() == 7 ? digits.substring(0, 3) + "-" + digits.substring(3) : digits;
        return "〒" + code + " " + registered.address();
    }
}
