using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Decoupling.Domain.Seals;

/// <summary>
/// The one byte layout a sealed .docx is written in: every part stored (not compressed, so the bytes do not depend on
/// a deflate implementation), [Content_Types].xml first and the rest in ordinal order, a fixed time stamp, no extra
/// fields. The verifier rebuilds this layout from the parts it read and compares: a changed byte in a zip header (a
/// time stamp, an attribute) that leaves every part's content alone still breaks the seal. Word reads stored parts.
/// </summary>
public static class CanonicalZip
{
    private const ushort DosDate1980 = 0x0021;

    public static byte[] Canonicalize(byte[] zip) => Write(ReadEntries(zip));

    /// <summary>True when the file is byte for byte the canonical layout of its own entries.</summary>
    public static bool IsCanonical(byte[] zip)
    {
        try
        {
            return Canonicalize(zip).AsSpan().SequenceEqual(zip);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static List<(string Name, byte[] Data)> ReadEntries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        var entries = new List<(string Name, byte[] Data)>();
        foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var stream = entry.Open();
            entries.Add((entry.FullName, DocxSeals.ReadBounded(stream)));
        }

        return entries;
    }

    private static byte[] Write(List<(string Name, byte[] Data)> entries)
    {
        var ordered = entries.OrderBy(e => e.Name == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        using var output = new MemoryStream();
        var central = new MemoryStream();
        Span<byte> local = stackalloc byte[30];
        Span<byte> header = stackalloc byte[46];
        foreach (var (name, data) in ordered)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var flags = (ushort)(nameBytes.Any(b => b >= 0x80) ? 0x0800 : 0);
            var crc = Crc32(data);
            var offset = (uint)output.Position;

            local.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(local[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(local[6..], flags);
            BinaryPrimitives.WriteUInt16LittleEndian(local[8..], 0); // stored
            BinaryPrimitives.WriteUInt16LittleEndian(local[10..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(local[12..], DosDate1980);
            BinaryPrimitives.WriteUInt32LittleEndian(local[14..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(local[18..], (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(local[22..], (uint)data.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(local[26..], (ushort)nameBytes.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(local[28..], 0);
            output.Write(local);
            output.Write(nameBytes);
            output.Write(data);

            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(header[8..], flags);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(header[12..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(header[14..], DosDate1980);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)data.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)nameBytes.Length);
            // extra, comment, disk, internal and external attributes: all zero
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], offset);
            central.Write(header);
            central.Write(nameBytes);
        }

        var centralOffset = (uint)output.Position;
        central.Position = 0;
        central.CopyTo(output);
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)ordered.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)ordered.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)central.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], centralOffset);
        output.Write(end);
        return output.ToArray();
    }

    internal static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
