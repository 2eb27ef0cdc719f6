using System.Runtime.CompilerServices;
using Pcf.Accounting.Model;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Sampling;

/// <summary>Philox4x32-10, a counter-based random number generator: 128 random bits as a pure function of a 64-bit key and a
/// 128-bit counter.</summary>
/// <remarks>Salmon, J. K., Moraes, M. A., Dror, R. O. and Shaw, D. E. (2011), "Parallel random numbers: as easy as 1, 2, 3",
/// SC '11 (the Random123 library): ten rounds of two 32×32→64-bit multiplications with the published constants, which pass
/// TestU01's BigCrush. A Monte Carlo draw is <c>Philox(seed; iteration, input, attempt)</c>: no state is carried from one
/// draw to the next, so the schedule of threads never changes a draw, and the same input gets the same draw in two runs
/// with the same seed (common random numbers).</remarks>
internal static class Philox
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>The four 32-bit words of Philox4x32-10 for a key and a counter (the Random123 known-answer vectors hold).</summary>
    public static (uint X0, uint X1, uint X2, uint X3) Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (int round = 0; round < 10; round++)
        {
            ulong p0 = (ulong)M0 * c0, p1 = (ulong)M1 * c2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0, hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }

        return (c0, c1, c2, c3);
    }

    /// <summary>A uniform number strictly between 0 and 1 (52 random bits, centred in their cell: 2^-53 to 1 - 2^-53) for a seed, an
    /// iteration, an input's stream and an attempt.</summary>
    /// <remarks>52 bits, not 53: (k + 1/2) / 2^52 is exact for every k below 2^52, while (2^53 - 1/2) / 2^53 would round to 1.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong seed, uint iteration, ulong stream, uint attempt)
    {
        var (x0, x1, _, _) = Block(iteration, (uint)stream, (uint)(stream >> 32), attempt, (uint)seed, (uint)(seed >> 32));
        ulong bits = (((ulong)x0 << 32) | x1) >> 12;
        return (bits + 0.5) * (1.0 / 4503599627370496.0); // (k + 1/2) / 2^52: never 0 nor 1
    }
}
