using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>Feeds values into a SHA-256 in a fixed binary form (length-prefixed UTF-8 strings, IEEE doubles, tags), so that
/// equal content gives equal hashes on every machine; the result reads <c>sha256:</c> and 64 lower-case hex digits.</summary>
internal sealed class ContentHasher : IDisposable
{
    // Implementation note: values are gathered in a buffer and hashed a buffer at a time; appending each 4-byte value to
    // the hash on its own made hashing a large system cost more than compiling it. The bytes hashed are the same.
    private const int BufferSize = 16384;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _count;

    public ContentHasher Add(string? text)
    {
        if (text is null)
        {
            return Add(-1);
        }

        int length = Encoding.UTF8.GetByteCount(text);
        Add(length);
        if (length > BufferSize - _count)
        {
            Flush();
        }

        if (length <= BufferSize)
        {
            _count += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_count));
        }
        else
        {
            _hash.AppendData(Encoding.UTF8.GetBytes(text));
        }

        return this;
    }

    /// <summary>Adds a supply as its text (<see cref="Supply.ToString"/>), without making the text of a process supply.</summary>
    public ContentHasher Add(Supply supply)
    {
        if (supply.Kind != SupplyKind.Process)
        {
            return Add(supply.ToString());
        }

        string id = supply.Process!.Value.Value ?? string.Empty;
        int length = Encoding.UTF8.GetByteCount(id);
        if (length > BufferSize / 2)
        {
            return Add(supply.ToString());
        }

        Add(ProcessPrefix.Length + length);
        Reserve(ProcessPrefix.Length + length);
        ProcessPrefix.CopyTo(_buffer.AsSpan(_count));
        _count += ProcessPrefix.Length;
        _count += Encoding.UTF8.GetBytes(id, _buffer.AsSpan(_count));
        return this;
    }

    private static ReadOnlySpan<byte> ProcessPrefix => "process "u8;

    public ContentHasher Add(int value)
    {
        Reserve(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_count), value);
        _count += 4;
        return this;
    }

    private void Reserve(int bytes)
    {
        if (_count + bytes > BufferSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _count);
        _count = 0;
    }

    public ContentHasher Add(int? value) => value is { } v ? Add(1).Add(v) : Add(0);

    public ContentHasher Add(bool value) => Add(value ? 1 : 0);

    public ContentHasher Add(double value)
    {
        Reserve(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_count), BitConverter.DoubleToInt64Bits(value == 0 ? 0 : value)); // -0 is 0
        _count += 8;
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

    public string Finish()
    {
        Flush();
        return "sha256:" + Convert.ToHexString(_hash.GetHashAndReset()).ToLowerInvariant();
    }

    public void Dispose() => _hash.Dispose();
}
