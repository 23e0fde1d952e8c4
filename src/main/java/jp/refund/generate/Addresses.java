package jp.refund.generate;

import java.util.SplittableRandom;

/** Plausible Japanese addresses with matching postal code prefixes. */
final class Addresses {

    private record City(String postalPrefix, String name, String[] towns) {
    }

    private static final City[] CITIES = {
            new City("100", "東京都千代田区", new String[]{"丸の内", "大手町", "千代田", "神田神保町"}),
            new City("150", "東京都渋谷区", new String[]{"神宮前", "渋谷", "恵比寿", "代々木"}),
            new City("160", "東京都新宿区", new String[]{"西新宿", "新宿", "高田馬場", "四谷"}),
            new City("170", "東京都豊島区", new String[]{"池袋", "南池袋", "巣鴨"}),
            new City("220", "神奈川県横浜市西区", new String[]{"高島", "みなとみらい", "南幸"}),
            new City("231", "神奈川県横浜市中区", new String[]{"山下町", "元町", "関内"}),
            new City("330", "埼玉県さいたま市大宮区", new String[]{"錦町", "桜木町", "大門町"}),
            new City("260", "千葉県千葉市中央区", new String[]{"中央", "富士見", "新町"}),
            new City("460", "愛知県名古屋市中区", new String[]{"栄", "錦", "丸の内"}),
            new City("530", "大阪府大阪市北区", new String[]{"梅田", "曽根崎", "天満"}),
            new City("542", "大阪府大阪市中央区", new String[]{"難波", "心斎橋筋", "道頓堀"}),
            new City("600", "京都府京都市下京区", new String[]{"烏丸通塩小路下ル東塩小路町", "四条通", "河原町"}),
            new City("650", "兵庫県神戸市中央区", new String[]{"東川崎町", "三宮町", "元町通"}),
            new City("730", "広島県広島市中区", new String[]{"基町", "紙屋町", "八丁堀"}),
            new City("810", "福岡県福岡市中央区", new String[]{"天神", "大名", "赤坂"}),
            new City("060", "北海道札幌市中央区", new String[]{"北一条西", "南三条西", "大通西"}),
            new City("980", "宮城県仙台市青葉区", new String[]{"中央", "一番町", "国分町"}),
            new City("900", "沖縄県那覇市", new String[]{"おもろまち", "久茂地", "松山"}),
            new City("380", "長野県長野市", new String[]{"栗田", "南県町", "大門町"}),
            new City("920", "石川県金沢市", new String[]{"木ノ新保町", "香林坊", "片町"}),
    };

    record Address(String postalCode, String text) {
    }

    static Address random(SplittableRandom random) {
        City city = CITIES[random.nextInt(CITIES.length)];
        String town = city.towns[random.nextInt(city.towns.length)];
        String postal = city.postalPrefix + String.format("%04d", random.nextInt(10000));
        StringBuilder address = new StringBuilder(city.name).append(town).append(1 + random.nextInt(9)).append('-')
                .append(1 + random.nextInt(30)).append('-').append(1 + random.nextInt(20));
        if (random.nextInt(4) == 0) {
            address.append(' ').append(JapaneseNames.family(random).kanji()).append("マンション")
                    .append(100 + random.nextInt(900)).append("号室");
        }
        return new Address(postal.substring(0, 3) + "-" + postal.substring(3), address.toString());
    }

    private Addresses() {
    }
}
