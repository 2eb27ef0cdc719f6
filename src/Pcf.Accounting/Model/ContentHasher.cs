using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>Feeds values into a SHA-256 in a fixed binary form (length-prefixed UTF-8 strings, IEEE doubles, tags), so that
/// equal content gives equal hashes on every machine; the result reads <c>sha256:</c> and 64 lower-case hex digits.</summary>
internal sealed class ContentHasher : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[8];

    public ContentHasher Add(string? text)
    {
        if (text is null)
        {
            return Add(-1);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        Add(bytes.Length);
        _hash.AppendData(bytes);
        return this;
    }

    public ContentHasher Add(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer, value);
        _hash.AppendData(_buffer, 0, 4);
        return this;
    }

    public ContentHasher Add(int? value) => value is { } v ? Add(1).Add(v) : Add(0);

    public ContentHasher Add(bool value) => Add(value ? 1 : 0);

    public ContentHasher Add(double value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer, BitConverter.DoubleToInt64Bits(value == 0 ? 0 : value)); // -0 is 0
        _hash.AppendData(_buffer, 0, 8);
        return this;
    }

    public ContentHasher Add(double? value) => value is { } v ? Add(1).Add(v) : Add(0);

    public ContentHasher Add(Quantity value) => Add(value.Value).Add(value.Unit.Symbol);

    public ContentHasher Add(Quantity? value) => value is { } v ? Add(1).Add(v) : Add(0);

    public ContentHasher Add(Derivation? d)
    {
        if (d is null)
        {
            return Add(0);
        }

        // Derivations nest through their inputs; an explicit stack keeps this iterative.
        var stack = new Stack<Derivation?>();
        stack.Push(d);
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            if (x is null)
            {
                Add(0);
                continue;
            }

            Add(1).Add(x.Name).Add(x.Formula).Add(x.Source).Add(x.Note).Add(x.Result.Value).Add(x.Result.Unit.Text).Add(x.Inputs.Length);
            foreach (var i in x.Inputs)
            {
                Add(i.Symbol).Add(i.Value.Value).Add(i.Value.Unit.Text).Add(i.Description).Add(i.Source).Add(i.IsDefault);
            }

            for (int k = x.Inputs.Length - 1; k >= 0; k--)
            {
                stack.Push(x.Inputs[k].DerivedFrom);
            }
        }

        return this;
    }

    public string Finish() => "sha256:" + Convert.ToHexString(_hash.GetHashAndReset()).ToLowerInvariant();

    public void Dispose() => _hash.Dispose();
}
