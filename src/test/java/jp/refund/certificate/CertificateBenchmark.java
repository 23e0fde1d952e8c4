package jp.refund.certificate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders N certificates and prints certificates per second and average size, for the
 * way the batch renders them (font parsed once per thread, GSUB off, subset embedded,
 * deflate level 1) and for the naive way (font file loaded for every document, PDFBox's
 * defaults), on the same threads.
 * Run with {@code bench/certificates.sh [N] [THREADS]}; not a unit test.
 */
public final class CertificateBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        CertificateIssuer issuer = new CertificateIssuer("ウォレット残高払戻事務局", "お問い合わせ 0120-000-000（平日 9:00〜18:00）");
        CertificateRenderer ours = new CertificateRenderer(issuer);
        CertificateRenderer naive = new CertificateRenderer(issuer, CertificateRenderer.FontLoading.FILE_PER_DOCUMENT);
        System.out.printf("certificate benchmark: %d certificates, %d thread(s), %d cores, max heap %d MB%n", n, threads,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Result coldOurs = run(ours, Math.min(n, 200), threads);
        System.out.printf("  batch renderer, cold (first %d)   : %7.1f certificates/s%n", Math.min(n, 200), coldOurs.rate());
        // plain PDFBox: its own defaults, zlib's default deflate level included
        String level = System.clearProperty(org.apache.pdfbox.filter.Filter.SYSPROP_DEFLATELEVEL);
        Result naiveRun = run(naive, Math.max(50, n / 10), threads);
        if (level != null) {
            System.setProperty(org.apache.pdfbox.filter.Filter.SYSPROP_DEFLATELEVEL, level);
        }
        System.out.printf("  naive (font file per document)     : %7.1f certificates/s, %6.1f KB each (%d docs)%n",
                naiveRun.rate(), naiveRun.averageKb(), naiveRun.count());
        Result warm = run(ours, n, threads);
        System.out.printf("  batch renderer, warm               : %7.1f certificates/s, %6.1f KB each (%d docs)%n",
                warm.rate(), warm.averageKb(), warm.count());
        System.out.printf("  speed-up over naive                : %7.1fx%n", warm.rate() / naiveRun.rate());
    }

    record Result(int count, double seconds, long bytes) {
        double rate() {
            return count / seconds;
        }

        double averageKb() {
            return bytes / 1024.0 / count;
        }
    }

    static Result run(CertificateRenderer renderer, int n, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int serial = 100_000_001 + i;
            futures.add(pool.submit(() -> {
                PayoutCertificate c = new PayoutCertificate(jp.refund.claim.SerialNumber.CERTIFICATE_NUMBER.of(serial),
                        jp.refund.claim.SerialNumber.CLAIM_NUMBER.of(serial), SAMPLE_NAMES[serial % SAMPLE_NAMES.length], "1000001",
                        SAMPLE_ADDRESSES[serial % SAMPLE_ADDRESSES.length], 1000 + serial % 50_000,
                        LocalDate.of(2019, 11, 15), LocalDate.of(2020, 5, 15));
                bytes.addAndGet(renderer.render(c).length);
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(n, seconds, bytes.get());
    }

    static final String[] SAMPLE_NAMES = {"山田 太郎", "佐藤 花子", "鈴木 一郎", "髙橋 美咲", "渡邉 翔太", "伊藤 さくら",
            "中村 健", "小林 由美子", "加藤 大輔", "吉田 七海"};
    static final String[] SAMPLE_ADDRESSES = {"東京都千代田区千代田1-1", "大阪府大阪市北区梅田1-1-1",
            "愛知県名古屋市中区栄3-4-5 栄ビル5階", "北海道札幌市中央区北一条西4-1", "福岡県福岡市中央区天神2-2-2",
            "神奈川県横浜市西区高島2-1-1 横浜タワー1203号室"};
}
