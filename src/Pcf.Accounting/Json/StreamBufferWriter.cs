using System.Buffers;

namespace Pcf.Accounting.Json;

/// <summary>A buffer for <see cref="System.Text.Json.Utf8JsonWriter"/> that passes what was written to a stream whenever the
/// writer asks for room and more than <see cref="DrainThreshold"/> bytes are committed, so a large result streams to its
/// destination without a buffer of the whole document; the buffer is reused without clearing it (the writer over a stream
/// clears its buffer on every flush, which cost a large result as much as formatting a tenth of its numbers).</summary>
internal sealed class StreamBufferWriter(Stream stream) : IBufferWriter<byte>
{
    /// <summary>The committed bytes above which the next request for room first writes them to the stream.</summary>
    public const int DrainThreshold = 1 << 16;

    private byte[] _buffer = new byte[2 * DrainThreshold];
    private int _count;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_count + count > _buffer.Length)
        {
            throw new InvalidOperationException("Advanced past the buffer.");
        }

        _count += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.AsMemory(Reserve(sizeHint));

    public Span<byte> GetSpan(int sizeHint = 0) => _buffer.AsSpan(Reserve(sizeHint));

    /// <summary>Writes every committed byte to the stream and flushes it.</summary>
    public void Drain()
    {
        Write();
        stream.Flush();
    }

    /// <summary>Passes bytes written elsewhere to the stream after every committed byte (the writer must have been flushed).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Write();
        stream.Write(bytes);
    }

    private int Reserve(int sizeHint)
    {
        if (_count > DrainThreshold)
        {
            Write();
        }

        int needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _count < needed)
        {
            Array.Resize(ref _buffer, Math.Max(2 * _buffer.Length, _count + needed));
        }

        return _count;
    }

    private void Write()
    {
        if (_count > 0)
        {
            stream.Write(_buffer, 0, _count);
            _count = 0;
        }
    }
}
