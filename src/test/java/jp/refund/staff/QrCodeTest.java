package jp.refund.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The enrolment page's QR code is what an authenticator app reads: the otpauth URI with the new key. */
class QrCodeTest {

    @Test
    void theQrCodeCarriesTheOtpauthUri() throws Exception {
        String secret = Totp.newSecret();
        String uri = Totp.otpauthUri("refund-batch", "alice", secret);
        String dataUri = TotpPages.qrDataUri(uri);
        byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(read).isEqualTo(uri).contains("secret=" + secret);
    }

    @Test
    void recoveryCodesAreTenDistinctAndStoredOnlyAsHashes() {
        var codes = TotpPages.recoveryCodes();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(TotpPages.recoveryHash(codes.get(0))).hasSize(64).isEqualTo(TotpPages.recoveryHash(
                " " + codes.get(0).toUpperCase() + " ")).doesNotContain(codes.get(0));
    }
}
