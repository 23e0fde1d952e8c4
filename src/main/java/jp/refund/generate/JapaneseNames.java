package jp.refund.generate;

import java.util.SplittableRandom;

/** Common Japanese family and given names with their readings, for synthetic members. */
final class JapaneseNames {

    record Name(String kanji, String kana) {
    }

    static final Name[] FAMILY = names(
            "佐藤:サトウ", "鈴木:スズキ", "高橋:タカハシ", "田中:タナカ", "伊藤:イトウ", "渡辺:ワタナベ", "山本:ヤマモト",
            "中村:ナカムラ", "小林:コバヤシ", "加藤:カトウ", "吉田:ヨシダ", "山田:ヤマダ", "佐々木:ササキ", "山口:ヤマグチ",
            "松本:マツモト", "井上:イノウエ", "木村:キムラ", "林:ハヤシ", "斎藤:サイトウ", "清水:シミズ", "山崎:ヤマザキ",
            "森:モリ", "池田:イケダ", "橋本:ハシモト", "阿部:アベ", "石川:イシカワ", "山下:ヤマシタ", "中島:ナカジマ",
            "石井:イシイ", "小川:オガワ", "前田:マエダ", "岡田:オカダ", "長谷川:ハセガワ", "藤田:フジタ", "後藤:ゴトウ",
            "近藤:コンドウ", "村上:ムラカミ", "遠藤:エンドウ", "青木:アオキ", "坂本:サカモト", "斉藤:サイトウ", "福田:フクダ",
            "太田:オオタ", "西村:ニシムラ", "藤井:フジイ", "金子:カネコ", "岡本:オカモト", "藤原:フジワラ", "中野:ナカノ",
            "三浦:ミウラ", "原田:ハラダ", "中川:ナカガワ", "松田:マツダ", "竹内:タケウチ", "小野:オノ", "田村:タムラ",
            "中山:ナカヤマ", "和田:ワダ", "石田:イシダ", "森田:モリタ", "上田:ウエダ", "原:ハラ", "内田:ウチダ", "柴田:シバタ",
            "酒井:サカイ", "宮崎:ミヤザキ", "横山:ヨコヤマ", "高木:タカギ", "安藤:アンドウ", "宮本:ミヤモト", "大野:オオノ",
            "小島:コジマ", "工藤:クドウ", "髙橋:タカハシ", "渡邉:ワタナベ", "齋藤:サイトウ", "﨑山:サキヤマ", "野口:ノグチ");

    static final Name[] GIVEN = names(
            "太郎:タロウ", "一郎:イチロウ", "翔:ショウ", "大輔:ダイスケ", "健太:ケンタ", "拓也:タクヤ", "直人:ナオト",
            "陽介:ヨウスケ", "蓮:レン", "悠真:ユウマ", "湊:ミナト", "大和:ヤマト", "翔太:ショウタ", "健一:ケンイチ",
            "誠:マコト", "聡:サトシ", "剛:ツヨシ", "隆:タカシ", "浩:ヒロシ", "修:オサム", "勇気:ユウキ", "翼:ツバサ",
            "亮:リョウ", "淳:ジュン", "徹:トオル", "花子:ハナコ", "美咲:ミサキ", "さくら:サクラ", "由美:ユミ", "優子:ユウコ",
            "陽菜:ヒナ", "結衣:ユイ", "七海:ナナミ", "愛:アイ", "葵:アオイ", "凛:リン", "美穂:ミホ", "恵:メグミ",
            "京子:キョウコ", "洋子:ヨウコ", "幸子:サチコ", "真由美:マユミ", "久美子:クミコ", "智子:トモコ", "直美:ナオミ",
            "明美:アケミ", "千尋:チヒロ", "彩:アヤ", "舞:マイ", "瞳:ヒトミ", "美樹:ミキ", "由紀:ユキ", "麻衣:マイ",
            "杏:アン", "莉子:リコ", "芽衣:メイ", "結菜:ユナ", "心愛:ココア", "ジョン:ジョン", "マリア:マリア");

    private static Name[] names(String... pairs) {
        Name[] names = new Name[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            String[] p = pairs[i].split(":");
            names[i] = new Name(p[0], p[1]);
        }
        return names;
    }

    static Name family(SplittableRandom random) {
        return pick(FAMILY, random);
    }

    static Name given(SplittableRandom random) {
        return pick(GIVEN, random);
    }

    /** Common names far more often than rare ones, as in a real registry. */
    private static Name pick(Name[] names, SplittableRandom random) {
        double u = random.nextDouble();
        return names[(int) (u * u * names.length)];
    }

    private JapaneseNames() {
    }
}
