package org.law12348.ticketing;

import java.util.List;

/**
 * The fields of law consultants declare and questions fall into. A question's category is guessed
 * from its words (citizens don't pick one), which is good enough to sort the pool by a consultant's
 * fields; who may answer is decided by business type and region, never by this guess.
 */
public enum LegalCategory {
    LABOR("劳动争议", List.of("工资", "欠薪", "劳动", "辞退", "加班", "社保", "工伤", "裁员", "经济补偿", "劳务")),
    MARRIAGE_FAMILY("婚姻家庭", List.of("离婚", "结婚", "抚养", "彩礼", "夫妻", "老公", "老婆", "丈夫", "妻子", "家暴", "赡养")),
    TRAFFIC_ACCIDENT("交通事故", List.of("交通事故", "车祸", "撞", "交警", "肇事", "驾驶")),
    DEBT("借贷债务", List.of("借钱", "欠钱", "借款", "欠款", "还款", "借条", "利息", "债务")),
    HOUSING("房产物业", List.of("房子", "房屋", "物业", "租房", "房东", "租金", "押金", "拆迁", "宅基地", "装修")),
    INHERITANCE("继承", List.of("继承", "遗产", "遗嘱", "去世", "过世")),
    CONTRACT("合同纠纷", List.of("合同", "违约", "定金", "协议")),
    CRIMINAL("刑事", List.of("报警", "诈骗", "盗窃", "坐牢", "判刑", "拘留", "犯罪", "取保")),
    CONSUMER("消费维权", List.of("退款", "退货", "商家", "消费", "假货", "网购", "预付卡")),
    OTHER("其他", List.of());

    private final String chineseName;
    private final List<String> keywords;

    LegalCategory(String chineseName, List<String> keywords) {
        this.chineseName = chineseName;
        this.keywords = keywords;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The category whose words the text uses most; OTHER when none match. */
    public static LegalCategory guess(String text) {
        LegalCategory best = OTHER;
        int bestHits = 0;
        for (LegalCategory category : values()) {
            int hits = 0;
            for (String keyword : category.keywords) {
                if (text.contains(keyword)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                best = category;
                bestHits = hits;
            }
        }
        return best;
    }
}
