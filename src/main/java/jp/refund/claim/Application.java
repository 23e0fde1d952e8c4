package jp.refund.claim;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A refund application as the decisions see it (APP or WEB). Account fields are set only
 * for BANK, mailing fields only for POSTAL; the registry fields (name, kana, birth date)
 * only for WEB, where the applicant typed them; {@code memberId} only for APP.
 */
public record Application(String applicationId, Channel channel, OffsetDateTime submittedAt,
                          PayoutMethod payoutMethod, String bankCode, String branchCode, String accountType,
                          String accountNumber, String yuchoSymbol, String yuchoNumber, String accountHolderKana,
                          String recipientName, String postalCode, String address, String email, String phone,
                          String memberId, String familyName, String givenName, String familyNameKana,
                          String givenNameKana, LocalDate birthDate) {
}
