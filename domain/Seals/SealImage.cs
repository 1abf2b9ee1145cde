using System.Buffers.Binary;
using System.IO.Compression;

namespace Decoupling.Domain.Seals;

/// <summary>
/// The visible seal: a red ring with a five-pointed star, drawn pixel by pixel into a PNG (no imaging library, no
/// fonts: the unit's name is printed as text beside it). The same picture for every unit, so its digest is stable.
/// </summary>
public static class SealImage
{
    private const int Size = 240;

    public static readonly Lazy<byte[]> Png = new(Draw);

    private static byte[] Draw()
    {
        var pixels = new byte[Size * (Size * 4 + 1)];
        var centre = (Size - 1) / 2.0;
        var star = StarPolygon(centre, centre, 62, 24);
        for (var y = 0; y < Size; y++)
        {
            var row = y * (Size * 4 + 1);
            pixels[row] = 0; // filter: none
            for (var x = 0; x < Size; x++)
            {
                var distance = Math.Sqrt((x - centre) * (x - centre) + (y - centre) * (y - centre));
                var ring = distance is >= 104 and <= 116;
                var inner = distance is >= 92 and <= 95;
                var inStar = Inside(star, x, y);
                if (ring || inner || inStar)
                {
                    var offset = row + 1 + x * 4;
                    pixels[offset] = 0xC8;
                    pixels[offset + 1] = 0x10;
                    pixels[offset + 2] = 0x2E;
                    pixels[offset + 3] = 0xE6;
                }
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Size);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(pixels);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static (double X, double Y)[] StarPolygon(double cx, double cy, double outer, double inner) =>
        Enumerable.Range(0, 10).Select(i =>
        {
            var radius = i % 2 == 0 ? outer : inner;
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            return (cx + radius * Math.Cos(angle), cy + radius * Math.Sin(angle));
        }).ToArray();

    private static bool Inside((double X, double Y)[] polygon, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = polygon.Length - 1; i < polygon.Length; j = i++)
        {
            if ((polygon[i].Y > y) != (polygon[j].Y > y)
                && x < (polygon[j].X - polygon[i].X) * (y - polygon[i].Y) / (polygon[j].Y - polygon[i].Y) + polygon[i].X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, CanonicalZip.Crc32(typed));
        png.Write(crc);
    }
}
