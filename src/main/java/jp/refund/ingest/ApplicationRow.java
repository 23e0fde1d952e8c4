package jp.refund.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A refund application, as claim reads it from the application table: account fields
 * only for BANK, mailing fields only for POSTAL.
 *
 * <p>Not ingest's model any more (ingest keeps rows through their declared columns,
 * {@code FeedLayout}): kept only while {@code claim} and {@code identity} import it,
 * until they have their own model; delete it then.
 */
public record ApplicationRow(String applicationId, String channel, OffsetDateTime submittedAt, String payoutMethod,
                             String bankCode, String branchCode, String accountType, String accountNumber,
                             String yuchoSymbol, String yuchoNumber, String accountHolderKana,
                             String recipientName, String postalCode, String address,
                             String email, String phone,
                             String memberId,
                             String familyName, String givenName, String familyNameKana, String givenNameKana,
                             LocalDate birthDate) {

    public static final String APP = "APP";
    public static final String WEB = "WEB";
}
