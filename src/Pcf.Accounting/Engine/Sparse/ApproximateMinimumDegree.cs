namespace Pcf.Accounting.Engine.Sparse;

/// <summary>
/// A fill-reducing symmetric ordering: approximate minimum degree on a quotient graph, after
/// Amestoy, Davis &amp; Duff, "An approximate minimum degree ordering algorithm",
/// SIAM J. Matrix Anal. Appl. 17(4), 1996.
/// </summary>
/// <remarks>
/// Written from the paper's description: a quotient graph of variables and elements (cliques of
/// eliminated variables), approximate external degrees (the bound of the paper's section 3), element
/// absorption, aggressive absorption, mass elimination and supervariables found by hashing.
/// Dense nodes (degree above 10·√n, at least 16) are taken out of the graph and ordered last, as the
/// paper recommends. No assembly-tree postorder is applied (it changes locality, not fill).
/// </remarks>
internal static class ApproximateMinimumDegree
{
    private const byte Variable = 0;
    private const byte Element = 1;
    private const byte Absorbed = 2;   // a dead element or an eliminated/merged variable

    /// <summary>Orders the nodes of a symmetric graph.</summary>
    /// <param name="n">Number of nodes.</param>
    /// <param name="pointers">Adjacency starts (length n + 1).</param>
    /// <param name="adjacency">Neighbours of each node: both directions present, no self loops, no duplicates.</param>
    /// <returns>The elimination order: <c>order[k]</c> is the node eliminated k-th.</returns>
    public static int[] Order(int n, ReadOnlySpan<int> pointers, ReadOnlySpan<int> adjacency)
    {
        var order = new int[n];
        int written = 0;
        int denseThreshold = Math.Max(16, (int)(10 * Math.Sqrt(n)));
        var dense = new bool[n];
        int denseCount = 0;
        for (int i = 0; i < n; i++)
        {
            if (pointers[i + 1] - pointers[i] > denseThreshold)
            {
                dense[i] = true;
                denseCount++;
            }
        }

        int nn = n - denseCount;   // variables in the quotient graph
        var pe = new int[n];
        var len = new int[n];
        var elen = new int[n];
        var nv = new int[n];
        var degree = new int[n];
        var w = new long[n];
        var kind = new byte[n];
        int kept = 0;
        for (int i = 0; i < n; i++)
        {
            if (!dense[i])
            {
                for (int p = pointers[i]; p < pointers[i + 1]; p++)
                {
                    if (!dense[adjacency[p]])
                    {
                        kept++;
                    }
                }
            }
        }

        var iw = new int[kept + (kept / 5) + (2 * n) + 64];
        int pfree = 0;
        for (int i = 0; i < n; i++)
        {
            pe[i] = pfree;
            if (dense[i])
            {
                kind[i] = Absorbed;
                continue;
            }

            for (int p = pointers[i]; p < pointers[i + 1]; p++)
            {
                int j = adjacency[p];
                if (!dense[j])
                {
                    iw[pfree++] = j;
                }
            }

            len[i] = pfree - pe[i];
            nv[i] = 1;
            degree[i] = len[i];
            w[i] = 1;
        }

        // Degree lists (doubly linked), hash buckets, supervariable member lists.
        var head = new int[n + 1];
        var next = new int[n];
        var last = new int[n];
        var hashHead = new int[n];
        var hashNext = new int[n];
        var hashOf = new int[n];
        var memberNext = new int[n];
        var memberTail = new int[n];
        var mark = new int[n];
        var savedFirst = new int[n];
        Array.Fill(head, -1);
        Array.Fill(hashHead, -1);
        Array.Fill(memberNext, -1);
        for (int i = 0; i < n; i++)
        {
            memberTail[i] = i;
            if (!dense[i])
            {
                Insert(i, degree[i]);
            }
        }

        int markStamp = 0;
        int mindeg = 0;
        int nel = 0;
        long wflg = 2;
        while (nel < nn)
        {
            while (head[mindeg] < 0)
            {
                mindeg++;
            }

            int me = head[mindeg];
            Remove(me, mindeg);
            int elenme = elen[me];
            int nvpiv = nv[me];
            nel += nvpiv;
            nv[me] = -nvpiv;
            int degme = 0;
            int pme1, pme2;

            if (elenme == 0)
            {
                // No adjacent elements: the new element is me's own variable list, kept in place.
                pme1 = pe[me];
                pme2 = pme1;
                int end = pme1 + len[me];
                for (int p = pme1; p < end; p++)
                {
                    int i = iw[p];
                    int nvi = nv[i];
                    if (nvi > 0)
                    {
                        degme += nvi;
                        nv[i] = -nvi;
                        iw[pme2++] = i;
                        Remove(i, degree[i]);
                    }
                }
            }
            else
            {
                // Union of the adjacent elements' variables and me's own variables, built at the end.
                int need = Math.Min(degree[me], nn - nel) + 1;
                if (pfree + need > iw.Length)
                {
                    Compact();
                    if (pfree + need > iw.Length)
                    {
                        Array.Resize(ref iw, Math.Max(iw.Length * 2, pfree + need));
                    }
                }

                pme1 = pfree;
                int pStart = pe[me], pEnd = pe[me] + len[me];
                for (int q = pStart; q < pEnd; q++)
                {
                    int e = q < pStart + elenme ? iw[q] : me;
                    int p = e == me ? q : pe[e];
                    int pe2 = e == me ? pEnd : pe[e] + len[e];
                    for (; p < pe2; p++)
                    {
                        int i = iw[p];
                        int nvi = nv[i];
                        if (nvi > 0)
                        {
                            degme += nvi;
                            nv[i] = -nvi;
                            if (pfree == iw.Length)
                            {
                                Array.Resize(ref iw, iw.Length * 2);
                            }

                            iw[pfree++] = i;
                            Remove(i, degree[i]);
                        }
                    }

                    if (e != me)
                    {
                        kind[e] = Absorbed;   // element absorption: Le is inside the new element
                        w[e] = 0;
                    }
                    else
                    {
                        break;   // me's variables were the rest of its list
                    }
                }

                pme2 = pfree;
            }

            pe[me] = pme1;
            len[me] = pme2 - pme1;
            elen[me] = -1;
            kind[me] = Element;
            degree[me] = degme;

            // |Le \ Lme| for every element adjacent to a variable of the new element: w[e] - wflg.
            for (int pme = pme1; pme < pme2; pme++)
            {
                int i = iw[pme];
                int eln = elen[i];
                if (eln <= 0)
                {
                    continue;
                }

                int nvi = -nv[i];
                long wnvi = wflg - nvi;
                for (int p = pe[i]; p < pe[i] + eln; p++)
                {
                    int e = iw[p];
                    long we = w[e];
                    if (we >= wflg)
                    {
                        w[e] = we - nvi;
                    }
                    else if (we != 0)
                    {
                        w[e] = degree[e] + wnvi;
                    }
                }
            }

            // Approximate degrees, element pruning, aggressive absorption, mass elimination, hashes.
            for (int pme = pme1; pme < pme2; pme++)
            {
                int i = iw[pme];
                int p1 = pe[i];
                int p2 = p1 + elen[i];
                int pn = p1;
                long hash = 0;
                int deg = 0;
                for (int p = p1; p < p2; p++)
                {
                    int e = iw[p];
                    long we = w[e];
                    if (we == 0)
                    {
                        continue;
                    }

                    long dext = we - wflg;
                    if (dext > 0)
                    {
                        deg += (int)dext;
                        iw[pn++] = e;
                        hash += e;
                    }
                    else
                    {
                        kind[e] = Absorbed;   // aggressive absorption: Le is inside Lme
                        w[e] = 0;
                    }
                }

                elen[i] = pn - p1 + 1;
                int p3 = pn;
                int p4 = p1 + len[i];
                for (int p = p2; p < p4; p++)
                {
                    int j = iw[p];
                    int nvj = nv[j];
                    if (nvj > 0)
                    {
                        deg += nvj;
                        iw[pn++] = j;
                        hash += j;
                    }
                }

                if (elen[i] == 1 && p3 == pn)
                {
                    // Mass elimination: i is adjacent to the new element only.
                    int nvi = -nv[i];
                    degme -= nvi;
                    nvpiv += nvi;
                    nel += nvi;
                    nv[i] = 0;
                    elen[i] = -1;
                    kind[i] = Absorbed;
                    AppendMembers(me, i);
                }
                else
                {
                    degree[i] = Math.Min(degree[i], deg);
                    iw[pn] = iw[p3];
                    iw[p3] = iw[p1];
                    iw[p1] = me;
                    len[i] = pn - p1 + 1;
                    int h = (int)((ulong)hash % (ulong)n);
                    hashOf[i] = h;
                    hashNext[i] = hashHead[h];
                    hashHead[h] = i;
                }
            }

            degree[me] = degme;

            // Supervariables: variables of Lme with identical lists (same hash bucket) are merged.
            for (int pme = pme1; pme < pme2; pme++)
            {
                int i = iw[pme];
                if (nv[i] >= 0)
                {
                    continue;
                }

                int h = hashOf[i];
                int first = hashHead[h];
                if (first < 0)
                {
                    continue;
                }

                hashHead[h] = -1;
                for (int a = first; a >= 0; a = hashNext[a])
                {
                    int ln = len[a], eln = elen[a];
                    markStamp++;
                    for (int p = pe[a] + 1; p < pe[a] + ln; p++)
                    {
                        mark[iw[p]] = markStamp;
                    }

                    int previous = a;
                    int b = hashNext[a];
                    while (b >= 0)
                    {
                        bool same = len[b] == ln && elen[b] == eln;
                        for (int p = pe[b] + 1; same && p < pe[b] + ln; p++)
                        {
                            same = mark[iw[p]] == markStamp;
                        }

                        if (same)
                        {
                            nv[a] += nv[b];   // both negative while in Lme
                            nv[b] = 0;
                            elen[b] = -1;
                            kind[b] = Absorbed;
                            AppendMembers(a, b);
                            hashNext[previous] = hashNext[b];
                        }
                        else
                        {
                            previous = b;
                        }

                        b = hashNext[previous];
                    }
                }
            }

            // Final degrees; Lme keeps its principal variables only.
            int pw = pme1;
            int nleft = nn - nel;
            for (int pme = pme1; pme < pme2; pme++)
            {
                int i = iw[pme];
                int nvi = -nv[i];
                if (nvi <= 0)
                {
                    continue;
                }

                nv[i] = nvi;
                int d = Math.Min(degree[i] + degme - nvi, nleft - nvi);
                if (d < 0)
                {
                    d = 0;
                }

                degree[i] = d;
                Insert(i, d);
                if (d < mindeg)
                {
                    mindeg = d;
                }

                iw[pw++] = i;
            }

            nv[me] = nvpiv;
            len[me] = pw - pme1;
            if (len[me] == 0)
            {
                kind[me] = Absorbed;
                w[me] = 0;
            }
            else
            {
                w[me] = 1;
            }

            if (elenme != 0)
            {
                pfree = pw;
            }

            wflg += n + 1L;

            for (int m = me; m >= 0; m = memberNext[m])
            {
                order[written++] = m;
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (dense[i])
            {
                order[written++] = i;
            }
        }

        return order;

        void Insert(int i, int d)
        {
            int h0 = head[d];
            next[i] = h0;
            last[i] = -1;
            if (h0 >= 0)
            {
                last[h0] = i;
            }

            head[d] = i;
        }

        void Remove(int i, int d)
        {
            int nx = next[i], ls = last[i];
            if (ls >= 0)
            {
                next[ls] = nx;
            }
            else
            {
                head[d] = nx;
            }

            if (nx >= 0)
            {
                last[nx] = ls;
            }
        }

        void AppendMembers(int representative, int other)
        {
            memberNext[memberTail[representative]] = other;
            memberTail[representative] = memberTail[other];
        }

        void Compact()
        {
            // Mark the start of every live list with -(node + 1), then slide the lists down.
            for (int i = 0; i < n; i++)
            {
                if (kind[i] != Absorbed && len[i] > 0)
                {
                    savedFirst[i] = iw[pe[i]];
                    iw[pe[i]] = -(i + 1);
                }
            }

            int dst = 0, src = 0;
            while (src < pfree)
            {
                int v = iw[src++];
                if (v >= 0)
                {
                    continue;
                }

                int i = -v - 1;
                pe[i] = dst;
                iw[dst++] = savedFirst[i];
                for (int k = 1; k < len[i]; k++)
                {
                    iw[dst++] = iw[src++];
                }
            }

            pfree = dst;
        }
    }
}
