using System.Collections.Frozen;
using System.Globalization;

namespace Pcf.Accounting.Reporting.Html;

/// <summary>The texts of a report in one language: headings, column names, the names of stages, quantities and methods.</summary>
/// <remarks>Chinese terms follow GB/T 24067-2024 (产品碳足迹, 声明单位, 系统边界, 生命周期阶段) where it has them.
/// Every key exists in every language (a test checks it).</remarks>
internal sealed class Labels
{
    // Key, English, Chinese.
    private static readonly (string Key, string En, string Zh)[] Texts =
    [
        ("title", "Product carbon footprint", "产品碳足迹报告"),
        ("madeWith", "Made with Pcf.Accounting from the calculation's result; every number is kg CO2e for the declared unit unless stated.", "由 Pcf.Accounting 根据计算结果生成；除另有说明外，数值均为每声明单位的 kg CO2e。"),
        ("contents", "Contents", "目录"),
        ("system", "Product system", "产品系统"),
        ("product", "Product", "产品"),
        ("declaredUnit", "Declared unit", "声明单位"),
        ("ruleSet", "Rule set", "核算规则"),
        ("gwpSet", "GWP set", "GWP 值集"),
        ("boundary", "System boundary", "系统边界"),
        ("boundary.cradleToGate", "cradle to gate", "从摇篮到大门"),
        ("boundary.gateToGate", "gate to gate", "从大门到大门"),
        ("boundary.cradleToGrave", "cradle to grave", "从摇篮到坟墓"),
        ("region", "Region", "地区"),
        ("year", "Year", "年份"),
        ("latest", "latest", "最新"),
        ("headline", "Footprint", "碳足迹"),
        ("totalExcluding", "PCF excluding biogenic CO2 uptake", "碳足迹（不含生物源 CO2 吸收）"),
        ("totalIncluding", "PCF including biogenic CO2 uptake", "碳足迹（含生物源 CO2 吸收）"),
        ("perUnit", "kg CO2e per {0}", "kg CO2e / {0}"),
        ("reported", "Separately reported quantities", "单独报告的量"),
        ("reported.note", "The categories of ISO 14067 and GB/T 24067 under their PACT 3.0 names; removals are negative; lines marked \"of which\" are already part of the lines above.", "ISO 14067 与 GB/T 24067 要求单独报告的类别（采用 PACT 3.0 字段名）；清除量为负值；标注“其中”的行已计入上方各行。"),
        ("quantity", "Quantity", "量"),
        ("pactField", "PACT 3.0 field", "PACT 3.0 字段"),
        ("ofWhich", "of which", "其中"),
        ("q.fossilGhgEmissions", "Fossil GHG emissions", "化石温室气体排放"),
        ("q.biogenicCo2Emissions", "Biogenic CO2 emissions", "生物源 CO2 排放"),
        ("q.biogenicCo2Uptake", "Biogenic CO2 uptake", "生物源 CO2 吸收"),
        ("q.biogenicNonCo2Emissions", "Biogenic non-CO2 emissions", "生物源非 CO2 排放"),
        ("q.landUseChangeEmissions", "Direct land-use change emissions", "直接土地利用变化排放"),
        ("q.landManagementFossilGhgEmissions", "Land-management fossil GHG emissions", "土地管理化石温室气体排放"),
        ("q.landManagementBiogenicCo2Emissions", "Land-management biogenic CO2 emissions", "土地管理生物源 CO2 排放"),
        ("q.landManagementBiogenicCo2Removals", "Land-management biogenic CO2 removals", "土地管理生物源 CO2 清除"),
        ("q.technologicalCo2Removals", "Technological CO2 removals", "技术性 CO2 清除"),
        ("q.ccsTechnologicalCo2Capture", "CCS technological CO2 capture", "CCS 技术性 CO2 捕集"),
        ("q.aircraftEmissions", "Aircraft transport emissions", "航空运输排放"),
        ("q.packagingEmissions", "Packaging emissions", "包装排放"),
        ("q.outboundLogisticsEmissions", "Outbound logistics emissions", "出厂物流排放"),
        ("q.systemExpansionCredits", "System-expansion credits", "系统扩展抵扣"),
        ("co2e", "kg CO2e", "kg CO2e"),
        ("share", "Share", "占比"),
        ("byStage", "By life-cycle stage", "按生命周期阶段"),
        ("byProcess", "By process", "按过程"),
        ("byGas", "By greenhouse gas", "按温室气体"),
        ("byFactor", "By emission factor", "按排放因子"),
        ("stage", "Stage", "阶段"),
        ("stage.unspecified", "Unspecified", "未指定"),
        ("stage.rawMaterialAcquisition", "Raw material acquisition", "原材料获取"),
        ("stage.production", "Production", "生产"),
        ("stage.distribution", "Distribution", "分销"),
        ("stage.use", "Use", "使用"),
        ("stage.endOfLife", "End of life", "生命末期"),
        ("process", "Process", "过程"),
        ("runs", "Runs", "运行次数"),
        ("direct", "Direct", "直接排放"),
        ("background", "Purchased inputs", "外购输入"),
        ("gas", "Gas", "气体"),
        ("mass", "Mass (kg)", "质量 (kg)"),
        ("gas.co2eOnly", "CO2e (factors not split by gas)", "CO2e（未按气体拆分的因子）"),
        ("factor", "Emission factor", "排放因子"),
        ("unit", "Unit", "单位"),
        ("amountUsed", "Amount used", "用量"),
        ("perActivityUnit", "kg CO2e per unit", "kg CO2e / 单位"),
        ("primary", "Primary data", "初级数据"),
        ("source", "Source", "来源"),
        ("fallbacks", "Fallbacks", "替代匹配"),
        ("exact", "exact match", "精确匹配"),
        ("yes", "yes", "是"),
        ("no", "no", "否"),
        ("other", "Other ({0})", "其他（{0} 项）"),
        ("moreRows", "{0} more rows, {1} kg CO2e together (the CSV lists every row)", "另有 {0} 行，合计 {1} kg CO2e（CSV 列出全部行）"),
        ("chart.bars", "Bar chart, {0}: {1}.", "条形图，{0}：{1}。"),
        ("chart.more", "{0} more items are summed as \"other\".", "其余 {0} 项合并为“其他”。"),
        ("chart.data", "the chart's data as a table", "图表数据表"),
        ("chart.negative", "Negative values (removals, credits) are drawn to the left of the zero line in green.", "负值（清除、抵扣）以绿色画在零线左侧。"),
        ("supplyChain", "Supply chain", "供应链"),
        ("supplyChain.note", "CO2e flowing to the product, upstream included: each band carries what a supplier delivers, so every process passes on what flows into it. Processes that supply each other (loops) are drawn as one node; processes below {0} of the gross total are passed through to their customers and smaller sources are merged into \"other\".", "流向产品的 CO2e（含上游）：每条带表示供应方交付的碳排放量，因此每个过程的流入等于流出。相互供应的过程（循环）画作一个节点；低于总量 {0} 的过程直接并入其下游，较小的来源合并为“其他”。"),
        ("supplyChain.desc", "Sankey diagram of {0} flows between {1} nodes; the largest flows: {2}.", "桑基图，{1} 个节点之间的 {0} 条流；最大的流：{2}。"),
        ("supplyChain.none", "The footprint is zero: there is no flow to draw.", "碳足迹为零，无流可画。"),
        ("from", "From", "来源"),
        ("to", "To", "去向"),
        ("node.product", "{0} (product)", "{0}（产品）"),
        ("node.loop", "Loop: {0}", "循环：{0}"),
        ("node.loopMany", "Loop: {0} and {1} more", "循环：{0} 等（另有 {1} 个过程）"),
        ("node.direct", "Direct: {0}", "直接排放：{0}"),
        ("node.credit", "Credits: {0}", "抵扣：{0}"),
        ("node.other", "Other (not itemized)", "其他（未逐项列出）"),
        ("factors", "Emission factors", "排放因子"),
        ("factors.note", "The background factors with their sources, the region and year asked for, and the fallbacks used to match them.", "背景排放因子及其来源、所请求的地区与年份，以及匹配时使用的替代规则。"),
        ("factors.none", "The result uses no background emission factor.", "计算结果未使用背景排放因子。"),
        ("allocation", "Allocation", "分配"),
        ("allocation.none", "No process has several outputs: no allocation was needed.", "没有多产出过程，无需分配。"),
        ("method", "Method", "方法"),
        ("method.systemExpansion", "system expansion", "系统扩展"),
        ("method.mass", "mass", "质量"),
        ("method.energy", "energy", "能量"),
        ("method.economic", "economic value", "经济价值"),
        ("method.stated", "stated shares", "指定比例"),
        ("statedByProcess", "stated by the process", "由过程指定"),
        ("chosenByRuleSet", "chosen by the rule set", "由核算规则选择"),
        ("basis", "Basis", "依据"),
        ("output", "Output", "产出"),
        ("weight", "Weight", "权重"),
        ("quality", "Data quality", "数据质量"),
        ("primaryShare", "Primary-data share", "初级数据占比"),
        ("primaryShare.note", "Share of the gross emissions from primary data (processes marked primary and supplier-specific factors).", "来自初级数据（标记为初级数据的过程及供应商特定因子）的排放占总排放的比例。"),
        ("fallbackShare", "Fallback share", "替代因子占比"),
        ("fallbackShare.note", "Share of the factors' gross CO2e that rests on a factor of another region or an earlier year.", "因子总 CO2e 中使用其他地区或较早年份因子的比例。"),
        ("scores", "Pedigree scores (1 best, 5 worst)", "谱系矩阵评分（1 最好，5 最差）"),
        ("scores.none", "No factor used has data-quality scores.", "所用因子均无数据质量评分。"),
        ("score.technological", "Technological representativeness", "技术代表性"),
        ("score.geographical", "Geographical representativeness", "地理代表性"),
        ("score.temporal", "Temporal representativeness", "时间代表性"),
        ("score.completeness", "Completeness", "完整性"),
        ("score.reliability", "Reliability", "可靠性"),
        ("score", "Score", "评分"),
        ("coverage", "Coverage of the factors' CO2e", "评分覆盖的因子 CO2e 比例"),
        ("cutOff", "Cut-off", "取舍"),
        ("excluded", "Excluded", "排除量"),
        ("rule", "Rule", "规则"),
        ("warnings", "Warnings", "警告"),
        ("warnings.none", "No warnings.", "无警告。"),
        ("code", "Code", "代码"),
        ("path", "Where", "位置"),
        ("message", "Message", "说明"),
        ("template", "Template", "模板"),
        ("template.id", "Template", "模板"),
        ("version", "Version", "版本"),
        ("standards", "Standards", "标准"),
        ("parameter", "Parameter", "参数"),
        ("value", "Value", "值"),
        ("origin", "Origin", "来源类型"),
        ("default", "template default", "模板默认值"),
        ("siteData", "site data", "现场数据"),
        ("derivations", "Derivations", "推导过程"),
        ("target", "Gives", "结果项"),
        ("formula", "Formula", "公式"),
        ("inputs", "Inputs", "输入"),
        ("result", "Result", "结果"),
        ("uncertainty", "Uncertainty", "不确定性"),
        ("uncertainty.note", "Monte Carlo simulation of the footprint: {0} draws, seed {1}.", "碳足迹的蒙特卡洛模拟：{0} 次抽样，随机种子 {1}。"),
        ("mean", "Mean", "均值"),
        ("stdDev", "Standard deviation", "标准差"),
        ("percentile", "Percentile", "百分位"),
        ("histogram", "Distribution of the footprint", "碳足迹分布"),
        ("histogram.desc", "Histogram of {0} draws in {1} bins from {2} to {3} kg CO2e; the fullest bin holds {4} draws.", "{0} 次抽样的直方图，共 {1} 个区间，范围 {2} 至 {3} kg CO2e；最多的区间含 {4} 次。"),
        ("bin", "Bin (kg CO2e)", "区间 (kg CO2e)"),
        ("count", "Draws", "次数"),
        ("pact", "PACT summary", "PACT 摘要"),
        ("pact.note", "The PACT ProductFootprint exported from this result.", "由本结果导出的 PACT ProductFootprint。"),
        ("specVersion", "Specification version", "规范版本"),
        ("pactId", "Footprint id", "足迹 ID"),
        ("company", "Company", "公司"),
        ("productIds", "Product ids", "产品 ID"),
        ("field", "Field", "字段"),
    ];

