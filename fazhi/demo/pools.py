"""Each demo township's own titles: the documents it issues and the ones it issued before, its contracts, its major
decisions, its enforcement trainings and inspections, the congress presidium's inspections, the trainings of its
法律明白人, the lessons in its schools, its online publicity and the meetings it holds on other business.

A reviewer reading the three demo reports side by side must not find the same document, contract or decision in
two townships: the pools share no title, and each follows the township's character — 青山镇 a market town with a
tea industry park (特色产业园区、茶叶), 河口镇 a riverside town (滨江、集镇、渡口), 云岭乡 a mountain township of
forests (山区、林业、森林防火). ``{t}`` is the township's full name (青山镇), ``{s}`` its short name (青山).
"""
from __future__ import annotations

from fazhi.publicity.models import Campaign
from fazhi.schools.models import LessonKind
from fazhi.supervision.models import InspectionKind

POOLS: dict[str, dict[str, tuple]] = {
    "SFX01": {
        # 行政规范性文件 of the demo years (and of the running year's work in flight)
        "documents": (
            "{t}茶叶产业园区企业入驻管理办法", "{t}茶园病虫害统防统治补助实施办法", "{t}特色产业园区安全生产管理规定",
            "{t}茶叶加工小作坊规范管理办法", "{t}农村人居环境整治“门前三包”责任制实施办法", "{t}村级小微权力清单管理办法",
            "{t}农村建房管理实施细则", "{t}村（社区）网格化服务管理办法", "{t}城乡居民低保动态管理办法",
            "{t}产业园区道路及公共设施管护办法", "{t}茶旅融合示范点奖补办法", "{t}村级集体经济发展项目资金管理办法",
            "{t}农村集体“三资”管理办法", "{t}移风易俗红白理事会管理办法", "{t}园区企业用工服务管理办法",
            "{t}集镇临时占道审批管理规定", "{t}高标准茶园建后管护办法", "{t}农村“厕所革命”奖补实施办法",
            "{t}茶青交易市场管理暂行规定", "{t}产业园区环境卫生管理规定", "{t}土地流转风险保障金管理办法",
        ),
        # issued in the four years before the demo: the stock the clean-up repeals from (its size is the township's)
        "old_documents": (
            "{t}集镇规划区建设管理暂行规定", "{t}茶叶市场交易管理暂行办法", "{t}村级财务管理规定",
            "{t}农村宅基地管理暂行办法", "{t}工业集中区企业服务管理办法", "{t}集镇环境卫生管理办法",
            "{t}农村土地承包经营权流转管理办法", "{t}村民建房安全管理规定", "{t}茶园基地建设奖补办法",
            "{t}村级集体经济发展奖励办法", "{t}农贸市场管理暂行办法",
        ),
        # (title, counterparty, handling unit, amount in 元)
        "contracts": (
            ("{t}茶叶产业园区道路维修工程施工合同", "某路桥工程有限公司", "经济发展办", 236000),
            ("{t}政府法律顾问服务合同", "示范县正衡律师事务所", "司法所", 30000),
            ("{t}茶园病虫害统防统治服务合同", "某植保专业合作社", "农业综合服务中心", 88000),
            ("{t}便民服务中心物业服务合同", "某物业管理有限公司", "党政办", 52000),
            ("{t}产业园区污水处理设施运维协议", "某环保工程有限公司", "经济发展办", 146000),
            ("{t}集镇绿化养护合同", "某园林绿化有限公司", "村镇建设办", 64000),
            ("{t}茶叶公共品牌宣传推广服务合同", "某文化传媒有限公司", "经济发展办", 45000),
            ("{t}村道保洁服务合同", "某环境卫生服务有限公司", "村镇建设办", 86000),
            ("{t}农村公路养护协议", "某路桥养护有限公司", "交通办", 210000),
            ("{t}办公设备采购合同", "某科技有限公司", "党政办", 43500),
        ),
        # the running year's contracts: a draft, one in review, one about to expire
        "open_contracts": (
            ("{t}茶叶交易中心改造工程施工合同", "某建筑工程有限公司", "经济发展办", 368000),
            ("{t}产业园区垃圾清运服务合同", "某环境工程有限公司", "村镇建设办", 96000),
            ("{t}机关食堂食材配送合同", "某农产品配送有限公司", "党政办", 48000),
        ),
        "decisions": (
            "{t}茶叶产业园区二期建设规划", "{t}集镇农贸市场搬迁改造方案", "{t}茶旅融合发展规划（2025—2030年）",
            "{t}特色产业园区基础设施提升方案", "{t}老茶园低产改造实施方案", "{t}集体经营性建设用地入市方案",
            "{t}农村生活垃圾收运处置体系建设方案", "{t}城乡公交一体化实施方案", "{t}茶叶公共品牌建设方案",
            "{t}产业园区标准化厂房租赁方案", "{t}茶园机耕道建设实施方案", "{t}高标准茶园建设实施方案",
            "{t}园区道路和管网配套工程实施方案", "{t}茶叶初制加工厂集中改造方案",
        ),
        "enforcement_trainings": (
            "《行政处罚法》专题培训", "行政执法三项制度培训", "产业园区安全生产执法实务培训", "执法文书制作规范培训",
            "行政执法证据收集与固定培训", "茶叶加工小作坊监管执法培训",
        ),
        "enforcement_place": "特色产业园区、集镇主街道",
        "enforcement_inspections": (
            "产业园区企业执法检查规范化现场检查", "集镇市容执法规范化现场检查", "茶青交易市场执法公示落实情况现场检查",
            "执法人员持证上岗、执法记录仪使用情况现场检查", "违法建设巡查执法现场检查", "茶叶加工作坊安全生产执法现场检查",
        ),
        # (kind, subject, findings) of the presidium's inspections
        "presidium": (
            (InspectionKind.LAW_CHECK, "《中华人民共和国安全生产法》在特色产业园区贯彻实施情况执法检查",
             "部分企业安全生产台账不完整，应急演练开展不足"),
            (InspectionKind.VISIT, "茶叶产业园区建设项目视察", "园区道路排水不畅，部分标准化厂房闲置"),
            (InspectionKind.EVALUATION, "便民服务中心依法行政工作评议", "个别窗口一次性告知不到位，群众多次往返"),
            (InspectionKind.SURVEY, "茶产业发展和茶农增收专题调研", "茶青收购价格波动大，茶农组织化程度不高"),
            (InspectionKind.LAW_CHECK, "《中华人民共和国土地管理法》贯彻实施情况执法检查",
             "部分村宅基地审批资料归档不全；两处违法占地未及时制止"),
        ),
        # (topic, online) of the 法律明白人 trainings
        "liaison_trainings": (
            ("法律明白人履职能力培训", False), ("茶叶购销合同纠纷以案释法培训", False), ("民法典重点条文解读培训", False),
            ("劳动合同法律知识培训", True), ("产业园区劳动用工法律知识培训", False),
        ),
        "lessons": (
            (LessonKind.LESSON, "预防校园欺凌法治课"), (LessonKind.LECTURE, "未成年人保护法专题讲座"),
            (LessonKind.MOOT_COURT, "网络游戏充值纠纷模拟法庭"), (LessonKind.PRACTICE, "“宪法卫士”法治实践活动"),
            (LessonKind.COUNSELLING, "《家庭教育促进法》家长课堂"),
        ),
        # (campaign, (month, day), title) of the online publicity
        "online": (
            (Campaign.CIVIL_CODE_MONTH, (5, 10), "“法润{s}”微信公众号民法典每日一讲"),
            (Campaign.NATIONAL_SECURITY, (4, 15), "全民国家安全教育日网络知识竞答"),
            (Campaign.ANTI_FRAUD, (8, 20), "“反诈进茶园”短视频推送"),
            (Campaign.ANTI_DRUG, (6, 26), "禁毒知识线上有奖答题"),
            (Campaign.CONSTITUTION_WEEK, (12, 4), "宪法知识网络答题活动"),
            (Campaign.OTHER, (3, 20), "“以案释法”微信公众号专栏"),
            (Campaign.TO_ENTERPRISES, (9, 15), "园区企业劳动用工法律直播课"),
            (Campaign.SPRING_FESTIVAL, (1, 20), "春节返乡人员法治提醒短信推送"),
        ),
        "other_meetings": ("研究茶叶产业园区招商引资工作", "研究乡村振兴衔接资金项目安排"),
        # the township's own publicity series of the latest year: (series, organiser, budget in 元, issues, places,
        # topics); a meeting early in the year launches it and the budget carries it (fazhi/demo/initiative.py)
        "initiative": ("“茶乡法治讲堂”", "司法所、法律顾问", 30000, 6,
                       ("{t}茶叶产业园区培训室", "{v}茶叶专业合作社", "{v}党群服务中心"),
                       ("土地流转纠纷化解", "茶叶购销合同风险防范", "园区企业劳动用工与工伤保险", "茶园农药使用与农产品质量安全",
                        "民间借贷与防范非法集资", "婚姻家庭与老人赡养", "宅基地审批与农村建房")),
        # (kind, issuer, subject, what was done) of the 司法建议 and 检察建议 it receives
        "court_suggestions": (
            ("procuratorial", "示范县人民检察院", "督促整治茶叶产业园区企业安全生产隐患", "已组织园区企业开展隐患排查，整改隐患11处并书面答复"),
            ("judicial", "示范县人民法院", "规范土地流转合同文本和备案管理", "已制定土地流转合同示范文本，在各村推行流转合同备案"),
            ("procuratorial", "示范县人民检察院", "加强茶园周边耕地保护和违法占地查处", "已开展耕地保护专项巡查，立案查处违法占地2起"),
        ),
        # the civil judgments it performs as a party: what it paid, to whom, for what ({p}: the year the works were
        # done, so a claim on an earlier contract is not read as one on this year's contract of the same name)
        "judgments": (
            "履行（{y}）示0421民初{n}号民事判决，向某路桥工程有限公司支付{p}年实施的茶叶产业园区道路维修工程尾款{m}元",
            "履行（{y}）示0421民初{n}号民事调解书，向某植保专业合作社支付茶园统防统治服务费{m}元",
        ),
        # why the head could not appear at a hearing, and who went instead ({h} the head): the township's own staff
        # (行政诉讼法第三条第三款; the 司法所 belongs to the county 司法局, so its head cannot stand in for the township)
        "absences": (
            ("duty", "{h}当日带队处置茶叶产业园区企业火灾险情，委托党政综合办公室工作人员出庭、法律顾问作为代理人出庭"),
            ("duty", "{h}当日参加县委全面依法治县委员会全体会议并作交流发言，委托党政综合办公室工作人员出庭"),
        ),
    },
    "SFX02": {
        "documents": (
            "{t}滨江岸线保洁管理办法", "{t}集镇摊位管理暂行规定", "{t}集镇门面装修和户外招牌管理规定",
            "{t}渡口渡船安全管理办法", "{t}滨江步道及公共设施管护办法", "{t}集镇停车场管理暂行办法",
            "{t}禁渔期河道巡护管理办法", "{t}防汛应急物资储备管理办法", "{t}集镇农贸市场管理办法",
            "{t}老旧小区物业服务管理暂行办法", "{t}农村饮用水工程管护办法", "{t}村级河道巡查管护办法",
            "{t}居民小区电动自行车停放充电管理规定", "{t}殡葬改革实施细则", "{t}水产养殖尾水治理奖补办法",
            "{t}临时救助实施细则", "{t}集镇污水管网接入管理办法", "{t}社区网格员管理办法",
            "{t}滨江夜市经营管理暂行规定", "{t}村（社区）法律顾问工作管理办法", "{t}蔬菜基地土地流转管理办法",
        ),
        "old_documents": (
            "{t}集镇市容市貌管理办法", "{t}河道采砂管理暂行规定", "{t}防汛抢险物资管理办法", "{t}渔船登记管理暂行办法",
            "{t}集镇建设用地管理暂行办法", "{t}码头货物装卸管理暂行规定", "{t}居民生活垃圾分类管理办法",
            "{t}村级财务公开办法",
        ),
        "contracts": (
            ("{t}滨江步道维修工程施工合同", "某市政工程有限公司", "村镇建设办", 318000),
            ("{t}集镇污水管网维护协议", "某水务工程有限公司", "村镇建设办", 128000),
            ("{t}集镇街道保洁和垃圾清运服务合同", "某环境卫生服务有限公司", "村镇建设办", 156000),
            ("{t}滨江岸线绿化养护合同", "某园林绿化有限公司", "村镇建设办", 72000),
            ("{t}防汛物资采购合同", "某商贸有限公司", "应急办", 38000),
            ("{t}农贸市场委托管理协议", "某市场管理有限公司", "经济发展办", 60000),
            ("{t}常年法律顾问聘用协议", "示范县明理律师事务所", "司法所", 28000),
            ("{t}集镇停车场委托运营协议", "某停车服务有限公司", "综合行政执法队", 48000),
            ("{t}机关食堂服务外包合同", "某餐饮管理有限公司", "党政办", 72000),
            ("{t}社区视频监控设备维护合同", "某安防科技有限公司", "综治中心", 26000),
        ),
        "open_contracts": (
            ("{t}渡口候船亭改造工程施工合同", "某建筑工程有限公司", "村镇建设办", 286000),
            ("{t}滨江夜市保洁服务合同", "某环境卫生服务有限公司", "村镇建设办", 54000),
            ("{t}防汛应急抢险队伍服务协议", "某建设工程有限公司", "应急办", 66000),
        ),
        "decisions": (
            "{t}滨江岸线综合整治方案", "{t}集镇停车秩序管理方案", "{t}老旧小区改造实施方案",
            "{t}集镇农贸市场提档升级方案", "{t}滨江夜市规划建设方案", "{t}渡口改桥工程实施方案",
            "{t}集镇雨污管网改造方案", "{t}防洪堤加固工程建设方案", "{t}沙洲蔬菜基地建设方案",
            "{t}水产养殖池塘标准化改造方案", "{t}集镇公共停车场建设方案", "{t}城镇生活垃圾分类实施方案",
            "{t}滨江社区老旧管网改造方案",
        ),
        "enforcement_trainings": (
            "行政执法自由裁量基准适用培训", "集镇市容秩序执法实务培训", "执法记录仪使用和音像资料管理培训",
            "行政执法案卷制作与评查培训", "河道管理与渔政执法协作培训", "文明执法与执法礼仪培训",
        ),
        "enforcement_place": "滨江路、集镇主街道",
        "enforcement_inspections": (
            "滨江夜市占道经营执法现场检查", "集镇停车秩序执法现场检查", "农贸市场执法公示落实情况现场检查",
            "执法车辆和装备使用管理现场检查", "河道岸线违法搭建巡查现场检查", "户外广告设置执法现场检查",
        ),
        "presidium": (
            (InspectionKind.VISIT, "集镇污水管网建设项目视察", "施工围挡不规范，部分路段夜间施工扰民"),
            (InspectionKind.LAW_CHECK, "《中华人民共和国防洪法》贯彻实施情况执法检查", "部分堤段防汛物资储备不足，巡堤查险记录不全"),
            (InspectionKind.SURVEY, "集镇农贸市场管理专题调研", "市场周边占道经营反弹，摊位划分不合理"),
            (InspectionKind.EVALUATION, "综合行政执法队执法工作评议", "个别执法人员执法方式简单，释法说理不够"),
            (InspectionKind.LAW_CHECK, "《中华人民共和国水法》贯彻实施情况执法检查", "个别河段存在违规取水，河道管护责任落实不到位"),
        ),
        "liaison_trainings": (
            ("人民调解实务与技巧培训", False), ("物业和邻里纠纷调解技巧培训", False), ("物业纠纷法律知识培训", True),
            ("婚姻家庭纠纷预防化解培训", False), ("集镇商户经营法律风险培训", False),
        ),
        "lessons": (
            (LessonKind.LESSON, "防范电信网络诈骗法治课"), (LessonKind.LECTURE, "《预防未成年人犯罪法》专题讲座"),
            (LessonKind.MOOT_COURT, "校园盗窃案模拟法庭"), (LessonKind.LESSON, "防溺水与监护责任法治课"),
            (LessonKind.COUNSELLING, "留守儿童家长监护责任法治讲座"),
        ),
        "online": (
            (Campaign.CIVIL_CODE_MONTH, (5, 12), "民法典物业服务知识线上问答"),
            (Campaign.NATIONAL_SECURITY, (4, 15), "国家安全知识微信推文专栏"),
            (Campaign.ANTI_FRAUD, (7, 18), "反诈短视频在村（社区）微信群推送"),
            (Campaign.ANTI_DRUG, (6, 26), "“6·26”禁毒知识网络竞答"),
            (Campaign.CONSTITUTION_WEEK, (12, 4), "“宪法在身边”微视频展播"),
            (Campaign.OTHER, (3, 15), "“3·15”消费维权线上答疑"),
            (Campaign.TO_COMMUNITIES, (9, 20), "“滨江法治讲堂”线上直播"),
            (Campaign.SPRING_FESTIVAL, (1, 22), "春节烟花爆竹燃放法规短信提醒"),
        ),
        "other_meetings": ("研究汛期防汛抗洪工作", "研究集镇环境综合整治工作"),
        "initiative": ("“渡口说法”", "司法所、社区网格员", 20000, 5,
                       ("渡口村渡口候船亭", "{v}网格服务站", "滨江社区居民议事厅"),
                       ("渡船安全与乘客权益保护", "禁渔期法律知识", "邻里纠纷与网格调解", "物业服务合同纠纷",
                        "防范电信网络诈骗", "集镇商户消费纠纷")),
        "court_suggestions": (
            ("procuratorial", "示范县人民检察院", "加强禁渔期河道巡护和非法捕捞查处", "已建立镇村联合巡河制度，查处非法捕捞3起并书面答复"),
            ("judicial", "示范县人民法院", "规范集镇门面租赁等行政协议的订立和履行", "已修订行政协议范本，由法律顾问逐份审查"),
            ("procuratorial", "示范县人民检察院", "加强集中式饮用水水源地保护", "已设置保护标志、清理排污口2处并书面答复"),
        ),
        "judgments": (
            "履行（{y}）示0421民初{n}号民事判决，向某市政工程有限公司支付{p}年实施的滨江步道维修工程尾款{m}元",
            "履行（{y}）示0421民初{n}号民事调解书，向某商贸有限公司支付防汛物资货款余款{m}元",
        ),
        "absences": (
            ("duty", "{h}当日在县防汛抗旱指挥部参加汛情会商并带队巡堤，委托党政综合办公室工作人员出庭"),
            ("other", "{h}当日在市委党校参加脱产培训，委托党政综合办公室工作人员出庭、法律顾问作为代理人出庭"),
        ),
    },
    "SFX03": {
        "documents": (
            "{t}森林防火“十不准”管理规定", "{t}野外用火审批管理办法", "{t}生态护林员管理办法", "{t}林下经济发展奖补办法",
            "{t}地质灾害隐患点群测群防管理办法", "{t}集体林权流转管理办法", "{t}中药材种植基地管理办法",
            "{t}乡村民宿经营管理暂行规定", "{t}通村公路“路长制”实施办法", "{t}秸秆禁烧和综合利用管理规定",
            "{t}高山蔬菜基地管护办法", "{t}农村饮水安全工程运行管护办法", "{t}易地扶贫搬迁安置点管理办法",
            "{t}野生动物致害补偿实施办法", "{t}村级公益性岗位管理办法", "{t}乡村旅游环境卫生管理办法",
            "{t}防止返贫动态监测帮扶办法", "{t}山林权属纠纷调处办法", "{t}农村集体经济组织财务管理办法",
            "{t}梨果产业发展奖补办法", "{t}移民后期扶持项目管理办法",
        ),
        "old_documents": (
            "{t}林地流转管理办法", "{t}封山育林管理规定", "{t}护林防火责任制实施办法", "{t}村民建房选址管理暂行规定",
            "{t}山塘水库管护办法", "{t}村级事务管理办法",
        ),
        "contracts": (
            ("{t}森林防火隔离带建设工程施工合同", "某林业工程有限公司", "农业综合服务中心", 265000),
            ("{t}生态护林员意外伤害保险合同", "某保险股份有限公司示范支公司", "农业综合服务中心", 18600),
            ("{t}通村公路水毁修复工程施工合同", "某路桥工程有限公司", "村镇建设办", 342000),
            ("{t}地质灾害隐患点监测设备维护合同", "某地质勘查有限公司", "应急办", 36000),
            ("{t}中药材种苗采购合同", "某中药材种植专业合作社", "农业综合服务中心", 96000),
            ("{t}农村饮水安全设施维修合同", "某水电安装有限公司", "农业综合服务中心", 58000),
            ("{t}乡村旅游步道建设工程施工合同", "某建筑工程有限公司", "经济发展办", 198000),
            ("{t}办公楼屋面防水维修合同", "某建筑工程有限公司", "党政办", 42000),
            ("{t}森林防火视频监控系统运维合同", "某信息技术有限公司", "应急办", 54000),
            ("{t}林区护林站房租赁协议", "某林场", "农业综合服务中心", 24000),
        ),
        "open_contracts": (
            ("{t}高峰村避险安置点道路工程施工合同", "某路桥工程有限公司", "村镇建设办", 412000),
            ("{t}森林防火物资采购合同", "某消防器材有限公司", "应急办", 45000),
            ("{t}乡村旅游宣传推广服务合同", "某文化传媒有限公司", "经济发展办", 32000),
        ),
        "decisions": (
            "{t}森林防火通道建设方案", "{t}中药材产业发展规划（2025—2030年）", "{t}地质灾害避险搬迁安置方案",
            "{t}乡村旅游发展规划", "{t}高山蔬菜基地建设方案", "{t}集体林地经营权流转方案",
            "{t}通村公路安全生命防护工程实施方案", "{t}易地搬迁安置点后续扶持方案", "{t}林下经济示范基地建设方案",
            "{t}梨果产业提质增效方案", "{t}农村饮水安全巩固提升方案", "{t}乡村民宿集群建设方案",
        ),
        "enforcement_trainings": (
            "森林防火和林业行政执法实务培训", "《行政处罚法》与林业执法衔接培训", "违法占用林地查处程序培训",
            "行政执法证据规则培训", "野外用火执法检查实务培训", "行政执法法制审核要点培训",
        ),
        "enforcement_place": "林区、乡集镇",
        "enforcement_inspections": (
            "森林防火期野外用火巡查执法现场检查", "违法占用林地巡查执法现场检查", "执法人员亮证执法情况现场检查",
            "秸秆禁烧巡查执法现场检查", "乡村旅游点环境卫生执法现场检查", "执法记录仪使用情况现场检查",
        ),
        "presidium": (
            (InspectionKind.LAW_CHECK, "《中华人民共和国森林法》贯彻实施情况执法检查",
             "个别村护林员巡山记录不全；两处林地被违规占用未及时制止"),
            (InspectionKind.SURVEY, "农村人居环境整治专题调研", "垃圾清运频次不足，个别村保洁员管理松散"),
            (InspectionKind.VISIT, "地质灾害避险搬迁安置点建设视察", "安置点排水沟未完工，部分住户入住手续办理较慢"),
            (InspectionKind.EVALUATION, "乡农业综合服务中心依法行政工作评议", "惠农补贴政策告知不到位，个别群众多次往返"),
            (InspectionKind.LAW_CHECK, "《中华人民共和国农村土地承包法》贯彻实施情况执法检查", "部分土地流转合同不规范，未报乡备案"),
        ),
        "liaison_trainings": (
            ("矛盾纠纷排查化解能力提升培训", False), ("山林权属纠纷调处实务培训", False), ("农村常见法律问题以案释法培训", False),
            ("森林防火法律知识培训", False), ("反电信网络诈骗法律知识培训", True),
        ),
        "lessons": (
            (LessonKind.LESSON, "“学宪法 讲宪法”主题法治课"), (LessonKind.LECTURE, "森林防火与野外用火法律知识讲座"),
            (LessonKind.PRACTICE, "“小小普法员”法治实践活动"), (LessonKind.LESSON, "毒品预防教育法治课"),
            (LessonKind.COUNSELLING, "隔代监护家长法治讲座"),
        ),
        "online": (
            (Campaign.CIVIL_CODE_MONTH, (5, 9), "“法润{s}”民法典短视频系列"),
            (Campaign.NATIONAL_SECURITY, (4, 15), "国家安全教育日线上知识答题"),
            (Campaign.ANTI_FRAUD, (10, 12), "反诈知识微信群接龙学习"),
            (Campaign.ANTI_DRUG, (6, 26), "禁种铲毒法律知识线上推送"),
            (Campaign.CONSTITUTION_WEEK, (12, 4), "宪法宣传周网络直播"),
            (Campaign.OTHER, (3, 1), "森林防火法律知识微信推送"),
            (Campaign.TO_VILLAGES, (9, 15), "法律顾问直播解答群众法律问题"),
            (Campaign.SPRING_FESTIVAL, (1, 20), "春节祭祀文明用火法治提醒短信"),
        ),
        "other_meetings": ("研究秋冬季森林防火工作", "研究地质灾害防治工作"),
        "initiative": ("“山歌唱法”", "司法所、乡文化站", 12000, 4,
                       ("{v}护林站", "{v}文化广场", "{v}村委会院坝"),
                       ("森林防火与野外用火", "山林权属纠纷调处", "禁种铲毒", "集体林权流转", "婚姻家庭与老人赡养",
                        "防范电信网络诈骗")),
        "court_suggestions": (
            ("procuratorial", "示范县人民检察院", "督促履行林地保护监管职责，整治违法占用林地", "已开展林区违法占地专项清理，恢复林地植被12亩"),
            ("judicial", "示范县人民法院", "规范集体林权流转合同签订和备案", "已制定林权流转合同示范文本，组织各村补签备案"),
            ("procuratorial", "示范县人民检察院", "加强地质灾害隐患点防治和避险搬迁安置", "已完成隐患点排查，落实群测群防员并书面答复"),
        ),
        "judgments": (
            "履行（{y}）示0421民初{n}号民事判决，向某林业工程有限公司支付{p}年实施的森林防火隔离带工程尾款{m}元",
            "履行（{y}）示0421民初{n}号民事调解书，向某路桥工程有限公司支付通村公路水毁修复工程款{m}元",
        ),
        "absences": (
            ("duty", "{h}当日在林区组织扑救森林火情，委托党政综合办公室工作人员出庭"),
            ("other", "{h}当日列席县人民代表大会常务委员会会议报告专项工作，委托党政综合办公室工作人员出庭、法律顾问作为代理人出庭"),
            ("force_majeure", "当日暴雨致通村公路塌方中断，{h}无法按时到庭，委托党政综合办公室工作人员以视频方式出庭"),
        ),
    },
}
ORDER = tuple(POOLS)  # by profile slot: a township outside the demo borrows the pool of its slot


def pool(code: str, kind: str) -> tuple:
    """The township's own pool of ``kind`` (a township outside the demo gets the pool of its profile's slot)."""
    found = POOLS.get(code)
    if found is None:
        from fazhi.demo.profiles import profile

        found = POOLS[ORDER[profile(code).slot % 3]]
    return found[kind]
