using System.Collections.Frozen;

namespace Pcf.Accounting.Pact.Json;

/// <summary>The ISO 3166-1 alpha-2 country codes that are officially assigned.</summary>
/// <remarks>Source: ISO 3166-1:2020, the 249 officially assigned alpha-2 elements as listed by the ISO 3166 Maintenance
/// Agency (online browsing platform, checked against its state of 2024; no change since South Sudan, SS, in 2011). User-assigned
/// codes (AA, QM–QZ, XA–XZ such as XK, ZZ) and reserved ones (EU, UK) are not countries here. The codes are facts and carry no
/// licence. An ISO 3166-2 subdivision is checked only for its country part: the full subdivision list changes every year.</remarks>
internal static class Iso3166
{
    private static readonly FrozenSet<string> Countries = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ "
        + "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR "
        + "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP "
        + "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT "
        + "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
        + "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ "
        + "UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets the number of codes (249).</summary>
    public static int Count => Countries.Count;

    /// <summary>Tells whether a two-letter upper-case code is an assigned ISO 3166-1 alpha-2 country code.</summary>
    public static bool IsCountry(string code) => Countries.Contains(code);
}
