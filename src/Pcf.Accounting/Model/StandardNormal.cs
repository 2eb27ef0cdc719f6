using System.Runtime.CompilerServices;

namespace Pcf.Accounting.Model;

/// <summary>The inverse of the standard normal distribution function, to about 16 significant digits.</summary>
/// <remarks>Wichura, M. J. (1988), "Algorithm AS 241: The percentage points of the normal distribution", Applied Statistics
/// 37(3), 477–484 (the PPND16 rational approximations; the coefficients below are the published ones). One uniform in,
/// one normal out, monotone: a draw's rank is its uniform's rank, which the rank correlations of the contribution
/// analysis rely on.</remarks>
internal static class StandardNormal
{
    /// <summary>Φ⁻¹(p) for p in (0, 1); p at or outside the bounds gives ±infinity, which the callers never pass.</summary>
    public static double Quantile(double p)
    {
        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r = 0.180625 - (q * q);
            return q * Poly(r, 3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
                    45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727)
                / Poly(r, 1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077,
                    21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561);
        }

        double t = q < 0 ? p : 1 - p;
        if (t <= 0)
        {
            return q < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }

        t = Math.Sqrt(-Math.Log(t));
        double value;
        if (t <= 5)
        {
            t -= 1.6;
            value = Poly(t, 1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
                    1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4)
                / Poly(t, 1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455,
                    0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9);
        }
        else
        {
            t -= 5;
            value = Poly(t, 6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
                    0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7)
                / Poly(t, 1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
                    7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15);
        }

        return q < 0 ? -value : value;
    }

    // c0 + c1 x + ... + c7 x^7 by Horner's rule, highest degree first.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Poly(double x, double c0, double c1, double c2, double c3, double c4, double c5, double c6, double c7) =>
        ((((((((c7 * x) + c6) * x) + c5) * x + c4) * x + c3) * x + c2) * x + c1) * x + c0;
}