    private static readonly FrozenDictionary<string, string> English = Texts.ToFrozenDictionary(t => t.Key, t => t.En, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, string> Chinese = Texts.ToFrozenDictionary(t => t.Key, t => t.Zh, StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> _texts;

    private Labels(ReportLanguage language, FrozenDictionary<string, string> texts)
    {
        Language = language;
        _texts = texts;
    }

    /// <summary>Gets the language.</summary>
    public ReportLanguage Language { get; }

    /// <summary>Gets the BCP 47 tag for <c>lang</c>.</summary>
    public string Tag => Language == ReportLanguage.Chinese ? "zh-CN" : "en";

    /// <summary>Gets every key (for tests).</summary>
    internal static IEnumerable<string> Keys => Texts.Select(t => t.Key);

    /// <summary>Gets the labels of a language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The labels.</returns>
    public static Labels For(ReportLanguage language) => new(language, language == ReportLanguage.Chinese ? Chinese : English);

    /// <summary>Gets a text.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">No such key (a bug).</exception>
    public string this[string key] => _texts[key];

    /// <summary>Gets a text with its placeholders filled.</summary>
    /// <param name="key">The key.</param>
    /// <param name="args">The values of <c>{0}</c>, <c>{1}</c>, ...</param>
    /// <returns>The text.</returns>
    public string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, _texts[key], args);

    /// <summary>Gets the text of a key if it exists, else the fallback (names from the data that have no label, such as a future stage).</summary>
    /// <param name="key">The key.</param>
    /// <param name="fallback">What to show otherwise.</param>
    /// <returns>The text.</returns>
    public string Or(string key, string fallback) => _texts.TryGetValue(key, out var text) ? text : fallback;
}
