using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Workbook.Processes.Wire;

/// <summary>
/// Length-prefixed JSON frames: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.
/// </summary>
/// <remarks>
/// A length prefix (rather than newline-delimited JSON) lets the reader know exactly when a
/// message is complete without scanning for a delimiter. Not thread-safe: each
/// <see cref="PipeWriter"/> needs one writer at a time, and each <see cref="PipeReader"/> one reader.
/// </remarks>
internal static class FrameCodec
{
    /// <summary>Largest frame either side accepts; anything bigger means the stream is corrupt.</summary>
    public const int MaxFrameBytes = 1 << 20;

    private const int HeaderBytes = 4;

    /// <summary>Writes one message as a frame and flushes it.</summary>
    /// <exception cref="IOException">The reading side has gone away.</exception>
    public static async ValueTask WriteAsync<T>(
        PipeWriter writer, T message, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(message, typeInfo);
        if (body.Length > MaxFrameBytes)
        {
            throw new InvalidDataException(
                $"A {typeof(T).Name} of {body.Length} bytes exceeds the {MaxFrameBytes}-byte frame limit.");
        }

        WriteHeader(writer, body.Length);
        writer.Write(body);
        FlushResult flushed = await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (flushed.IsCompleted)
        {
            throw new IOException("The other side stopped reading this channel.");
        }
    }

    /// <summary>Reads frames until the writer completes the pipe; a half-written last frame is an error.</summary>
    /// <exception cref="InvalidDataException">A frame is malformed, too large, or cut off.</exception>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        PipeReader reader, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var decoded = new List<T>();
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            decoded.Clear();
            while (TryReadFrame(ref buffer, typeInfo, out T? message))
            {
                decoded.Add(message);
            }

            // Tell the pipe what was consumed before handing messages out: the next ReadAsync
            // must not happen while this buffer is still borrowed.
            bool leftover = !buffer.IsEmpty;
            reader.AdvanceTo(buffer.Start, buffer.End);
            foreach (T message in decoded)
            {
                yield return message;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                if (leftover)
                {
                    throw new InvalidDataException("The stream ended in the middle of a frame.");
                }

                yield break;
            }
        }
    }

    private static void WriteHeader(PipeWriter writer, int length)
    {
        Span<byte> header = writer.GetSpan(HeaderBytes);
        BinaryPrimitives.WriteInt32BigEndian(header, length);
        writer.Advance(HeaderBytes);
    }

    private static bool TryReadFrame<T>(ref ReadOnlySequence<byte> buffer, JsonTypeInfo<T> typeInfo, out T message)
    {
        message = default!;
        if (buffer.Length < HeaderBytes)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        buffer.Slice(0, HeaderBytes).CopyTo(header);
        int length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length < 0 || length > MaxFrameBytes)
        {
            throw new InvalidDataException($"Frame length {length} is outside 0..{MaxFrameBytes}.");
        }

        if (buffer.Length < HeaderBytes + length)
        {
            return false;
        }

        var json = new Utf8JsonReader(buffer.Slice(HeaderBytes, length));
        message = JsonSerializer.Deserialize(ref json, typeInfo)
            ?? throw new InvalidDataException($"A frame decoded to a null {typeof(T).Name}.");
        buffer = buffer.Slice(HeaderBytes + length);
        return true;
    }
}
